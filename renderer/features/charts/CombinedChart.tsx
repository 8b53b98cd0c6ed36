/** Several queues on one chart: ready (solid) and unacked (dashed) per queue, one colour each. */
import { useMemo } from 'react';
import type { ChartMarker, QueueRef } from '../../../shared/charts/types';
import type { SeriesData } from './useChartData';
import { ChartCard } from './ChartCard';
import { QUEUE_PALETTE } from './chartColors';
import { mergedPoints, sampleCount } from './chartData';
import { SeriesChart, type SeriesSpec } from './SeriesChart';

interface Props {
  queues: { ref: QueueRef; data: SeriesData }[];
  markers: ChartMarker[];
  domain: [number, number];
}

export function CombinedChart({ queues, markers, domain }: Props) {
  // `queues` is a new list of window slices exactly when samples arrived or the window moved.
  const points = useMemo(() => mergedPoints(queues.map((q, i) => ({ prefix: `q${i}.`, series: q.data }))), [queues]);
  // The series specs change only when the queues drawn do (not with every sample).
  const names = queues.map((q) => q.ref.queue).join('\u0000');
  const series = useMemo(() => countSeriesFor(names.split('\u0000')), [names]);
  const rateSeries = useMemo(() => rateSeriesFor(names.split('\u0000')), [names]);
  return (
    <ChartCard
      title={`${queues.length} queues`}
      testId="combined-chart"
      sampleCount={Math.max(0, ...queues.map((q) => sampleCount(q.data)))}
      seriesNames={series.map((s) => s.dataKey)}
      csv={() => queues.map((q) => ({ label: q.ref.queue, t: q.data.t, rows: q.data.rows }))}
      subtitle={<span className="muted">Ready (solid) and unacked (dashed) per queue; deliver rate below</span>}
    >
      <p className="charts-panel-label">Messages</p>
      <SeriesChart data={points} series={series} markers={markers} domain={domain} height={260} />
      <p className="charts-panel-label">Deliver rate (messages/s)</p>
      <SeriesChart data={points} series={rateSeries} markers={markers} domain={domain} height={150} rates />
    </ChartCard>
  );
}

function countSeriesFor(names: string[]): SeriesSpec[] {
  return names.flatMap((name, i) => {
    const color = QUEUE_PALETTE[i % QUEUE_PALETTE.length]!;
    return [
      { dataKey: `q${i}.ready`, name: `${name} ready`, color, kind: 'line' as const },
      { dataKey: `q${i}.unacked`, name: `${name} unacked`, color, kind: 'line' as const, dashed: true },
    ];
  });
}

function rateSeriesFor(names: string[]): SeriesSpec[] {
  return names.map((name, i) => ({
    dataKey: `q${i}.deliver`,
    name: `${name} deliver/s`,
    color: QUEUE_PALETTE[i % QUEUE_PALETTE.length]!,
    kind: 'line' as const,
  }));
}
