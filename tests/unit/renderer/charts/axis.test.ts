import { describe, expect, it } from 'vitest';
import { formatCompact, niceTicks, timeTicks } from '../../../../renderer/features/charts/axis';

describe('y-axis', () => {
  it('has nice ticks from 0 to 100,000 and for small counts', () => {
    expect(niceTicks(100_000)).toEqual([0, 25_000, 50_000, 75_000, 100_000]);
    expect(niceTicks(87_312)).toEqual([0, 25_000, 50_000, 75_000, 100_000]);
    expect(niceTicks(50)).toEqual([0, 20, 40, 60]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0)).toEqual([0, 1]);
    for (const max of [7, 13, 999, 12_345, 1e6]) {
      const ticks = niceTicks(max);
      expect(ticks[0]).toBe(0);
      expect(ticks[ticks.length - 1]!).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(7);
    }
  });

  it('puts time ticks on round clock steps', () => {
    expect(timeTicks(0, 60_000)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000]);
    expect(timeTicks(1_000, 301_000)).toEqual([60_000, 120_000, 180_000, 240_000, 300_000]);
    expect(timeTicks(5, 5)).toEqual([5]);
  });

  it('labels compactly', () => {
    expect(formatCompact(950)).toBe('950');
    expect(formatCompact(1500)).toBe('1.5k');
    expect(formatCompact(25_000)).toBe('25k');
    expect(formatCompact(100_000)).toBe('100k');
    expect(formatCompact(2_500_000)).toBe('2.5M');
    expect(formatCompact(2.25)).toBe('2.3');
    expect(formatCompact(0)).toBe('0');
  });
});
