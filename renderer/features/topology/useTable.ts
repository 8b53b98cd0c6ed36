/**
 * One topology table kept current: the first page at once (one `columns=` page request), then
 * every row in one request in the background, then a refresh (one request, not one per row)
 * spaced by how long the broker took, and after any change Warren made (topology.changed).
 * The last rows of each table stay in memory for the session, so coming back to the page
 * shows them at once while the refresh runs.
 */
import { startTransition, useCallback, useEffect, useLayoutEffect, useState } from 'react';
import type { WarrenError } from '../../../shared/errors';
import type { TableKind, TableResult } from '../../../shared/topology/types';
import { bridge } from '../../app/bridge';

/** The shortest gap between refreshes (the management UI samples every 5 s). */
export const TABLE_REFRESH_MS = 5000;
/** A list that took the broker `t` ms is asked again after at least this many times `t`. */
const REFRESH_LOAD_FACTOR = 4;
const MAX_REFRESH_MS = 60_000;

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
}

/** Bounded: one entry per table and scope of the current session. */
const lastRows = new Map<string, TableResult>();
const MAX_REMEMBERED = 24;

function remember(key: string, result: TableResult): void {
  lastRows.delete(key);
  lastRows.set(key, result);
  while (lastRows.size > MAX_REMEMBERED) lastRows.delete(lastRows.keys().next().value as string);
}

/** The gap before the next refresh: a slow broker (10,000 queues on a busy machine) is asked less often. */
export function refreshDelay(tookMs: number): number {
  return Math.min(MAX_REFRESH_MS, Math.max(TABLE_REFRESH_MS, tookMs * REFRESH_LOAD_FACTOR));
}

export function useTopologyTable(kind: TableKind, scope: TableScope, enabled: boolean, sessionKey: string): TableState & { reload: () => void } {
  const cacheKey = `${sessionKey}|${kind}|${scope.all ? '*' : (scope.vhost ?? '')}`;
  const [state, setState] = useState<TableState & { key?: string }>({ loading: true });
  const [nonce, setNonce] = useState(0);
  const reload = useCallback(() => setNonce((n) => n + 1), []);

  useEffect(() => bridge.on('topology.changed', reload), [reload]);

  // A layout effect, not a passive one: the request leaves before the new page is laid out
  // and painted (a passive effect waited for that: ~400 ms between the click and the request).
  useLayoutEffect(() => {
    if (!enabled) return;
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const input = { kind, ...(scope.all ? { all: true } : scope.vhost !== undefined ? { vhost: scope.vhost } : {}) };
    const apply = (result: Awaited<ReturnType<typeof bridge.call<'topology.list'>>>) => {
      if (!active) return;
      if (result.ok) {
        if (result.value.complete) remember(cacheKey, result.value);
        const update = () => setState((previous) =>
          // A first page never replaces every row shown from the previous visit.
          !result.value.complete && previous.key === cacheKey && previous.result?.complete
            ? previous
            : { result: result.value, loading: !result.value.complete, key: cacheKey },
        );
        // Re-sorting 10,000 fresh rows must not hold up a keystroke in the filter: refreshes
        // render as a transition, which React interrupts for input. A first page is urgent.
        if (result.value.complete) startTransition(update);
        else update();
      } else {
        setState((previous) => ({ ...(previous.key === cacheKey ? { result: previous.result } : {}), error: result.error, loading: false, key: cacheKey }));
      }
    };
    const refresh = async () => {
      const answer = await bridge.call('topology.list', input);
      apply(answer);
      if (active) timer = setTimeout(() => void refresh(), refreshDelay(answer.ok ? answer.value.tookMs : 0));
    };
    const start = async () => {
      const first = await bridge.call('topology.list', { ...input, firstPage: true });
      apply(first);
      if (!active) return;
      if (first.ok && first.value.complete) timer = setTimeout(() => void refresh(), refreshDelay(first.value.tookMs));
      else void refresh();
    };
    // Rows from the previous visit are on screen already: one request brings them up to date.
    const remembered = lastRows.get(cacheKey);
    void (nonce === 0 && !remembered ? start() : refresh());
    return () => {
      active = false;
      if (timer) clearTimeout(timer);
    };
  }, [kind, scope.vhost, scope.all, enabled, cacheKey, nonce]);

  // A different table or scope must not show the previous one's rows, but may show its own from the last visit.
  const remembered = lastRows.get(cacheKey);
  const current: TableState =
    state.key === cacheKey && state.result?.data.kind === kind
      ? state
      : remembered
        ? { result: remembered, loading: state.error === undefined, stale: true, error: state.key === cacheKey ? state.error : undefined }
        : { loading: true, error: state.key === cacheKey ? state.error : undefined };
  return { ...current, reload };
}
