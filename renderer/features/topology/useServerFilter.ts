/**
 * The filter of a table whose rows are not all here yet (a first page of 100,000 queues): the
 * service answers one page of the matching rows, from its last full list or from the broker.
 * Every key press asks; only the answer to the latest filter is taken. Until it comes, the
 * previous answer narrowed here by the current filter stands in (typing on only narrows it), so
 * the table shows only rows that match, never rows that do not.
 */
import { useEffect, useState } from 'react';
import type { WarrenError } from '../../../shared/errors';
import type { TableKind, TableResult } from '../../../shared/topology/types';
import { useStores } from '../../app/stores';
import type { TableScope } from './tableFeed';

export interface ServerMatches {
  /** The latest answer (it may answer an earlier filter: `result.filter`). */
  result?: TableResult;
  /** True until the answer to the current filter is here. */
  pending: boolean;
  error?: WarrenError;
}

export function useServerFilter(kind: TableKind, scope: TableScope, filter: string, enabled: boolean): ServerMatches {
  const { topology } = useStores();
  const [state, setState] = useState<{ result?: TableResult; error?: WarrenError }>({});
  const wanted = filter.trim();
  const { vhost, all } = scope;
  useEffect(() => {
    if (!enabled || wanted === '') return;
    let current = true;
    void topology.table.match(kind, { vhost, all }, wanted).then((answer) => {
      if (!current) return;
      setState((previous) => (answer.ok ? { result: answer.value } : { result: previous.result, error: answer.error }));
    });
    return () => {
      current = false;
    };
  }, [topology, kind, vhost, all, wanted, enabled]);
  const answered = state.result?.filter === wanted && state.result.data.kind === kind;
  return { result: state.result?.data.kind === kind ? state.result : undefined, pending: enabled && !answered && state.error === undefined, error: state.error };
}
