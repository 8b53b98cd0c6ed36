/** Moving, copying and replaying messages out of a queue: where to, which, and what happened. */

export type MoveDestination =
  | { kind: 'queue'; queue: string }
  | { kind: 'exchange'; exchange: string; routingKey: string }
  /** Each message back to the exchange and routing key it was dead-lettered from (its newest x-death). */
  | { kind: 'replay' };

/** Only the messages that match are taken; the others stay in the source, in their order. */
export interface MoveFilter {
  header?: { key: string; value: string };
  bodyContains?: string;
}

export type MoveState = 'running' | 'done' | 'cancelled' | 'interrupted' | 'failed';

export interface MoveProgress {
  runId: string;
  source: string;
  /** 'move' acknowledges each source message after the destination confirmed it; 'copy' leaves the source as it was. */
  mode: 'move' | 'copy';
  /** How many are to be taken: the count asked for, or the source's depth when it started ("all"). */
  limit: number;
  /** The source's depth when the run started: it reads no further (messages published later stay). */
  depth: number;
  /** The count asked for; absent for "all". */
  count?: number;
  /** Read from the source so far. */
  examined: number;
  /** Confirmed at the destination (moved or copied). */
  moved: number;
  /** Did not match the filter (or, in a replay, had no x-death): left in the source. */
  skipped: number;
  /** Routed nowhere, or refused by the broker: left in the source. */
  unroutable: number;
  /**
   * Confirmed at the destination whose acknowledgement was in flight when the connection dropped:
   * the broker may have put them back in the source too. Each one is at most one duplicate; none is lost.
   */
  possibleDuplicates: number;
  rate: number;
  elapsedMs: number;
  state: MoveState;
  error?: { code: string; message: string; hint: string };
}
