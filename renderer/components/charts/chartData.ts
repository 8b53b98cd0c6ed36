/** From stored series to what a chart draws: the window's samples, downsampled when long. */
import type { ChartMarker, QueueRef, SampleRow } from '../../../shared/charts-types';
import { SAMPLE_FIELDS, refKey } from '../../../shared/charts-types';
import { downsample } from '../../../shared/charts/downsample';
import type { SeriesData } from '../../hooks/chartsData';

/** More points than this are averaged into buckets (a chart is ~1,000 px wide). */
export const MAX_DRAWN_POINTS = 900;

export function inWindow(series: SeriesData | undefined, start: number | undefined, end: number): SeriesData {
  if (!series) return { t: [], rows: [] };
  let from = 0;
  if (start !== undefined) while (from < series.t.length && series.t[from]! < start) from++;
  let to = series.t.length;
  while (to > from && series.t[to - 1]! > end) to--;
  return { t: series.t.slice(from, to), rows: series.rows.slice(from, to) };
}

/** Samples with a value (gaps excluded): what "distinct samples" counts. */
export function sampleCount(series: SeriesData): number {
  return series.rows.filter((row) => row.some((v) => v !== null)).length;
}

export function pointsFor(series: SeriesData, prefix = ''): Record<string, number | null>[] {
  const drawn = downsample(series, MAX_DRAWN_POINTS);
  return drawn.t.map((t, i) => {
    const row: SampleRow = drawn.rows[i] ?? [];
    const point: Record<string, number | null> = { t };
    SAMPLE_FIELDS.forEach((field, f) => (point[`${prefix}${field}`] = row[f] ?? null));
    return point;
  });
}

/** Several queues on one time axis: their ticks share times, so points merge by time. */
export function mergedPoints(parts: { prefix: string; series: SeriesData }[]): Record<string, number | null>[] {
  const byTime = new Map<number, Record<string, number | null>>();
  for (const { prefix, series } of parts) {
    for (const point of pointsFor(series, prefix)) {
      const t = point.t!;
      byTime.set(t, { ...(byTime.get(t) ?? {}), ...point });
    }
  }
  return [...byTime.values()].sort((a, b) => a.t! - b.t!);
}

export function markersFor(markers: ChartMarker[], refs: QueueRef[]): ChartMarker[] {
  const keys = new Set(refs.map(refKey));
  return markers.filter((m) => !m.ref || keys.has(refKey(m.ref)));
}
