/** What each line of a chart panel is: a swatch in the series' colour (dashed when the line is) and its name. */
import type { SeriesSpec } from './SeriesChart';

export function ChartLegend({ label, series }: { label: string; series: readonly SeriesSpec[] }) {
  return (
    <ul className="charts-legend" aria-label={`${label} legend`}>
      {series.map((s) => (
        <li key={s.dataKey}>
          <span aria-hidden="true" className={`charts-swatch${s.dashed ? ' is-dashed' : ''}${s.kind === 'area' ? ' is-area' : ''}`} style={{ borderColor: s.color, background: s.kind === 'area' ? s.color : undefined }} />
          {s.name}
        </li>
      ))}
    </ul>
  );
}
