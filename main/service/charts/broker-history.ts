/**
 * The broker's own per-second history of a queue's (or the broker-wide) statistics, read back for
 * seconds whose values could not be read in time (see cadence.ts).
 *
 * The management API keeps samples of every count and cumulative counter (the sandbox at 1 s
 * steps for the last minute) and lists them, newest first, with the broker's timestamp, when a
 * request names an age and a step (`lengths_age`/`msg_rates_age` with `*_incr=1`). Those are
 * measured values, not guesses: a second filled from them holds the broker's newest sample at or
 * before that second — the value the broker held then (with a broker stepping every 5 s, the
 * one of its last step). Consumer counts have no history; a filled second has none (null).
 *
 * Clocks: the broker stamps samples with its own clock. When that agrees with Warren's (the
 * newest sample is no later than the answer's arrival, and not absurdly older), seconds are
 * matched by time; otherwise the newest sample is taken as of the answer's arrival.
 */

export interface BrokerSample {
  sample: number;
  /** The broker's clock, epoch ms, on whole steps. */
  timestamp: number;
}

export const HISTORY_FIELDS = ['ready', 'unacked', 'total', 'publish', 'deliver', 'ack', 'redeliver', 'unroutable'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** Samples per field, newest first (as the management API lists them). */
export type BrokerHistory = Partial<Record<HistoryField, BrokerSample[]>>;

export const HISTORY_STEP_MS = 1000;

/** The newest sample at or before `at` (the broker's clock); null when the history does not reach back so far. */
export function valueAt(samples: readonly BrokerSample[] | undefined, at: number): number | null {
  let best: BrokerSample | undefined;
  for (const s of samples ?? []) if (s.timestamp <= at && (!best || s.timestamp > best.timestamp)) best = s;
  return best ? best.sample : null;
}

/** Every field's value at `at` (see valueAt). */
export function historyAt(history: BrokerHistory, at: number): Record<HistoryField, number | null> {
  const out = {} as Record<HistoryField, number | null>;
  for (const field of HISTORY_FIELDS) out[field] = valueAt(history[field], at);
  return out;
}

/** The newest timestamp in a history (the broker's clock), if it has any sample. */
export function newestSample(history: BrokerHistory | undefined): number | undefined {
  let newest: number | undefined;
  for (const field of HISTORY_FIELDS) for (const s of history?.[field] ?? []) if (newest === undefined || s.timestamp > newest) newest = s.timestamp;
  return newest;
}

/** How far a broker whose clock disagrees with Warren's may be and still be believed (see the top). */
const CLOCKS_AGREE_MS = { ahead: 1000, behind: 60_000 };

/**
 * What to add to a Warren time to get the broker's time for it: 0 when the clocks agree; else
 * the difference that makes the newest sample the answer's arrival.
 */
export function brokerClockOffset(newest: number, arrival: number): number {
  const agree = newest <= arrival + CLOCKS_AGREE_MS.ahead && newest >= arrival - CLOCKS_AGREE_MS.behind;
  return agree ? 0 : newest - arrival;
}

/** Two counters' samples added step by step (the broker's unroutable = dropped + returned). */
export function sumSamples(a: readonly BrokerSample[] | undefined, b: readonly BrokerSample[] | undefined): BrokerSample[] | undefined {
  if (!a || !b) return a ? [...a] : b ? [...b] : undefined;
  const other = new Map(b.map((s) => [s.timestamp, s.sample]));
  return a.flatMap((s) => {
    const o = other.get(s.timestamp);
    return o === undefined ? [] : [{ timestamp: s.timestamp, sample: s.sample + o }];
  });
}

/**
 * How far back (whole seconds) a request must ask for its history (the management API's `*_age`
 * parameter): the broker counts the age back from when it handles the request, which may be
 * seconds after the request's own second when it is slow, so the answer time of recent requests
 * (`latencyMs`) is added, plus a step for the sample at or before the oldest owed second.
 */
export function historyAgeSeconds(requestT: number, oldestOwed: number, latencyMs = 0): number {
  const span = Math.max(0, requestT - oldestOwed) + Math.max(0, latencyMs);
  return Math.ceil(span / HISTORY_STEP_MS) + 2;
}
