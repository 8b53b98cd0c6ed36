/** Several queues on one chart: ready (solid) and unacked (dashed) per queue, one colour each. */
import { useMemo } from 'react';
import type { ChartMarker, QueueRef } from '../../../shared/charts-types';
import type { SeriesData } from '../../hooks/chartsData';
import { ChartCard } from './ChartCard';
import { QUEUE_PALETTE } from './chartColors';
import { mergedPoints, sampleCount } from './chartData';
import { SeriesChart, type SeriesSpec } from './SeriesChart';

interface Props {
  queues: { ref: QueueRef; data: SeriesData }[];
  markers: ChartMarker[];
  domain: [number, number];
  version: number;
}

export function CombinedChart({ queues, markers, domain, version }: Props) {
  const points = useMemo(
    () => mergedPoints(queues.map((q, i) => ({ prefix: `q${i}.`, series: q.data }))),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` says when the arrays grew.
    [queues, version],
  );
  const series: SeriesSpec[] = queues.flatMap((q, i) => {
    const color = QUEUE_PALETTE[i % QUEUE_PALETTE.length]!;
    return [
      { dataKey: `q${i}.ready`, name: `${q.ref.queue} ready`, color, kind: 'line' as const },
      { dataKey: `q${i}.unacked`, name: `${q.ref.queue} unacked`, color, kind: 'line' as const, dashed: true },
    ];
  });
  const rateSeries: SeriesSpec[] = queues.map((q, i) => ({
    dataKey: `q${i}.deliver`,
    name: `${q.ref.queue} deliver/s`,
    color: QUEUE_PALETTE[i % QUEUE_PALETTE.length]!,
    kind: 'line' as const,
  }));
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
