/**
 * When the sampler asks the broker, and which seconds each answer must fill.
 *
 * Ticks come on a fixed 1 s grid. ONE statistics request at a time: a second request while the
 * first still runs only adds work to a broker that is already slow (that is what made the old
 * overlapping requests slower still). A tick that finds a request still waiting does not start
 * another and is not a gap: its second is *owed*, and the next request asks the broker for its
 * own per-second history back to the oldest owed second, so every second gets the broker's
 * value for it (see broker-history.ts). A request that fails leaves its seconds owed for the
 * next one, and so does one whose answer came after the next tick (its values are as of its
 * arrival, not its second). Only a second the broker's history no longer covers (older than `horizonMs` when
 * a request starts) becomes a gap, and so do seconds owed when the connection goes away.
 */
export interface Flight {
  /** The second this request samples (the tick that started it), epoch ms. */
  t: number;
  /** Earlier seconds this answer must also fill, oldest first (their ticks found a request waiting). */
  owed: number[];
}

export type TickDecision =
  | {
      action: 'start';
      flight: Flight;
      /** Owed seconds too old for the broker's history: record them as gaps before anything newer. */
      expired: number[];
    }
  | { action: 'wait'; waitedMs: number };

export class SampleCadence {
  private flight?: Flight;
  private owed: number[] = [];
  private lastRecorded = -Infinity;

  constructor(readonly horizonMs = 30_000) {
    if (!(horizonMs >= 0)) throw new RangeError('horizonMs must not be negative');
  }

  /** At a tick: start a request for this second, or owe the second to the request still waiting. */
  tick(now: number): TickDecision {
    if (this.flight) {
      this.owed.push(now);
      return { action: 'wait', waitedMs: now - this.flight.t };
    }
    const oldest = now - this.horizonMs;
    const expired = this.owed.filter((t) => t < oldest);
    const flight = { t: now, owed: this.owed.filter((t) => t >= oldest) };
    this.owed = [];
    this.flight = flight;
    return { action: 'start', flight, expired };
  }

  /** Whether `flight` is the request in progress (not one from before a reset or a lost connection). */
  current(flight: Flight): boolean {
    return this.flight === flight;
  }

  /**
   * The request answered; the next tick may start another. An answer that came so late that a
   * tick found it still waiting reports the broker as of its arrival, not as of its second: when
   * the next answer can fill that second from the broker's history (`fillLater`), it is owed
   * too, and this returns false ("do not record your own second"). Otherwise true.
   */
  settle(flight: Flight, fillLater = false): boolean {
    if (this.flight !== flight) return true;
    this.flight = undefined;
    if (!fillLater || this.owed.length === 0) return true;
    this.owed = [flight.t, ...this.owed];
    return false;
  }

  /** The request failed: its seconds stay owed, before those owed while it waited. */
  failed(flight: Flight): void {
    if (this.flight !== flight) return;
    this.flight = undefined;
    this.owed = [...flight.owed, flight.t, ...this.owed];
  }

  /** Seconds an answer may still record: later than anything recorded (times only move forward). */
  recordable(times: number[]): number[] {
    return times.filter((t) => t > this.lastRecorded);
  }

  /** A sample or a gap was recorded at `t`: nothing older may follow. */
  recorded(t: number): void {
    if (t > this.lastRecorded) this.lastRecorded = t;
  }

  /**
   * The connection went away: every second still waiting (the request's and those it owed)
   * becomes a gap now; an answer that still arrives for them is too old to be recorded.
   */
  drain(): number[] {
    const waiting = [...(this.flight ? [...this.flight.owed, this.flight.t] : []), ...this.owed];
    this.flight = undefined;
    this.owed = [];
    return waiting;
  }

  get inFlight(): boolean {
    return this.flight !== undefined;
  }

  /** A new connection: nothing in flight or owed counts any more. */
  reset(): void {
    this.flight = undefined;
    this.owed = [];
  }
}
