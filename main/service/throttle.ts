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

  constructor(
    private readonly intervalMs: number,
    private readonly run: () => void,
  ) {}

  request(): void {
    if (this.timer !== undefined || this.stopped) return;
    // performance.now is monotonic, so the wait is at most one interval whatever the wall clock does.
    const wait = Math.max(0, this.lastRun + this.intervalMs - performance.now());
    this.timer = setTimeout(this.fire, wait);
  }

  /** No run after this, not even one already due (its owner is shutting down). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private readonly fire = (): void => {
    this.timer = undefined;
    this.lastRun = performance.now();
    this.run();
  };
}
