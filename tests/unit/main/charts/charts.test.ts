import { describe, expect, it } from 'vitest';
import { SAMPLE_FIELDS } from '../../../../shared/charts/types';
import { formatCompact, niceTicks, timeTicks } from '../../../../renderer/features/charts/axis';
import { parseCsv, samplesToCsv } from '../../../../renderer/features/charts/csv';
import { downsample } from '../../../../shared/charts/downsample';
import { BrokerIntervalEstimator } from '../../../../main/service/charts/interval';
import { CounterTracker, counterRate } from '../../../../main/service/charts/rates';
import { SeriesRing } from '../../../../main/service/charts/series-ring';
import { SampleCadence } from '../../../../main/service/charts/cadence';
import { MAX_WATCHED_QUEUES } from '../../../../shared/charts/contract';
import { capacityFor, ChartStore, MAX_CAPACITY, MEMORY_CAP_BYTES, MIN_CAPACITY } from '../../../../main/service/charts/store';

describe('SeriesRing', () => {
  it('stores rows column-wise, gaps as null, wrapping at capacity', () => {
    const ring = new SeriesRing(3, 2);
    ring.push(1000, [1, 2]);
    ring.push(2000, [null, 4]);
    ring.push(3000, [5]);
    ring.push(4000, [7, 8]);
    expect(ring.size).toBe(3);
    expect(ring.read()).toEqual({ t: [2000, 3000, 4000], rows: [[null, 4], [5, null], [7, 8]] });
    expect(ring.read(3000).t).toEqual([3000, 4000]);
    expect(ring.read(3500).t).toEqual([4000]);
    expect(ring.read(9999).t).toEqual([]);
    expect(ring.lastTime()).toBe(4000);
  });

  it('keeps counts up to 100,000 exact and has a fixed byte size', () => {
    const ring = new SeriesRing(10, SAMPLE_FIELDS.length);
    ring.push(1, [100_000, 99_999, 16_000_000]);
    expect(ring.rowAt(0).slice(0, 3)).toEqual([100_000, 99_999, 16_000_000]);
    const before = ring.bytes;
    for (let i = 0; i < 100; i++) ring.push(i + 2, [i]);
    expect(ring.bytes).toBe(before);
    expect(before).toBe(10 * SeriesRing.bytesPerSample(SAMPLE_FIELDS.length));
  });

  it('resizes keeping the newest samples in order', () => {
    const ring = new SeriesRing(4, 1);
    for (let i = 1; i <= 6; i++) ring.push(i * 1000, [i]);
    ring.resize(2);
    expect(ring.read()).toEqual({ t: [5000, 6000], rows: [[5], [6]] });
    ring.resize(3);
    ring.push(7000, [7]);
    ring.push(8000, [8]);
    expect(ring.read().rows).toEqual([[6], [7], [8]]);
  });
});

describe('memory cap', () => {
  it('gives each series fewer samples as more queues are watched, within bounds', () => {
    expect(capacityFor(1)).toBe(MAX_CAPACITY);
    const at500 = capacityFor(501);
    expect(at500).toBeLessThan(MAX_CAPACITY);
    expect(at500 * 501 * SeriesRing.bytesPerSample(SAMPLE_FIELDS.length)).toBeLessThanOrEqual(MEMORY_CAP_BYTES);
    expect(capacityFor(1_000_000)).toBe(MIN_CAPACITY);
  });

  it('a ring never holds more than its capacity, and its bytes do not grow as it wraps', () => {
    const ring = new SeriesRing(50, SAMPLE_FIELDS.length);
    const bytes = ring.bytes;
    for (let i = 0; i < 1_000; i++) {
      ring.push(i, SAMPLE_FIELDS.map(() => i));
      expect(ring.size).toBeLessThanOrEqual(50);
    }
    expect(ring.size).toBe(50);
    expect(ring.bytes).toBe(bytes);
    expect(ring.read().t).toHaveLength(50);
    expect(ring.timeAt(0)).toBe(950);
  });

  it('the store stays under MEMORY_CAP_BYTES with the most queues watched, however long it samples', () => {
    const store = new ChartStore();
    const refs = Array.from({ length: MAX_WATCHED_QUEUES }, (_, i) => ({ vhost: '/', queue: `q${i}` }));
    store.add(refs);
    const atStart = store.memoryBytes;
    expect(atStart).toBeLessThanOrEqual(MEMORY_CAP_BYTES);
    expect(store.capacity).toBeGreaterThanOrEqual(MIN_CAPACITY);
    // More samples than the rings hold, for a few queues (pushing all 1,000 is slow for a unit test).
    const row = SAMPLE_FIELDS.map(() => 1);
    for (let t = 1; t <= store.capacity + 100; t++) {
      for (const ref of refs.slice(0, 3)) store.pushQueue(ref, t, row, 'management');
      store.pushOverview(t, row);
    }
    expect(store.queueHistory(refs[0]!).t).toHaveLength(store.capacity);
    expect(store.overviewHistory().t).toHaveLength(store.capacity);
    expect(store.memoryBytes).toBe(atStart);
    // One more than the limit is refused rather than squeezing the rings past the cap.
    expect(() => store.add([{ vhost: '/', queue: 'one-too-many' }])).toThrow(RangeError);
    expect(store.add([refs[0]!])).toEqual([]);
  });
});

