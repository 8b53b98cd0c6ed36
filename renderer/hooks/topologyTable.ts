/**
 * One topology table kept current: the first page at once, then every row in one request in
 * the background, then a refresh every few seconds (one request, not one per row) and after
 * any change Warren made (topology.changed).
 */
import { useCallback, useEffect, useState } from 'react';
import type { WarrenError } from '../../shared/errors';
import type { TableKind, TableResult } from '../../shared/topology-types';
import { bridge } from '../bridge';

export const TABLE_REFRESH_MS = 5000;

export interface TableScope {
  /** undefined = the connection's vhost. */
  vhost?: string;
  all: boolean;
}

export interface TableState {
  result?: TableResult;
  error?: WarrenError;
  loading: boolean;
}

export function useTopologyTable(kind: TableKind, scope: TableScope, enabled: boolean, sessionKey: string): TableState & { reload: () => void } {
  const [state, setState] = useState<TableState>({ loading: true });
  const [nonce, setNonce] = useState(0);
  const reload = useCallback(() => setNonce((n) => n + 1), []);

  useEffect(() => bridge.on('topology.changed', reload), [reload]);

  useEffect(() => {
    if (!enabled) return;
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const input = { kind, ...(scope.all ? { all: true } : scope.vhost !== undefined ? { vhost: scope.vhost } : {}) };
    const apply = (result: Awaited<ReturnType<typeof bridge.call<'topology.list'>>>) => {
      if (!active) return;
      if (result.ok) setState({ result: result.value, loading: false });
      else setState((previous) => ({ result: previous.result, error: result.error, loading: false }));
    };
    const refresh = async () => {
      apply(await bridge.call('topology.list', input));
      if (active) timer = setTimeout(() => void refresh(), TABLE_REFRESH_MS);
    };
    const start = async () => {
      const first = await bridge.call('topology.list', { ...input, firstPage: true });
      apply(first);
      if (!active) return;
      if (first.ok && first.value.complete) timer = setTimeout(() => void refresh(), TABLE_REFRESH_MS);
      else void refresh();
    };
    void (nonce === 0 ? start() : refresh());
    return () => {
      active = false;
      if (timer) clearTimeout(timer);
    };
  }, [kind, scope.vhost, scope.all, enabled, sessionKey, nonce]);

  // A different table or scope must not show the previous one's rows.
  const current = state.result && state.result.data.kind === kind ? state : { loading: true, error: state.error };
  return { ...current, reload };
}
