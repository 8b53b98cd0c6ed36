/**
 * One recharts panel over time: stacked areas (ready + unacked) or lines, a 0-based y-axis
 * with nice ticks and compact labels (readable from 0 to 100,000), markers as labelled vertical
 * lines, gaps where a sample failed. Animation is off: the data moves every second.
 */
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartMarker } from '../../../shared/charts-types';
import { formatCompact, niceTicks, timeTicks } from '../../../shared/charts/axis';
import { formatClock } from '../../lib/format';
import { ChartTooltip } from './ChartTooltip';

export interface SeriesSpec {
  dataKey: string;
  name: string;
  color: string;
  kind: 'area' | 'line';
  dashed?: boolean;
}

interface Props {
  data: Record<string, number | null>[];
  series: SeriesSpec[];
  markers: ChartMarker[];
  domain: [number, number];
  height: number;
  rates?: boolean;
  /** Stack areas (ready + unacked = total). */
  stacked?: boolean;
}

export function SeriesChart({ data, series, markers, domain, height, rates, stacked }: Props) {
  let max = 0;
  for (const point of data) {
    let stack = 0;
    for (const s of series) {
      const v = point[s.dataKey];
      if (typeof v !== 'number') continue;
      if (stacked && s.kind === 'area') stack += v;
      else max = Math.max(max, v);
    }
    max = Math.max(max, stack);
  }
  const ticks = niceTicks(max);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={data} margin={{ top: 14, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border, #e2e8f0)" strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={domain}
          allowDataOverflow
          ticks={timeTicks(domain[0], domain[1])}
          tickFormatter={(t: number) => formatClock(t)}
          tick={{ fontSize: 11 }}
          minTickGap={40}
        />
        <YAxis
          domain={[0, ticks[ticks.length - 1] ?? 1]}
          ticks={ticks}
          tickFormatter={(v: number) => formatCompact(v)}
          tick={{ fontSize: 11 }}
          width={44}
          allowDecimals={!!rates}
        />
        <Tooltip content={<ChartTooltip rates={rates} />} isAnimationActive={false} />
        {series.map((s) =>
          s.kind === 'area' ? (
            <Area
              key={s.dataKey}
              type="linear"
              dataKey={s.dataKey}
              name={s.name}
              stackId={stacked ? 'counts' : undefined}
              stroke={s.color}
              fill={s.color}
              fillOpacity={0.25}
              isAnimationActive={false}
              connectNulls={false}
              dot={false}
            />
          ) : (
            <Line
              key={s.dataKey}
              type="linear"
              dataKey={s.dataKey}
              name={s.name}
              stroke={s.color}
              strokeDasharray={s.dashed ? '5 3' : undefined}
              strokeWidth={1.6}
              isAnimationActive={false}
              connectNulls={false}
              dot={false}
            />
          ),
        )}
        {markers
          .filter((m) => m.t >= domain[0] && m.t <= domain[1])
          .map((m) => (
            <ReferenceLine
              key={m.id}
              x={m.t}
              stroke={m.kind === 'connection' ? '#ef4444' : '#64748b'}
              strokeDasharray="4 2"
              label={{ value: m.label, position: 'insideTopLeft', fontSize: 10, fill: 'currentColor' }}
            />
          ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
