/** Overview: which broker, its nodes, object totals, queued messages and rates — every 2 s. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageShell } from '../../ui/PageShell';
import { BrokerInfo } from './BrokerInfo';
import { NodesTable } from './NodesTable';
import { OverviewStats } from './OverviewStats';
import { VhostPicker } from './VhostPicker';
import { overviewKey } from './store';
import { usePageVisible } from '../../ui/usePageVisible';
import { BrokerPicker } from '../brokers/BrokerPicker';
import { usePageBroker } from '../brokers/usePageBroker';
import { sessionKey as keyOf } from '../../app/sessionStore';

/** The chart (and its charting library) loads after the page's numbers: they are what a start waits for. */
const OverviewChart = lazy(async () => ({ default: (await import('../charts/OverviewChart')).OverviewChart }));
import { useStore } from '../../app/store';
import { useStores } from '../../app/stores';
import { formatClock } from '../../ui/format';

const UNAVAILABLE_PREFIX = 'Management API unavailable: ';

export function OverviewPage() {
  const { connection, beside } = usePageBroker('overview');
  const visible = usePageVisible();
  const store = useStores().overview;
  const sessionKey = keyOf(connection);
  // The chosen vhost belongs to one connection: a different broker starts from "all".
  const [choice, setChoice] = useState<{ profileId?: string; vhost?: string }>({});
  const vhost = choice.profileId === connection.profileId ? choice.vhost : undefined;

  const live = connection.status === 'connected' || connection.status === 'reconnecting';
  const polling = visible && connection.status === 'connected';
  useEffect(() => (polling ? store.poll(vhost, sessionKey) : undefined), [store, polling, vhost, sessionKey]);
  const answer = useStore(store);
  const loading = answer.key !== overviewKey(vhost, sessionKey);
  const { overview, error } = answer;
  // Only show numbers that answer the question asked (the right vhost, and a live connection).
  const current = live && overview && overview.vhost === (vhost ?? '') ? overview : undefined;

  return (
    <PageShell
      title="Overview"
      subtitle={current ? `Updated ${formatClock(current.sampledAt)} · every 2 s` : 'Broker health at a glance'}
      needs="reachable"
      connection={connection}
      actions={
        <>
          <BrokerPicker page="overview" />
          {current?.management.available !== false ? (
            <VhostPicker vhosts={overview?.vhosts ?? []} value={vhost} onChange={(next) => setChoice({ profileId: connection.profileId, vhost: next })} />
          ) : null}
        </>
      }
    >
          {connection.status === 'reconnecting' ? (
            <ErrorNotice
              tone="warning"
              error={{ message: 'Figures are paused while Warren reconnects to the broker.', hint: connection.error?.hint }}
            />
          ) : null}
          {error ? (
            <ErrorNotice title="Could not read the overview" error={error} />
          ) : null}
          {current && !current.management.available ? (
            <ErrorNotice
              tone="warning"
              error={{
                message: current.management.error.message.startsWith(UNAVAILABLE_PREFIX)
                  ? current.management.error.message
                  : `${UNAVAILABLE_PREFIX}${current.management.error.message}`,
                hint: current.management.error.hint,
              }}
            />
          ) : null}
          {current ? (
            <div className={`overview-data${connection.status === 'reconnecting' ? ' is-stale' : ''}`}>
              <BrokerInfo overview={current} />
              {current.management.available ? (
                <>
                  <OverviewStats overview={current} scoped={vhost !== undefined} />
                  {/* The sampler charts the main connection only: a broker beside it shows its numbers, not another's chart. */}
                  {beside ? null : (
                    <Suspense fallback={null}>
                      <OverviewChart />
                    </Suspense>
                  )}
                  <NodesTable nodes={current.nodes} />
                </>
              ) : null}
            </div>
          ) : loading && !error ? (
            <p className="muted" aria-live="polite">
              Loading the overview…
            </p>
          ) : null}
    </PageShell>
  );
}
