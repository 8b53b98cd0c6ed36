/**
 * One queue's chart: ready and unacked stacked (their sum is the queue's total, drawn dashed
 * on top) and the rates (publish, deliver, ack, redeliver) below, with markers on both.
 * A panel scrolled out of view keeps its numbers and skips drawing (see ChartPanel).
 */
import { memo } from 'react';
import type { ChartMarker, QueueRef, SampleSource } from '../../../shared/charts/types';
import type { SeriesData } from './useChartData';
import { Badge } from '../../ui/Badge';
import { ChartCard } from './ChartCard';
import { FIELD_COLORS, FIELD_LABELS } from './chartColors';
import { lastKnown, MAX_DRAWN_POINTS, MAX_DRAWN_POINTS_COMPACT, sampleCount } from './chartData';
import type { SeriesSpec } from './SeriesChart';
import { ChartPanel } from './ChartPanel';

const COUNT_SERIES: SeriesSpec[] = [
  { dataKey: 'ready', name: FIELD_LABELS.ready, color: FIELD_COLORS.ready, kind: 'area' },
  { dataKey: 'unacked', name: FIELD_LABELS.unacked, color: FIELD_COLORS.unacked, kind: 'area' },
];
const TOTAL_SERIES: SeriesSpec = { dataKey: 'total', name: FIELD_LABELS.total, color: FIELD_COLORS.total, kind: 'line', dashed: true };
const RATE_SERIES: SeriesSpec[] = (['publish', 'deliver', 'ack', 'redeliver'] as const).map((f) => ({
  dataKey: f,
  name: FIELD_LABELS[f],
  color: FIELD_COLORS[f],
  kind: 'line',
}));
const AMQP_COUNTS = [COUNT_SERIES[0]!];
const ALL_COUNTS = [...COUNT_SERIES, TOTAL_SERIES];

interface Props {
  queue: QueueRef;
  data: SeriesData;
  markers: ChartMarker[];
  domain: [number, number];
  source: SampleSource;
  compact?: boolean;
}

export const QueueChart = memo(function QueueChart({ queue, data, markers, domain, source, compact }: Props) {
  const maxPoints = compact ? MAX_DRAWN_POINTS_COMPACT : MAX_DRAWN_POINTS;
  const count = sampleCount(data);
  const last = data.rows[data.rows.length - 1];
  const amqpOnly = source === 'amqp';
  const countSeries = amqpOnly ? AMQP_COUNTS : ALL_COUNTS;
  const countHeight = compact ? 150 : 220;
  const rateHeight = compact ? 110 : 160;
  return (
    <ChartCard
      title={queue.queue}
      testId="queue-chart"
      sampleCount={count}
      seriesNames={[...countSeries.map((s) => s.dataKey), ...(amqpOnly ? [] : RATE_SERIES.map((s) => s.dataKey))]}
      csv={() => [{ label: queue.queue, t: data.t, rows: data.rows }]}
      subtitle={
        <>
          <span className="muted">vhost {queue.vhost}</span>
          {last ? (
            <span className="charts-now" data-testid="queue-chart-now">
              {' '}
              · ready {last[0] ?? '—'} · unacked {last[1] ?? '—'} · consumers {lastKnown(data, 3) ?? '—'}
            </span>
          ) : null}
          {amqpOnly ? (
            <>
              {' '}
              <Badge tone="warn" title="The management API is not available: counts come from AMQP passive declares">
                AMQP counts only
              </Badge>
            </>
          ) : null}
        </>
      }
    >
      <ChartPanel title="Messages" legend="Messages" series={countSeries} data={data} maxPoints={maxPoints} markers={markers} domain={domain} height={countHeight} stacked />
      {amqpOnly ? null : (
        <ChartPanel title="Rates (messages/s)" legend="Rates" series={RATE_SERIES} data={data} maxPoints={maxPoints} markers={markers} domain={domain} height={rateHeight} rates />
      )}
    </ChartCard>
  );
});
