import { describe, expect, it } from 'vitest';
import { SAMPLE_FIELDS } from '../../../../shared/charts/types';
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
