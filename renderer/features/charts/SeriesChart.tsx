/**
 * One recharts panel over time: stacked areas (ready + unacked) or lines, a 0-based y-axis
 * with nice ticks and compact labels (readable from 0 to 100,000), markers as labelled vertical
 * lines, gaps where a sample failed. Animation is off: the data moves every second.
 *
 * Cost matters (a page may draw a dozen of these every second): the component is memoized, the
 * props recharts sees are stable objects (recharts re-dispatches its settings when a prop object changes identity), its
 * children are memoized elements (a tick re-renders only the x-axis and what reads the data), ticks are
 * computed once per data change and drawn as plain SVG text (recharts' own Text wraps and
 * measures words), labels use a cached formatter, and the tooltip is mounted only while the
 * pointer is over the chart (hover is when it is needed).
 */
import { memo, useMemo, useState } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartMarker } from '../../../shared/charts/types';
import { formatCompact, niceTicks, timeTicks } from './axis';
import { ChartTooltip } from './ChartTooltip';
import { chartClock } from './chartTime';

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

const MARGIN = { top: 14, right: 12, bottom: 0, left: 0 };
/** Height of one row of stacked marker labels (room for the presenter's 16 px labels). */
const MARKER_ROW_PX = 20;
const TICK_FONT_PX = 11;
/** The grid draws horizontal lines only: recharts would still work out the vertical ones without this. */
const NO_VERTICAL_LINES = () => [];
const COUNT_TOOLTIP = <ChartTooltip />;
const RATE_TOOLTIP = <ChartTooltip rates />;

/** What recharts hands a custom tick (the parts used here). */
interface TickProps {
  x?: number | string;
  y?: number | string;
  fill?: string;
  payload?: { value?: unknown };
}

/** A time label under the x-axis. */
function TimeTick({ x, y, fill, payload }: TickProps) {
  return (
    <text x={x} y={y} dy="0.71em" textAnchor="middle" fontSize={TICK_FONT_PX} fill={fill}>
      {typeof payload?.value === 'number' ? chartClock(payload.value) : ''}
    </text>
  );
}

/** A compact count or rate left of the y-axis. */
function ValueTick({ x, y, fill, payload }: TickProps) {
  return (
    <text x={x} y={y} dy="0.355em" textAnchor="end" fontSize={TICK_FONT_PX} fill={fill}>
      {typeof payload?.value === 'number' ? formatCompact(payload.value) : ''}
    </text>
  );
}

/** The top of the y-axis: the highest stack (areas) or line value in the data. */
export function dataMax(data: Record<string, number | null>[], series: SeriesSpec[], stacked?: boolean): number {
  let max = 0;
  for (const point of data) {
    let stack = 0;
    for (const s of series) {
      const v = point[s.dataKey];
      if (typeof v !== 'number') continue;
      if (stacked && s.kind === 'area') stack += v;
      else if (v > max) max = v;
    }
    if (stack > max) max = stack;
  }
  return max;
}

/** The previous array while the contents are the same: recharts re-dispatches an axis whose props change identity. */
function useSameWhileEqual<A extends readonly unknown[]>(next: A): A {
  const [kept, setKept] = useState(next);
  if (kept === next || (kept.length === next.length && kept.every((v, i) => v === next[i]))) return kept;
  setKept(next);
  return next;
}

export const SeriesChart = memo(function SeriesChart({ data, series, markers, domain, height, rates, stacked }: Props) {
  const [start, end] = domain;
  const yTicks = useSameWhileEqual(useMemo(() => niceTicks(dataMax(data, series, stacked)), [data, series, stacked]));
  const xTicks = useSameWhileEqual(useMemo(() => timeTicks(start, end), [start, end]));
  const shown = useSameWhileEqual(useMemo(() => markers.filter((m) => m.t >= start && m.t <= end), [markers, start, end]));
  const [hover, setHover] = useState(false);
  // The chart's children as memoized elements: React skips an element it rendered before, so each
  // second only the parts whose props moved (the x-axis, the data) are rendered again by recharts.
  const grid = useMemo(() => <CartesianGrid stroke="var(--border, #e2e8f0)" strokeDasharray="3 3" vertical={false} verticalCoordinatesGenerator={NO_VERTICAL_LINES} />, []);
  const xAxis = useMemo(
    () => (
      <XAxis dataKey="t" type="number" scale="time" domain={[start, end]} allowDataOverflow ticks={xTicks} tick={TimeTick} tickFormatter={chartClock} minTickGap={40} />
    ),
    [start, end, xTicks],
  );
  const yAxis = useMemo(
    () => <YAxis domain={[0, yTicks[yTicks.length - 1] ?? 1]} ticks={yTicks} tick={ValueTick} tickFormatter={formatCompact} width={44} allowDecimals={!!rates} />,
    [yTicks, rates],
  );
  const tooltip = useMemo(() => (hover ? <Tooltip content={rates ? RATE_TOOLTIP : COUNT_TOOLTIP} isAnimationActive={false} /> : null), [hover, rates]);
  const lines = useMemo(
    () =>
      series.map((s) =>
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
      ),
    [series, stacked],
  );
  const referenceLines = useMemo(
    () =>
      shown.map((m) => (
        <ReferenceLine
          key={m.id}
          x={m.t}
          stroke={m.kind === 'connection' ? '#ef4444' : '#64748b'}
          strokeDasharray="4 2"
          label={{ value: m.label, position: 'insideTopLeft', fontSize: 10, fill: 'currentColor', dy: (m.row ?? 0) * MARKER_ROW_PX }}
        />
      )),
    [shown],
  );
  return (
    <div onPointerEnter={() => setHover(true)} onPointerLeave={() => setHover(false)}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={data} margin={MARGIN}>
          {grid}
          {xAxis}
          {yAxis}
          {tooltip}
          {lines}
          {referenceLines}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
});
