import { describe, expect, it } from 'vitest';
import { downsample } from '../../../../shared/charts/downsample';

describe('downsampling for long windows', () => {
  const points = (n: number) => ({
    t: Array.from({ length: n }, (_, i) => i * 1000),
    rows: Array.from({ length: n }, (_, i) => [i, 2 * i, i % 10 === 0 ? null : 1]),
  });

  it('returns short series unchanged', () => {
    const p = points(50);
    expect(downsample(p, 100)).toBe(p);
  });

  it('reduces to at most maxPoints, keeps the time span and means per bucket', () => {
    const p = points(3600);
    const d = downsample(p, 300);
    expect(d.t.length).toBeLessThanOrEqual(300);
    expect(d.t.length).toBeGreaterThan(290);
    expect(d.t[d.t.length - 1]).toBe(3599_000);
    // Means keep stacked sums consistent: field1 = 2 × field0 in every bucket.
    for (const row of d.rows) expect(row[1]).toBeCloseTo(2 * row[0]!, 6);
    // Times ascend.
    for (let i = 1; i < d.t.length; i++) expect(d.t[i]!).toBeGreaterThan(d.t[i - 1]!);
  });

  it('keeps a gap where a bucket has no value, and ignores gaps in a bucket that has some', () => {
    const d = downsample({ t: [0, 1, 2, 3, 4, 5], rows: [[1], [3], [null], [null], [5], [null]] }, 3);
    expect(d.rows).toEqual([[2], [null], [5]]);
  });
});
