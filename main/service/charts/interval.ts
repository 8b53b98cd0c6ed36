/**
 * Estimates how often the broker refreshes its statistics from when its counters change.
 * The management API does not report `collect_statistics_interval`; while messages move, the
 * counters change once per broker interval, so the shortest gap between observed changes
 * converges on it (1 s on Warren's sandbox, 5 s by default elsewhere).
 */
export class BrokerIntervalEstimator {
  private lastFingerprint?: string;
  private lastChangeAt?: number;
  private gaps: number[] = [];

  constructor(private readonly keep = 8) {}

  /** Feeds one sample's counters; returns the estimate in ms (rounded to whole seconds), if any. */
  observe(t: number, counters: readonly (number | null)[]): number | undefined {
    const fingerprint = counters.join(',');
    if (this.lastFingerprint !== undefined && fingerprint !== this.lastFingerprint) {
      if (this.lastChangeAt !== undefined) {
        this.gaps.push(t - this.lastChangeAt);
        if (this.gaps.length > this.keep) this.gaps.shift();
      }
      this.lastChangeAt = t;
    }
    this.lastFingerprint = fingerprint;
    return this.estimate;
  }

  /** Needs three gaps between changes before it says anything. */
  get estimate(): number | undefined {
    if (this.gaps.length < 3) return undefined;
    const shortest = Math.min(...this.gaps);
    return Math.max(1000, Math.round(shortest / 1000) * 1000);
  }

  reset(): void {
    this.lastFingerprint = undefined;
    this.lastChangeAt = undefined;
    this.gaps = [];
  }
}
