/**
 * One topology table kept current: the first page at once (one `columns=` page request), then
 * every row in one request in the background, then a refresh (one request, not one per row)
 * spaced by how long the broker took, and at once after any change Warren made
 * (topology.changed). The last rows of each table stay here for the session, so coming back to
 * the page shows them at once while the refresh runs.
 */
import type { Result, WarrenError } from '../../../shared/errors';
import { FULL_LIST_MAX_ROWS, type TableKind, type TableResult } from '../../../shared/topology/types';
import type { BridgePort } from '../../app/bridgePort';
import { poll } from '../../app/poll';
import { StateStore } from '../../app/store';

/** How long after a failed filter request it is asked again (while that filter stands). */
export const FILTER_RETRY_MS = 5_000;

/** The shortest gap between refreshes (the management UI samples every 5 s). */
export const TABLE_REFRESH_MS = 5000;
/** A list that took the broker `t` ms is asked again after at least this many times `t`. */
const REFRESH_LOAD_FACTOR = 4;
const MAX_REFRESH_MS = 60_000;
/** Rows per slice of a full list (~6 MB of 100,000 queues' rows: one message the page parses in well under 200 ms). */
export const TABLE_SLICE_ROWS = 20_000;
/** Bounded: one entry per table and scope of the current session. */
const MAX_REMEMBERED = 24;

export interface TableScope {
  /** undefined = the connection's vhost. */
  vhost?: string;
  all: boolean;
}

export interface TableState {
  result?: TableResult;
  error?: WarrenError;
  loading: boolean;
  /** True while the rows shown come from the previous visit and a fresh list is on its way. */
  stale?: boolean;
  /** True while Warren reconnects: the rows shown are the last read, and may be partial. */
  paused?: boolean;
}

/** While Warren reconnects (a broker restart), the table keeps the last rows it read, marked paused. */
export function pausedView(answer: TableAnswer, kind: TableKind): TableState {
  return answer.result?.data.kind === kind ? { result: answer.result, loading: false, paused: true } : { loading: true };
}

/** The last answer, for the table it answers (`key`). */
export interface TableAnswer {
  key?: string;
  result?: TableResult;
  error?: WarrenError;
  loading: boolean;
}

/** The gap before the next refresh: a slow broker (10,000 queues on a busy machine) is asked less often. */
export function refreshDelay(tookMs: number): number {
  return Math.min(MAX_REFRESH_MS, Math.max(TABLE_REFRESH_MS, tookMs * REFRESH_LOAD_FACTOR));
}

function scopeInput(scope: TableScope): { all?: boolean; vhost?: string } {
  return scope.all ? { all: true } : scope.vhost !== undefined ? { vhost: scope.vhost } : {};
}

export function tableKey(kind: TableKind, scope: TableScope, sessionKey: string): string {
  return `${sessionKey}|${kind}|${scope.all ? '*' : (scope.vhost ?? '')}`;
}

/**
 * What the page shows for one table: its own answer, or else its rows from the last visit
 * (marked stale) — never another table's or scope's rows.
 */
export function tableView(answer: TableAnswer, remembered: TableResult | undefined, kind: TableKind, key: string): TableState {
  if (answer.key === key && answer.result?.data.kind === kind) {
    // Rows the service remembered from its last full list: shown as of when they were read.
    return { result: answer.result, error: answer.error, loading: answer.loading, ...(answer.result.remembered ? { stale: true } : {}) };
  }
  const error = answer.key === key ? answer.error : undefined;
  if (remembered) return { result: remembered, loading: error === undefined, stale: true, error };
  return { loading: true, error };
}

/** Whether the table's last answer says it has more rows than are ever read whole. */
export function tooBigToReadWhole(answer: TableAnswer, key: string): boolean {
  return answer.key === key && answer.result !== undefined && !answer.result.complete && answer.result.total > FULL_LIST_MAX_ROWS;
}

export class TableFeed extends StateStore<TableAnswer> {
  private readonly lastRows = new Map<string, TableResult>();
  private readonly restarts = new Set<() => void>();

  constructor(private readonly bridge: BridgePort) {
    super({ loading: true });
    bridge.on('topology.changed', () => {
      for (const restart of [...this.restarts]) restart();
    });
  }

  remembered(key: string): TableResult | undefined {
    return this.lastRows.get(key);
  }

  view(kind: TableKind, scope: TableScope, sessionKey: string): TableState {
    const key = tableKey(kind, scope, sessionKey);
    return tableView(this.getSnapshot(), this.lastRows.get(key), kind, key);
  }

  /**
   * One page of the rows matching `filter`, for a table whose rows are not all here yet: the
   * service answers from the last full list it read, or asks the broker (`name=` filter).
   */
  match(kind: TableKind, scope: TableScope, filter: string, fresh = false): Promise<Result<TableResult>> {
    return this.bridge.call('topology.list', { kind, ...scopeInput(scope), firstPage: true, filter, ...(fresh ? { fresh } : {}) });
  }

