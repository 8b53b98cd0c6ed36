/**
 * Rates from the broker's cumulative counters (messages published, delivered, acked …).
 * The broker's own `*_details.rate` is averaged over 5 s; Warren samples every second, so it
 * computes rates itself from counter deltas. A counter that goes down has been reset (broker
 * restart, queue re-created): the new value counts from zero, as Prometheus' rate() assumes.
 */

export interface CounterReading {
  t: number;
  value: number | null;
}

/**
 * Messages per second between two readings; null when either is unknown or time did not move.
 * After a reset (current < previous) the current value is what accumulated since the reset.
 */
export function counterRate(previous: CounterReading | undefined, current: CounterReading): number | null {
  if (!previous || previous.value === null || current.value === null) return null;
  const seconds = (current.t - previous.t) / 1000;
  if (!(seconds > 0)) return null;
  const delta = current.value >= previous.value ? current.value - previous.value : current.value;
  return delta / seconds;
}

/**
 * Keeps the last few readings of each counter and answers the rate over roughly `spanMs`
 * (the oldest kept reading at least that old, or the oldest there is). A span of two sample
 * intervals smooths the aliasing between Warren's clock and the broker's stats clock.
 */
export class CounterTracker {
  private readonly readings = new Map<string, CounterReading[]>();

  constructor(
    private readonly spanMs = 2000,
    private readonly keep = 4,
  ) {}

  /** Records `value` at `t` and returns the rate, or null when it cannot be known yet. */
  rate(key: string, t: number, value: number | null): number | null {
    const list = this.readings.get(key) ?? [];
    const current = { t, value };
    // A reset between two kept readings invalidates the older ones (their deltas span the reset).
    const last = list[list.length - 1];
    if (last && last.value !== null && value !== null && value < last.value) list.splice(0, list.length - 1);
    let base: CounterReading | undefined;
    for (let i = list.length - 1; i >= 0; i--) {
      base = list[i];
      if (t - list[i]!.t >= this.spanMs) break;
    }
    const rate = counterRate(base, current);
    list.push(current);
    if (list.length > this.keep) list.shift();
    this.readings.set(key, list);
    return rate;
  }

  /** Forgets a counter (its queue is no longer watched) or all of them (new connection). */
  forget(key?: string): void {
    if (key === undefined) this.readings.clear();
    else this.readings.delete(key);
  }

  get size(): number {
    return this.readings.size;
  }
}
