/** Consumers: attach or tap, watch messages arrive live, act on them; peek without consuming. */
import { memo, useEffect, useMemo, useState } from 'react';
import type { TopologyHints } from '../../../shared/messaging/types';
import { bridge } from '../../app/bridge';
import { EmptyState } from '../../ui/EmptyState';
import { NotConnected } from '../../ui/NotConnected';
import { AttachForm } from './AttachForm';
import { ConsumerPanel } from './ConsumerPanel';
import { PeekPanel } from './PeekPanel';
import { useConsumerStore } from './useConsumers';
import { useWarren } from '../../app/useWarren';
import './messaging.css';

// The page redraws as messages stream in; the forms around the lists need not.
const StaticAttachForm = memo(AttachForm);
const StaticPeekPanel = memo(PeekPanel);

export function ConsumersPage() {
  const { connection } = useWarren();
  const { consumers, messagesOf, seenOf, skippedOf } = useConsumerStore();
  const [hints, setHints] = useState<TopologyHints>();
  const connected = connection.status === 'connected';
  const exchanges = useMemo(() => (hints?.exchanges ?? []).map((x) => x.name).filter(Boolean), [hints]);
  const queues = useMemo(() => hints?.queues ?? [], [hints]);
  useEffect(() => {
    if (!connected) return;
    void bridge.call('messaging.topology', {}).then((r) => r.ok && setHints(r.value));
  }, [connected, connection.since, consumers.length]);

  if (!connected && connection.status !== 'reconnecting') {
    return (
      <div className="page-body">
        <h1>Consumers</h1>
        <NotConnected state={connection} />
      </div>
    );
  }
  return (
    <div className="page-body msg-page">
      <div className="page-header">
        <div>
          <h1>Consumers</h1>
          <p className="page-subtitle">Watch exactly what arrives, and act on it. Each consumer has its own channel and prefetch.</p>
        </div>
      </div>
      <StaticAttachForm queues={queues} exchanges={exchanges} />
      {consumers.length === 0 ? (
        <EmptyState title="No consumers attached">
          <p>Attach one to a queue (several on one queue share its messages round-robin), or tap an exchange.</p>
        </EmptyState>
      ) : (
        consumers.map((c) => <ConsumerPanel key={c.id} consumer={c} messages={messagesOf(c.id)} seen={seenOf(c.id)} skipped={skippedOf(c.id)} />)
      )}
      <StaticPeekPanel queues={queues} />
    </div>
  );
}
