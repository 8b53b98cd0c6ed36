/**
 * The broker-wide series (all virtual hosts): queued messages and rates, sampled every second
 * by the main process. Self-contained, so the Overview page can embed it: <OverviewChart />.
 */
import { useMemo } from 'react';
import '../../styles/charts.css';
import { useChartSeries, OVERVIEW_KEY } from '../../hooks/chartsData';
import { ChartCard } from './ChartCard';
import { FIELD_COLORS, FIELD_LABELS } from './chartColors';
import { inWindow, pointsFor, sampleCount } from './chartData';
import { SeriesChart, type SeriesSpec } from './SeriesChart';

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

export function OverviewChart({ windowMs = 5 * 60_000, height = 160 }: { windowMs?: number; height?: number }) {
  const { series, markers, version, now } = useChartSeries([], true);
  const data = inWindow(series.get(OVERVIEW_KEY), now - windowMs, now);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` says when the arrays grew.
  const points = useMemo(() => pointsFor(data), [version, windowMs]);
  const domain: [number, number] = [now - windowMs, now];
  const shownMarkers = markers.filter((m) => !m.ref);
  return (
    <ChartCard
      title="All queues (broker)"
      testId="overview-chart"
      sampleCount={sampleCount(data)}
      seriesNames={[...COUNTS, ...RATES].map((s) => s.dataKey)}
      csv={() => [{ label: 'broker', t: data.t, rows: data.rows }]}
      subtitle={<span className="muted">Last {Math.round(windowMs / 60_000)} min, every second</span>}
    >
      <p className="charts-panel-label">Messages</p>
      <SeriesChart data={points} series={COUNTS} markers={shownMarkers} domain={domain} height={height} stacked />
      <p className="charts-panel-label">Rates (messages/s)</p>
      <SeriesChart data={points} series={RATES} markers={shownMarkers} domain={domain} height={Math.round(height * 0.75)} rates />
    </ChartCard>
  );
}
