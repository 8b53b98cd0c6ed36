/**
 * The filter of a table whose rows are not all here yet (a first page of 100,000 queues): the
 * service answers one page of the matching rows, from its last full list or from the broker.
 * From a remembered list every key press asks (the service answers in milliseconds); from the
 * broker, only once typing pauses (`pauseMs`), since each of its answers costs it seconds at
 * 100,000 queues and the prefixes typed on the way would queue before the word the user wants.
 * Only the answer to the latest filter is taken. Until it comes, the
 * previous answer narrowed here by the current filter stands in (typing on only narrows it), so
 * the table shows only rows that match, never rows that do not.
 */
import { useEffect, useState } from 'react';
import type { WarrenError } from '../../../shared/errors';
import { FULL_LIST_MAX_ROWS, type TableKind, type TableResult } from '../../../shared/topology/types';
import { useStores } from '../../app/stores';
import type { TableScope } from './tableFeed';

export interface ServerMatches {
  /** The latest answer (it may answer an earlier filter: `result.filter`). */
  result?: TableResult;
  /** True until the answer to the current filter is here. */
  pending: boolean;
  error?: WarrenError;
}

/** How long typing pauses before the broker is asked (a key every 120–250 ms is typing on). */
export const BROKER_FILTER_PAUSE_MS = 300;

/**
 * The pause for a table showing `result`: none when its rows come from a full list the service
 * remembers (it answers the filter from that list, in milliseconds); else the broker answers, so
 * wait for typing to pause — a remembered first page of a table too big to read whole included.
 */
export function serverFilterPause(result: TableResult | undefined): number {
  return result?.remembered === true && result.total <= FULL_LIST_MAX_ROWS ? 0 : BROKER_FILTER_PAUSE_MS;
}

export function useServerFilter(kind: TableKind, scope: TableScope, filter: string, enabled: boolean, pauseMs = 0): ServerMatches {
  const { topology } = useStores();
  const [state, setState] = useState<{ result?: TableResult; error?: WarrenError }>({});
  const wanted = filter.trim();
  const { vhost, all } = scope;
  useEffect(() => {
    if (!enabled || wanted === '') return;
    return topology.table.matchWhenTypingPauses(kind, { vhost, all }, wanted, pauseMs, (answer) =>
      setState((previous) => (answer.ok ? { result: answer.value } : { result: previous.result, error: answer.error })),
    );
  }, [topology, kind, vhost, all, wanted, enabled, pauseMs]);
  const answered = state.result?.filter === wanted && state.result.data.kind === kind;
  return { result: state.result?.data.kind === kind ? state.result : undefined, pending: enabled && !answered && state.error === undefined, error: state.error };
}
