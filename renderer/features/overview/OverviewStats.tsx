/** Object totals, queued messages and message rates as number cards. */
import type { Overview } from '../../../shared/overview/types';
import { formatCount, formatRate } from '../../ui/format';
import { StatGrid, type Stat } from '../../ui/StatGrid';

function count(label: string, testId: string, value: number | undefined): Stat {
  return { label, testId, value: value === undefined ? '—' : formatCount(value), raw: value };
}

function rate(label: string, testId: string, value: number | undefined): Stat {
  return { label, testId, value: value === undefined ? '—' : formatRate(value), raw: value };
}

export function OverviewStats({ overview, scoped }: { overview: Overview; scoped: boolean }) {
  const { totals, messages, rates } = overview;
  return (
    <>
      <section className="overview-section" aria-labelledby="objects-heading">
        <h2 id="objects-heading" className="section-title">
          Objects {scoped ? <span className="section-note">(all virtual hosts)</span> : null}
        </h2>
        <StatGrid
          label="Object totals"
          stats={[
            count('Connections', 'total-connections', totals?.connections),
            count('Channels', 'total-channels', totals?.channels),
            count('Exchanges', 'total-exchanges', totals?.exchanges),
            count('Queues', 'total-queues', totals?.queues),
            count('Consumers', 'total-consumers', totals?.consumers),
          ]}
        />
      </section>
      <div className="overview-pair">
        <section className="overview-section" aria-labelledby="messages-heading">
          <h2 id="messages-heading" className="section-title">
            Messages
          </h2>
          <StatGrid
            label="Message totals"
            stats={[
              count('Ready', 'messages-ready', messages?.ready),
              count('Unacked', 'messages-unacked', messages?.unacked),
              count('Total', 'messages-total', messages?.total),
            ]}
          />
        </section>
        <section className="overview-section" aria-labelledby="rates-heading">
          <h2 id="rates-heading" className="section-title">
            Rates <span className="section-note">(messages per second)</span>
          </h2>
          <StatGrid
            label="Message rates"
            stats={[
              rate('Publish/s', 'rate-publish', rates?.publish),
              rate('Deliver/s', 'rate-deliver', rates?.deliver),
              rate('Ack/s', 'rate-ack', rates?.ack),
            ]}
          />
        </section>
      </div>
    </>
  );
}