describe('sample cadence (slow management API)', () => {
  it('lets an answer slower than the interval overlap the next request, each kept at its own time', () => {
    const cadence = new SampleCadence(2, 5000);
    const a = cadence.tick(0);
    const b = cadence.tick(1000);
    expect(a.action).toBe('start');
    expect(b.action).toBe('start');
    if (a.action !== 'start' || b.action !== 'start') return;
    // A answers at 1.3 s, after B started: both samples are kept, in order.
    expect(cadence.settle(a.flight)).toBe(true);
    cadence.recorded(a.flight.t);
    expect(cadence.settle(b.flight)).toBe(true);
    cadence.recorded(b.flight.t);
    expect(cadence.inFlight).toBe(0);
  });

  it('is a gap when the limit of requests still waits; older answers than a recorded sample are dropped', () => {
    const cadence = new SampleCadence(2, 5000);
    const a = cadence.tick(0);
    const b = cadence.tick(1000);
    const c = cadence.tick(2000);
    expect(c).toEqual({ action: 'gap', waitedMs: 2000 });
    cadence.recorded(2000);
    if (a.action !== 'start' || b.action !== 'start') throw new Error('expected starts');
    expect(cadence.settle(b.flight)).toBe(false);
    expect(cadence.settle(a.flight)).toBe(false);
    // A newer request answering before an older one wins; the older is then stale.
    const d = cadence.tick(3000);
    const e = cadence.tick(4000);
    if (d.action !== 'start' || e.action !== 'start') throw new Error('expected starts');
    expect(cadence.settle(e.flight)).toBe(true);
    cadence.recorded(e.flight.t);
    expect(cadence.settle(d.flight)).toBe(false);
  });

  it('frees the slots of requests that never answer, and allows one at a time when asked', () => {
    const cadence = new SampleCadence(2, 5000);
    cadence.tick(0);
    cadence.tick(1000);
    expect(cadence.tick(2000).action).toBe('gap');
    expect(cadence.tick(5500).action).toBe('start');
    const single = new SampleCadence(2, 5000);
    single.tick(0, 1);
    expect(single.tick(1000, 1).action).toBe('gap');
  });
});

describe('rates from counters', () => {
  it('is the delta over the elapsed seconds', () => {
    expect(counterRate({ t: 0, value: 100 }, { t: 2000, value: 300 })).toBe(100);
    expect(counterRate({ t: 0, value: 5 }, { t: 500, value: 5 })).toBe(0);
  });

  it('is unknown without a previous reading, with a gap, or when time did not move', () => {
    expect(counterRate(undefined, { t: 1000, value: 3 })).toBeNull();
    expect(counterRate({ t: 0, value: null }, { t: 1000, value: 3 })).toBeNull();
    expect(counterRate({ t: 0, value: 1 }, { t: 1000, value: null })).toBeNull();
    expect(counterRate({ t: 1000, value: 1 }, { t: 1000, value: 2 })).toBeNull();
  });

  it('treats a counter that went down as reset (broker restart): the new value counts from zero', () => {
    expect(counterRate({ t: 0, value: 10_000 }, { t: 1000, value: 40 })).toBe(40);
  });

  it('CounterTracker averages over its span and never reports a negative rate across a reset', () => {
    const tracker = new CounterTracker(2000);
    expect(tracker.rate('q', 0, 0)).toBeNull();
    expect(tracker.rate('q', 1000, 100)).toBe(100);
    // Aliasing: the broker's counter did not move this second, then moved twice.
    expect(tracker.rate('q', 2000, 100)).toBe(50);
    expect(tracker.rate('q', 3000, 300)).toBe(100);
    // Broker restarted: counter back near zero.
    const afterReset = tracker.rate('q', 4000, 30);
    expect(afterReset).toBe(30);
    expect(tracker.rate('q', 5000, 60)).toBe(30);
    for (let t = 6000; t < 20_000; t += 1000) expect(tracker.rate('q', t, 60 + t / 100)).toBeGreaterThanOrEqual(0);
    tracker.forget('q');
    expect(tracker.rate('q', 30_000, 5)).toBeNull();
    expect(tracker.size).toBe(1);
  });
});

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

describe('CSV export', () => {
  it('writes one row per sample with empty cells for gaps, and reads back', () => {
    const csv = samplesToCsv(SAMPLE_FIELDS, [0, 1000], [[50, 0, 50, 0, 1.23456, null, null, null, null], [40, 10, 50, 1]], 'orders, "eu"');
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['series', 'time', 'epoch_ms', 'ready', 'unacked', 'total', 'consumers', 'publish_per_s', 'deliver_per_s', 'ack_per_s', 'redeliver_per_s', 'unroutable_per_s']);
    expect(rows[1]).toEqual(['orders, "eu"', '1970-01-01T00:00:00.000Z', '0', '50', '0', '50', '0', '1.235', '', '', '', '']);
    expect(rows[2]!.slice(3, 7)).toEqual(['40', '10', '50', '1']);
    expect(rows).toHaveLength(3);
  });
});

describe('broker statistics interval', () => {
  it('converges on the shortest gap between counter changes', () => {
    const one = new BrokerIntervalEstimator();
    for (let t = 0; t < 6000; t += 1000) one.observe(t, [t]);
    expect(one.estimate).toBe(1000);
    const five = new BrokerIntervalEstimator();
    let value = 0;
    for (let t = 0; t <= 30_000; t += 1000) {
      if (t % 5000 === 0) value += 7;
      five.observe(t, [value]);
    }
    expect(five.estimate).toBe(5000);
    const quiet = new BrokerIntervalEstimator();
    for (let t = 0; t < 6000; t += 1000) quiet.observe(t, [1]);
    expect(quiet.estimate).toBeUndefined();
  });
});
