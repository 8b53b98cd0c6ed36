import { describe, expect, it } from 'vitest';
import { SAMPLE_FIELDS } from '../../../../shared/charts/types';
import { BrokerIntervalEstimator } from '../../../../main/service/charts/interval';
import { CounterTracker, counterRate } from '../../../../main/service/charts/rates';
import { SeriesRing } from '../../../../main/service/charts/series-ring';
import { SampleCadence } from '../../../../main/service/charts/cadence';
import { brokerClockOffset, historyAgeSeconds, newestSample, sumSamples, valueAt } from '../../../../main/service/charts/broker-history';
import { readingAt, type QueueReading } from '../../../../main/service/charts/management-source';
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
  const started = (d: ReturnType<SampleCadence['tick']>) => {
    if (d.action !== 'start') throw new Error(`expected a start, got ${JSON.stringify(d)}`);
    return d;
  };

  it('runs one request at a time: ticks while it waits are owed to the next request, oldest first', () => {
    const cadence = new SampleCadence(30_000);
    const a = started(cadence.tick(0));
    expect(a.flight).toEqual({ t: 0, owed: [] });
    expect(cadence.tick(1000)).toEqual({ action: 'wait', waitedMs: 1000 });
    expect(cadence.tick(2000)).toEqual({ action: 'wait', waitedMs: 2000 });
    cadence.settle(a.flight);
    expect(cadence.recordable([a.flight.t])).toEqual([0]);
    cadence.recorded(0);
    const b = started(cadence.tick(3000));
    expect(b.flight).toEqual({ t: 3000, owed: [1000, 2000] });
    expect(b.expired).toEqual([]);
    expect(cadence.inFlight).toBe(true);
  });

  it('owes the second of an answer that came after the next tick to the next request, when that can fill it', () => {
    const cadence = new SampleCadence(30_000);
    const a = started(cadence.tick(0));
    cadence.tick(1000);
    expect(cadence.settle(a.flight, true)).toBe(false);
    const b = started(cadence.tick(2000));
    expect(b.flight.owed).toEqual([0, 1000]);
    // In time, or with nothing to fill it from (AMQP): the answer records its own second.
    expect(cadence.settle(b.flight, true)).toBe(true);
    const c = started(cadence.tick(3000));
    cadence.tick(4000);
    expect(cadence.settle(c.flight, false)).toBe(true);
    expect(started(cadence.tick(5000)).flight.owed).toEqual([4000]);
  });

  it('keeps a failed request’s seconds owed, before those owed while it waited', () => {
    const cadence = new SampleCadence(30_000);
    const a = started(cadence.tick(0));
    cadence.tick(1000);
    cadence.failed(a.flight);
    expect(started(cadence.tick(2000)).flight).toEqual({ t: 2000, owed: [0, 1000] });
  });

  it('gives up on seconds older than the horizon (gaps), and never records backwards', () => {
    const cadence = new SampleCadence(5000);
    const a = started(cadence.tick(0));
    for (let t = 1000; t <= 7000; t += 1000) cadence.tick(t);
    cadence.failed(a.flight);
    const b = started(cadence.tick(8000));
    expect(b.expired).toEqual([0, 1000, 2000]);
    expect(b.flight.owed).toEqual([3000, 4000, 5000, 6000, 7000]);
    cadence.recorded(5000);
    expect(cadence.recordable([4000, 5000, 6000])).toEqual([6000]);
  });

  it('on a lost connection hands back every waiting second, and a late answer for them is too old', () => {
    const cadence = new SampleCadence(30_000);
    const a = started(cadence.tick(0));
    cadence.tick(1000);
    expect(cadence.drain()).toEqual([0, 1000]);
    cadence.recorded(1000);
    cadence.failed(a.flight);
    expect(cadence.inFlight).toBe(false);
    expect(cadence.recordable([a.flight.t])).toEqual([]);
    expect(started(cadence.tick(2000)).flight).toEqual({ t: 2000, owed: [] });
  });
});

describe('broker history (seconds filled from the management API’s own samples)', () => {
  // Newest first, as the management API lists them; the broker's clock on whole seconds.
  const samples = [
    { sample: 30, timestamp: 10_000 },
    { sample: 20, timestamp: 9000 },
    { sample: 10, timestamp: 8000 },
  ];

  it('a second takes the newest sample at or before it, or null before the oldest', () => {
    expect([10_500, 10_000, 9999, 8000, 7999].map((at) => valueAt(samples, at))).toEqual([30, 30, 20, 10, null]);
    expect(valueAt(undefined, 0)).toBeNull();
    expect(valueAt([], 0)).toBeNull();
    expect(newestSample({ ready: samples, total: [{ sample: 1, timestamp: 11_000 }] })).toBe(11_000);
  });

  it('matches seconds by time when the clocks agree; else takes the newest sample as of the answer’s arrival', () => {
    expect(brokerClockOffset(10_000, 10_400)).toBe(0);
    expect(brokerClockOffset(10_000, 9500)).toBe(0);
    // The broker's clock 2 h behind, or 30 s ahead.
    expect(brokerClockOffset(10_000, 10_000 + 7_200_000)).toBe(-7_200_000);
    expect(brokerClockOffset(40_000, 10_000)).toBe(30_000);
  });

  it('adds two counters step by step, and asks back far enough for the oldest owed second', () => {
    expect(sumSamples(samples, [{ sample: 1, timestamp: 9000 }])).toEqual([{ sample: 21, timestamp: 9000 }]);
    expect(sumSamples(undefined, samples)).toEqual(samples);
    expect(historyAgeSeconds(5000, 3000)).toBe(4);
    expect(historyAgeSeconds(5000, 4990)).toBe(3);
    // A broker answering in 2.5 s counts the age from then.
    expect(historyAgeSeconds(5000, 3000, 2500)).toBe(7);
  });

  it('a queue’s reading at an earlier time: counts and counters from its history, consumers not known', () => {
    const reading: QueueReading = {
      ready: 30,
      unacked: 1,
      total: 31,
      consumers: 1,
      counters: { publish: 300, deliver: 0, ack: 0, redeliver: 0, unroutable: null },
      history: {
        ready: samples,
        unacked: [{ sample: 1, timestamp: 10_000 }, { sample: 1, timestamp: 9000 }],
        total: [{ sample: 31, timestamp: 10_000 }, { sample: 21, timestamp: 9000 }],
        publish: [{ sample: 300, timestamp: 10_000 }, { sample: 250, timestamp: 9000 }],
      },
    };
    expect(readingAt(reading, 9500)).toEqual({
      ready: 20,
      unacked: 1,
      total: 21,
      consumers: null,
      // deliver, ack, redeliver are 0 with no samples: a queue without that traffic; unroutable is not reported per queue.
      counters: { publish: 250, deliver: 0, ack: 0, redeliver: 0, unroutable: null },
    });
    expect(readingAt(reading, 8500)).toMatchObject({ ready: 10, unacked: null, total: null, counters: { publish: null } });
    expect(readingAt({ ...reading, history: undefined }, 9500)).toBeUndefined();
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