  /**
   * `match` for a filter being typed: asks after `pauseMs` without another key (0: at once), and
   * hands over the answer unless the returned cancel was called first (the next key press does).
   * An answer from the names the service keeps of a table too big to read whole is followed by
   * the broker's own (`fresh`): a queue declared since those names were read shows then. (A smaller
   * table's remembered answers need none: its whole list is on its way.)
   */
  matchWhenTypingPauses(kind: TableKind, scope: TableScope, filter: string, pauseMs: number, onAnswer: (answer: Result<TableResult>) => void): () => void {
    let current = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const ask = () =>
      void this.match(kind, scope, filter).then(async (answer) => {
        if (!current) return;
        onAnswer(answer);
        // A broker too busy to answer (at 100,000 queues it may close a request after 60 s) is
        // asked again while the filter stands; by then the service may know the table's names.
        if (!answer.ok) retry = setTimeout(ask, FILTER_RETRY_MS);
        if (!answer.ok || answer.value.remembered !== true || answer.value.total <= FULL_LIST_MAX_ROWS) return;
        const fresh = await this.match(kind, scope, filter, true);
        // A fresh answer that failed leaves the remembered one standing.
        if (current && fresh.ok) onAnswer(fresh);
      });
    const timer = pauseMs > 0 ? setTimeout(ask, pauseMs) : (ask(), undefined);
    return () => {
      current = false;
      clearTimeout(timer);
      clearTimeout(retry);
    };
  }

  /** Keeps the table current until the returned stop is called. */
  watch(kind: TableKind, scope: TableScope, sessionKey: string): () => void {
    const key = tableKey(kind, scope, sessionKey);
    const input = { kind, ...scopeInput(scope) };
    // Rows from the previous visit are on screen already: one request brings them up to date.
    let stop = this.run(input, key, !this.lastRows.has(key));
    const restart = () => {
      stop();
      stop = this.run(input, key, false);
    };
    this.restarts.add(restart);
    return () => {
      stop();
      this.restarts.delete(restart);
    };
  }

  private run(input: { kind: TableKind; all?: boolean; vhost?: string }, key: string, firstPageFirst: boolean): () => void {
    let firstPage = firstPageFirst;
    let firstAsk = true;
    return poll(async (active) => {
      // A table too big to read whole (FULL_LIST_MAX_ROWS) stays on its first page, which only
      // the first ask of a visit may take from the service's memory: a refresh is fresh.
      const asFirstPage = firstPage || tooBigToReadWhole(this.getSnapshot(), key);
      const fresh = !firstAsk;
      firstPage = false;
      firstAsk = false;
      const started = Date.now();
      const answer = asFirstPage ? await this.bridge.call('topology.list', { ...input, firstPage: true, ...(fresh ? { fresh } : {}) }) : await this.readAll(input, active);
      if (!active()) return;
      this.apply(answer, key);
      // A failed read is asked again no sooner than a successful one that took as long.
      if (!answer.ok) return refreshDelay(Date.now() - started);
      // A first page that is not the whole list: the rest is asked for at once if it may be read
      // whole; a remembered first page of a table that may not is asked fresh at once.
      const whole = answer.value.total <= FULL_LIST_MAX_ROWS;
      const now = asFirstPage && !answer.value.complete && (whole || answer.value.remembered === true);
      return now ? 0 : refreshDelay(answer.value.tookMs);
    }, TABLE_REFRESH_MS);
  }

  /**
   * Every row, in slices of TABLE_SLICE_ROWS: each slice is its own message, read (parsed) in a
   * task of its own, where one message of 100,000 queues (~30 MB) took the page ~0.5 s at once.
   * Slices of another read than the first one's (the service read the list again meanwhile) start
   * the assembly over, from the read the service holds.
   */
  private async readAll(input: { kind: TableKind; all?: boolean; vhost?: string }, active: () => boolean): Promise<Result<TableResult>> {
    const slice = (from: number, of?: number) => this.bridge.call('topology.list', { ...input, slice: { from, size: TABLE_SLICE_ROWS, ...(of === undefined ? {} : { of }) } });
    let answer = await slice(0);
    if (!answer.ok || answer.value.complete) return answer;
    let base: TableResult = answer.value;
    let rows = base.data.rows as unknown[];
    while (rows.length < base.total && active()) {
      answer = await slice(rows.length, base.fetchedAt);
      if (!answer.ok) return answer;
      if (answer.value.fetchedAt !== base.fetchedAt) {
        answer = await slice(0, answer.value.fetchedAt);
        if (!answer.ok || answer.value.complete) return answer;
        base = answer.value;
        rows = base.data.rows as unknown[];
        continue;
      }
      if (answer.value.data.rows.length === 0) break;
      rows = rows.concat(answer.value.data.rows);
    }
    const { sliceFrom: _from, ...whole } = base;
    return { ok: true, value: { ...whole, data: { kind: whole.data.kind, rows } as TableResult['data'], complete: rows.length >= whole.total } };
  }

  private apply(answer: Result<TableResult>, key: string): void {
    if (!answer.ok) {
      this.set((previous) => ({ ...(previous.key === key ? { result: previous.result } : {}), error: answer.error, loading: false, key }));
      return;
    }
    const result = answer.value;
    if (result.complete) this.remember(key, result);
    // A first page never replaces every row shown from the previous visit.
    const more = !result.complete && result.total <= FULL_LIST_MAX_ROWS;
    this.set((previous) => (!result.complete && previous.key === key && previous.result?.complete ? previous : { result, loading: more, key }));
  }

  private remember(key: string, result: TableResult): void {
    this.lastRows.delete(key);
    this.lastRows.set(key, result);
    while (this.lastRows.size > MAX_REMEMBERED) this.lastRows.delete(this.lastRows.keys().next().value as string);
  }
}
