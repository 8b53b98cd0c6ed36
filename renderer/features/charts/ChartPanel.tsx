/**
 * One panel of a chart card (its messages or its rates): drawn by SeriesChart while it is on
 * screen, or while its card exports a PNG; an empty box of the same height otherwise. Each panel
 * watches its own visibility: at 1280×800 with a dozen queue charts, 4 of their 24 panels are on
 * screen, and only those redraw every second (a card half below the fold draws its visible half).
 */
import { createContext, memo, useContext, useMemo } from 'react';
import type { ChartMarker } from '../../../shared/charts/types';
import type { SeriesData } from './useChartData';
import { useInView } from './useInView';
import { useWidth } from './useWidth';
import { pointsFor } from './chartData';
import { ChartLegend } from './ChartLegend';
import { SeriesChart, type SeriesSpec } from './SeriesChart';

/** True while a card exports a PNG: its panels draw even when off screen. */
export const DrawEvenOffScreen = createContext(false);

const NO_POINTS: Record<string, number | null>[] = [];

interface Props {
  /** The panel's heading, and its legend's name. */
  title: string;
  legend: string;
  series: SeriesSpec[];
  data: SeriesData;
  /** Longer windows are averaged into at most this many points, and never more than the panel's pixels. */
  maxPoints: number;
  markers: ChartMarker[];
  domain: [number, number];
  height: number;
  rates?: boolean;
  stacked?: boolean;
}

export const ChartPanel = memo(function ChartPanel({ title, legend, series, data, maxPoints, markers, domain, height, rates, stacked }: Props) {
  const [ref, inView] = useInView<HTMLDivElement>();
  const exporting = useContext(DrawEvenOffScreen);
  const drawn = inView || exporting;
  const width = useWidth(ref);
  // One point per pixel at most: a line gains nothing from more. Off screen nothing is built.
  const points = useMemo(() => (drawn ? pointsFor(data, '', Math.max(10, Math.min(maxPoints, width ?? maxPoints))) : NO_POINTS), [drawn, data, maxPoints, width]);
  return (
    <div ref={ref} data-drawn={drawn}>
      <div className="charts-panel-head">
        <p className="charts-panel-label">{title}</p>
        <ChartLegend label={legend} series={series} />
      </div>
      {drawn ? (
        <SeriesChart data={points} series={series} markers={markers} domain={domain} height={height} rates={rates} stacked={stacked} />
      ) : (
        <div className="charts-panel-placeholder" style={{ height }} />
      )}
    </div>
  );
});
