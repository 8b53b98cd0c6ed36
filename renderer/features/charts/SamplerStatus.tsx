/** What the sampler is doing, in one line, and its warnings (slow API, late seconds, 5 s broker, AMQP only). */
import type { ChartsStatus } from '../../../shared/charts/types';
import { formatBytes } from '../../ui/format';
import { ErrorNotice } from '../../ui/ErrorNotice';

export function SamplerStatus({ status }: { status?: ChartsStatus }) {
  if (!status) return null;
  const broker = status.brokerIntervalMs;
  return (
    <>
      <p className="charts-status" data-testid="charts-status">
        {status.sampling ? `Sampling every ${status.intervalMs / 1000} s` : 'Not sampling'}
        {broker !== undefined
          ? ` · broker statistics every ${broker / 1000} s (${status.brokerIntervalBasis === 'sandbox' ? 'sandbox setting' : 'observed'})`
          : ' · broker statistics interval not known yet'}
        {status.requestStats
          ? ` · API request ${status.requestStats.medianMs} ms median, ${status.requestStats.p95Ms} ms p95 (last ${status.requestStats.count} samples)`
          : status.lastRequestMs !== undefined
            ? ` · last request ${status.lastRequestMs} ms`
            : ''}
        {status.filledLastMinute ? (
          <span title="Their request could not be made in time (the one before was still waiting); their values were read from the broker’s own per-second history by the next request.">
            {` · ${status.filledLastMinute} s of the last minute read late from the broker’s history`}
          </span>
        ) : null}
        {status.warning?.code === 'TIMEOUT' ? (
          <span className="charts-status-warn" title={status.warning.hint}>
            {` · ${status.warning.message}`}
          </span>
        ) : null}
        {` · ${status.watched.length} watched · ${formatBytes(status.memoryBytes)} of ${formatBytes(status.memoryCapBytes)} history (${Math.round(status.capacity / 60)} min per queue)`}
      </p>
      {broker !== undefined && broker > status.intervalMs ? (
        <ErrorNotice
          tone="warning"
          error={{
            message: `This broker refreshes its statistics every ${broker / 1000} s, so the charts move in ${broker / 1000} s steps.`,
            hint: 'Set collect_statistics_interval = 1000 and management.sample_retention_policies.*.minute = 1 on the broker for 1 s resolution (Warren’s sandbox does).',
          }}
        />
      ) : null}
      {/* A slow answer is transient (late seconds, then samples again): said in the line above, not
          in a notice that would push the charts down and up every few seconds. */}
      {status.warning && status.warning.code !== 'TIMEOUT' ? <ErrorNotice tone="warning" error={status.warning} /> : null}
    </>
  );
}
