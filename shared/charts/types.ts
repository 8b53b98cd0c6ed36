/**
 * Domain types of the live charts: samples, series, markers and the sampler's status.
 * Pure data (no Node, no DOM): the main process and the renderer share them.
 */
import type { WarrenError } from '../errors';

/**
 * What every sample holds, in this order (rows travel as arrays, not objects, to keep
 * 500 queues a second small on the wire). Counts are messages; rates are messages per second.
 * `unroutable` is only reported for the overview series (the broker counts it per exchange
 * and node, not per queue); queue rows carry null there.
 */
export const SAMPLE_FIELDS = ['ready', 'unacked', 'total', 'consumers', 'publish', 'deliver', 'ack', 'redeliver', 'unroutable'] as const;
export type SampleField = (typeof SAMPLE_FIELDS)[number];
export const COUNT_FIELDS = ['ready', 'unacked', 'total', 'consumers'] as const satisfies readonly SampleField[];
export const RATE_FIELDS = ['publish', 'deliver', 'ack', 'redeliver', 'unroutable'] as const satisfies readonly SampleField[];
export type RateField = (typeof RATE_FIELDS)[number];

/** One row of values in SAMPLE_FIELDS order; null is "not known" (a gap, or not reported). */
export type SampleRow = (number | null)[];

/** A sample as charts read it: time plus named values (null = gap / not reported). */
export type ChartPoint = { t: number } & Record<SampleField, number | null>;

export interface QueueRef {
  vhost: string;
  queue: string;
}

/** Where a series' numbers come from: the management API, or AMQP passive declares only. */
export type SampleSource = 'management' | 'amqp';

/** A series' history: parallel arrays of times and rows. */
export interface SeriesHistory {
  /** Undefined for the broker-wide overview series. */
  ref?: QueueRef;
  source: SampleSource;
  t: number[];
  rows: SampleRow[];
}

export type MarkerKind = 'connection' | 'consumer' | 'purge' | 'demo' | 'user' | 'node' | 'other';

/** A vertical line with a label on the charts: something Warren caused or saw. */
export interface ChartMarker {
  id: number;
  t: number;
  label: string;
  kind: MarkerKind;
  /** When set, only that queue's chart draws it; otherwise every chart does. */
  ref?: QueueRef;
  /** The label's row, 0 at the top: a chart stacks the labels of nearby lines so they never overlap. */
  row?: number;
}

/** One tick of the sampler, pushed as a stream event (arrays of these are batched). */
export interface ChartTick {
  t: number;
  source: SampleSource | 'none';
  /** Rows for the watched queues; a row of nulls is a gap (the sample failed or was too slow). */
  queues: { vhost: string; queue: string; row: SampleRow }[];
  /** The broker-wide series (absent without the management API). */
  overview?: SampleRow;
  /** How long this sample's management API request took, in ms (absent for gaps, AMQP and filled seconds). */
  requestMs?: number;
  /**
   * This second's request could not be made in time (the one before it was still waiting), so its
   * values were read from the broker's own per-second history in the next answer: measured by the
   * broker, delivered late.
   */
  filled?: boolean;
}

export interface ChartsStatus {
  /** Whether the sampler is collecting (connected, something to sample). */
  sampling: boolean;
  source: SampleSource | 'none';
  /** How often Warren samples, in ms. */
  intervalMs: number;
  /**
   * How often the broker refreshes its statistics, in ms, when known: the sandbox is 1 s;
   * another broker's interval is estimated from how often its counters move (default 5 s).
   */
  brokerIntervalMs?: number;
  brokerIntervalBasis?: 'sandbox' | 'observed';
  watched: QueueRef[];
  /** Samples kept per series (the ring buffers' size) and the cap they fit in. */
  capacity: number;
  memoryCapBytes: number;
  memoryBytes: number;
  /** The last sample's request time in ms (management API). */
  lastRequestMs?: number;
  /** Request times of the last minute's samples (up to 60), in ms. */
  requestStats?: { count: number; medianMs: number; p95Ms: number; maxMs: number };
  /** Seconds of the last minute whose values came late, from the broker's history (ChartTick.filled). */
  filledLastMinute?: number;
  /** Why the last sample is a gap or partial (slow or failing request, missing queues). */
  warning?: WarrenError;
  /** Watched queues the broker does not have (shown, never silently dropped). */
  missing: QueueRef[];
}

export interface ChartsHistory {
  fields: readonly SampleField[];
  queues: SeriesHistory[];
  overview?: SeriesHistory;
  markers: ChartMarker[];
}

export function refKey(ref: QueueRef): string {
  return `${ref.vhost}\u0000${ref.queue}`;
}
