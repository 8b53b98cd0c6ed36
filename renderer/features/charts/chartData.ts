/** From stored series to what a chart draws: the window's samples, downsampled when long. */
import type { ChartMarker, QueueRef, SampleRow } from '../../../shared/charts/types';
import { SAMPLE_FIELDS, refKey } from '../../../shared/charts/types';
import { downsample } from '../../../shared/charts/downsample';
import type { SeriesData } from './useChartData';

/**
 * More points than this are averaged into buckets: a full-width chart is ~900 px wide, a small
 * multiple ~450 px, and a line gains nothing from more than one point per pixel.
 */
export const MAX_DRAWN_POINTS = 900;
export const MAX_DRAWN_POINTS_COMPACT = 450;

export function inWindow(series: SeriesData | undefined, start: number | undefined, end: number): SeriesData {
  if (!series) return { t: [], rows: [] };
  const from = start === undefined ? 0 : firstAtOrAfter(series.t, start);
  let to = series.t.length;
  while (to > from && series.t[to - 1]! > end) to--;
  return { t: series.t.slice(from, to), rows: series.rows.slice(from, to) };
}

/** Binary search: times ascend, and an hour of them is 3,600 entries. */
function firstAtOrAfter(t: readonly number[], time: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid]! < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Samples with a value (gaps excluded): what "distinct samples" counts. */
export function sampleCount(series: SeriesData): number {
  let count = 0;
  for (const row of series.rows) if (row.some((v) => v !== null)) count++;
  return count;
}

/**
 * The newest value of one field (an index into SAMPLE_FIELDS), looking back past rows that do
 * not know it (a gap, or a second filled from the broker's history, which has no consumer count).
 */
export function lastKnown(series: SeriesData, field: number): number | null {
  for (let i = series.rows.length - 1; i >= 0; i--) {
    const value = series.rows[i]![field];
    if (value !== null && value !== undefined) return value;
  }
  return null;
}

export function pointsFor(series: SeriesData, prefix = '', maxPoints = MAX_DRAWN_POINTS): Record<string, number | null>[] {
  const drawn = downsample(series, maxPoints);
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
