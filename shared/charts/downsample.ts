/**
 * Fewer points for long windows: a chart 1,000 px wide gains nothing from 3,600 points. Time is
 * cut into equal buckets; each bucket becomes one point at its last time with the mean of each
 * field (means keep a stacked ready + unacked equal to total, and average rates stay rates).
 * A bucket where a field has no value keeps the gap.
 */

export interface Points {
  t: number[];
  rows: (number | null)[][];
}

export function downsample(input: Points, maxPoints: number): Points {
  const n = input.t.length;
  if (maxPoints < 1) throw new RangeError('maxPoints must be at least 1');
  if (n <= maxPoints) return input;
  const first = input.t[0]!;
  const last = input.t[n - 1]!;
  const span = last - first;
  const width = input.rows[0]?.length ?? 0;
  const out: Points = { t: [], rows: [] };
  let bucketIndex = -1;
  let sums: number[] = [];
  let counts: number[] = [];
  let lastT = 0;
  const flush = () => {
    if (bucketIndex < 0) return;
    out.t.push(lastT);
    out.rows.push(sums.map((s, f) => (counts[f]! > 0 ? s / counts[f]! : null)));
  };
  for (let i = 0; i < n; i++) {
    const t = input.t[i]!;
    const bucket = span === 0 ? 0 : Math.min(maxPoints - 1, Math.floor(((t - first) / span) * maxPoints));
    if (bucket !== bucketIndex) {
      flush();
      bucketIndex = bucket;
      sums = new Array<number>(width).fill(0);
      counts = new Array<number>(width).fill(0);
    }
    lastT = t;
    const row = input.rows[i]!;
    for (let f = 0; f < width; f++) {
      const value = row[f];
      if (value !== null && value !== undefined && Number.isFinite(value)) {
        sums[f]! += value;
        counts[f]! += 1;
      }
    }
  }
  flush();
  return out;
}
