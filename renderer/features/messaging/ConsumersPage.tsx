/** Consumers: attach or tap, watch messages arrive live, act on them; peek without consuming. */
import { memo, useEffect, useMemo } from 'react';
import type { ReceivedMessage } from '../../../shared/messaging/types';
import { EmptyState } from '../../ui/EmptyState';
import { PageShell } from '../../ui/PageShell';
import { AttachForm } from './AttachForm';
import { ConsumerPanel } from './ConsumerPanel';
import { PeekPanel } from './PeekPanel';
import { StreamPanel } from '../streams/StreamPanel';
import { useStore } from '../../app/store';
import { useStores } from '../../app/stores';
import { useWarren } from '../../app/useWarren';
import './messaging.css';

// The page redraws as messages stream in; the forms around the lists need not.
const StaticAttachForm = memo(AttachForm);
const StaticPeekPanel = memo(PeekPanel);
const NO_MESSAGES: ReceivedMessage[] = [];

export function ConsumersPage() {
  const { connection } = useWarren();
  const { messaging } = useStores();
  const { consumers, messages, seen, skipped } = useStore(messaging.consumers);
  const { hints } = useStore(messaging);
  const connected = connection.status === 'connected';
  const exchanges = useMemo(() => (hints?.exchanges ?? []).map((x) => x.name).filter(Boolean), [hints]);
  const queues = useMemo(() => hints?.queues ?? [], [hints]);
  useEffect(() => {
    if (!connected) return;
    void messaging.loadHints();
  }, [messaging, connected, connection.since, consumers.length]);

  return (
    <PageShell className="msg-page" title="Consumers" subtitle="Watch exactly what arrives, and act on it. Each consumer has its own channel and prefetch." needs="reachable">
      <StaticAttachForm queues={queues} exchanges={exchanges} />
      {consumers.length === 0 ? (
        <EmptyState title="No consumers attached">
          <p>Attach one to a queue (several on one queue share its messages round-robin), or tap an exchange.</p>
        </EmptyState>
      ) : (
        consumers.map((c) => <ConsumerPanel key={c.id} consumer={c} messages={messages.get(c.id) ?? NO_MESSAGES} seen={seen.get(c.id) ?? 0} skipped={skipped.get(c.id) ?? 0} />)
      )}
      <StaticPeekPanel queues={queues} />
      <StreamPanel queues={queues} />
    </PageShell>
  );
}
