/**
 * One queue's life: ready and unacked stacked (their top is the total), and the rates
 * (publish, deliver, ack, redeliver) below, with markers on both.
 */
import { useMemo } from 'react';
import type { ChartMarker, QueueRef, SampleSource } from '../../../shared/charts-types';
import type { SeriesData } from '../../hooks/chartsData';
import { Badge } from '../Badge';
import { ChartCard } from './ChartCard';
import { FIELD_COLORS, FIELD_LABELS } from './chartColors';
import { pointsFor, sampleCount } from './chartData';
import { SeriesChart, type SeriesSpec } from './SeriesChart';

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

interface Props {
  queue: QueueRef;
  data: SeriesData;
  markers: ChartMarker[];
  domain: [number, number];
  source: SampleSource;
  version: number;
  compact?: boolean;
}

export function QueueChart({ queue, data, markers, domain, source, version, compact }: Props) {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` says when the arrays grew.
  const points = useMemo(() => pointsFor(data), [data, version]);
  const count = sampleCount(data);
  const last = data.rows[data.rows.length - 1];
  const amqpOnly = source === 'amqp';
  const countSeries = amqpOnly ? [COUNT_SERIES[0]!] : [...COUNT_SERIES, TOTAL_SERIES];
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
              · ready {last[0] ?? '—'} · unacked {last[1] ?? '—'} · consumers {last[3] ?? '—'}
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
      <p className="charts-panel-label">Messages</p>
      <SeriesChart data={points} series={countSeries} markers={markers} domain={domain} height={compact ? 150 : 220} stacked />
      {amqpOnly ? null : (
        <>
          <p className="charts-panel-label">Rates (messages/s)</p>
          <SeriesChart data={points} series={RATE_SERIES} markers={markers} domain={domain} height={compact ? 110 : 160} rates />
        </>
      )}
    </ChartCard>
  );
}
