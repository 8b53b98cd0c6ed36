/** Turns series arrays into the objects recharts draws, and back to rows for export. */
import { SAMPLE_FIELDS, type ChartPoint, type SampleRow } from '../../../shared/charts/types';

export function toPoints(t: readonly number[], rows: readonly SampleRow[]): ChartPoint[] {
  const points: ChartPoint[] = [];
  for (let i = 0; i < t.length; i++) {
    const row = rows[i] ?? [];
    const point = { t: t[i]! } as ChartPoint;
    SAMPLE_FIELDS.forEach((field, f) => {
      point[field] = row[f] ?? null;
    });
    points.push(point);
  }
  return points;
}

/** Samples within [now - windowMs, now]; all of them when windowMs is undefined. */
export function windowStart(now: number, windowMs: number | undefined): number | undefined {
  return windowMs === undefined ? undefined : now - windowMs;
}

export const TIME_WINDOWS = [
  { id: '1m', label: '1 min', ms: 60_000 },
  { id: '5m', label: '5 min', ms: 300_000 },
  { id: '15m', label: '15 min', ms: 900_000 },
  { id: '1h', label: '1 h', ms: 3_600_000 },
  { id: 'all', label: 'All', ms: undefined },
] as const;
export type TimeWindowId = (typeof TIME_WINDOWS)[number]['id'];
