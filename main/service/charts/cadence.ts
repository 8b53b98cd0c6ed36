/**
 * When the sampler may ask the broker again, and which answers it may keep. Requests start on a
 * fixed 1 s grid and each answer is recorded at its request's start time, so the series stays one
 * sample a second even when an answer takes longer than a second: up to `maxInFlight` requests
 * may overlap (a management API that answers in 1.3 s still yields a sample every second).
 * Only when that many are still waiting does a tick become a gap (with a warning); an answer
 * older than a sample already recorded is dropped (times never go backwards), and a request
 * waiting longer than `abandonAfterMs` no longer holds a slot.
 */
export interface Flight {
  /** The sample time (the tick that started the request), epoch ms. */
  t: number;
}

export type TickDecision = { action: 'start'; flight: Flight } | { action: 'gap'; waitedMs: number };

export class SampleCadence {
  private flights: Flight[] = [];
  private lastRecorded = -Infinity;

  constructor(
    readonly maxInFlight = 2,
    readonly abandonAfterMs = 5000,
  ) {
    if (!(maxInFlight >= 1)) throw new RangeError('maxInFlight must be at least 1');
  }

  /** At a tick: start a request for this sample time, or record a gap because too many still wait. */
  tick(now: number, maxInFlight = this.maxInFlight): TickDecision {
    this.flights = this.flights.filter((f) => now - f.t < this.abandonAfterMs);
    if (this.flights.length >= maxInFlight) return { action: 'gap', waitedMs: now - this.flights[0]!.t };
    const flight = { t: now };
    this.flights.push(flight);
    return { action: 'start', flight };
  }

  /** A request answered (or failed): true when its sample may still be recorded. */
  settle(flight: Flight): boolean {
    this.flights = this.flights.filter((f) => f !== flight);
    return flight.t > this.lastRecorded;
  }

  /** A sample or a gap was recorded at `t`: nothing older may follow. */
  recorded(t: number): void {
    if (t > this.lastRecorded) this.lastRecorded = t;
  }

  get inFlight(): number {
    return this.flights.length;
  }

  /** A new connection: nothing in flight counts any more. */
  reset(): void {
    this.flights = [];
  }
}
