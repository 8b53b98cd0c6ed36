/**
 * The broker-wide series (all virtual hosts): queued messages and rates, sampled every second
 * by the main process. Self-contained, so the Overview page can embed it: <OverviewChart />.
 */
import { useMemo } from 'react';
import type { QueueRef } from '../../../shared/charts/types';
import './charts.css';
import { useChartSeries, OVERVIEW_KEY } from './useChartData';
import { ChartCard } from './ChartCard';
import { FIELD_COLORS, FIELD_LABELS } from './chartColors';
import { inWindow, MAX_DRAWN_POINTS, sampleCount } from './chartData';
import type { SeriesSpec } from './SeriesChart';
import { ChartPanel } from './ChartPanel';

const COUNTS: SeriesSpec[] = [
  { dataKey: 'ready', name: FIELD_LABELS.ready, color: FIELD_COLORS.ready, kind: 'area' },
  { dataKey: 'unacked', name: FIELD_LABELS.unacked, color: FIELD_COLORS.unacked, kind: 'area' },
];
const RATES: SeriesSpec[] = (['publish', 'deliver', 'ack', 'redeliver', 'unroutable'] as const).map((f) => ({
  dataKey: f,
  name: FIELD_LABELS[f],
  color: FIELD_COLORS[f],
  kind: 'line',
}));

const NO_QUEUES: QueueRef[] = [];

export function OverviewChart({ windowMs = 5 * 60_000, height = 160 }: { windowMs?: number; height?: number }) {
  // The page keeps what the chart shows (the main process keeps the hour): the series no longer grows for an hour.
  const { series, markers, version, now } = useChartSeries(NO_QUEUES, true, windowMs);
  // Off screen (below a page of queue charts) it keeps counting but draws nothing (ChartPanel).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` says when the arrays grew.
  const data = useMemo(() => inWindow(series.get(OVERVIEW_KEY), now - windowMs, now), [series, version, now, windowMs]);
  const domain = useMemo((): [number, number] => [now - windowMs, now], [now, windowMs]);
  const shownMarkers = useMemo(() => markers.filter((m) => !m.ref), [markers]);
  const rateHeight = Math.round(height * 0.75);
  return (
    <ChartCard
      title="All queues (broker)"
      testId="overview-chart"
      sampleCount={sampleCount(data)}
      seriesNames={[...COUNTS, ...RATES].map((s) => s.dataKey)}
      csv={() => [{ label: 'broker', t: data.t, rows: data.rows }]}
      subtitle={<span className="muted">Last {Math.round(windowMs / 60_000)} min, every second</span>}
    >
      <ChartPanel title="Messages" legend="Messages" series={COUNTS} data={data} maxPoints={MAX_DRAWN_POINTS} markers={shownMarkers} domain={domain} height={height} stacked />
      <ChartPanel title="Rates (messages/s)" legend="Rates" series={RATES} data={data} maxPoints={MAX_DRAWN_POINTS} markers={shownMarkers} domain={domain} height={rateHeight} rates />
    </ChartCard>
  );
}
