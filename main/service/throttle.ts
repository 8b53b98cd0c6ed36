/**
 * At most one run per interval, without delaying a lone request: the first request after a quiet
 * interval runs on the next turn of the event loop, later ones when the interval since the last
 * run ends. What a caller batches meanwhile (events for the windows, a consumer's deliveries)
 * goes in that run. A plain timer per request made every batch wait a whole interval: stacked
 * (consumer deliveries, then the bridge's events) a message reached the page up to 66 ms after
 * it arrived, and the end of a stream as late.
 */
export class Throttle {
  private timer?: ReturnType<typeof setTimeout>;
  private lastRun = -Infinity;
  private stopped = false;
  /** Requests so far: the pause watch compares counts (a clock read per request costs more). */
  private requests = 0;
  private pauseTimer?: ReturnType<typeof setTimeout>;

  /**
   * `pauseMs`: a run waiting for its interval goes early once requests have stopped for
   * `pauseMs` to 2 × `pauseMs`, and `run` is told so (`paused`): the end of a stream is sent
   * when it ends, not up to an interval later.
   */
  constructor(
    private readonly intervalMs: number,
    private readonly run: (paused: boolean) => void,
    private readonly pauseMs?: number,
  ) {}

  request(): void {
    if (this.stopped) return;
    this.requests++;
    if (this.timer !== undefined) return;
    // performance.now is monotonic, so the wait is at most one interval whatever the wall clock does.
    const wait = Math.max(0, this.lastRun + this.intervalMs - performance.now());
    this.timer = setTimeout(this.fire, wait);
    if (this.pauseMs !== undefined && wait > this.pauseMs) this.watchForPause(this.pauseMs);
  }

  /** No run after this, not even one already due (its owner is shutting down). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.pauseTimer);
    this.timer = undefined;
  }

  private watchForPause(pauseMs: number): void {
    const seen = this.requests;
    this.pauseTimer = setTimeout(() => {
      this.pauseTimer = undefined;
      if (this.timer === undefined) return;
      if (this.requests !== seen) return this.watchForPause(pauseMs);
      clearTimeout(this.timer);
      this.fire(true);
    }, pauseMs);
  }

  private readonly fire = (paused = false): void => {
    this.timer = undefined;
    clearTimeout(this.pauseTimer);
    this.pauseTimer = undefined;
    this.lastRun = performance.now();
    this.run(paused);
  };
}
