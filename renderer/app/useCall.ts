/**
 * Calling the bridge from components with loading and error state.
 * `useCall` is for actions (run on demand); `useResult` loads on mount and when its input changes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract';
import type { Result, WarrenError } from '../../shared/errors';
import { bridge } from './bridge';

export interface CallState<T> {
  loading: boolean;
  value?: T;
  error?: WarrenError;
}

export interface CallHandle<K extends OperationName> extends CallState<OutputOf<K>> {
  run: (input: InputOf<K>) => Promise<Result<OutputOf<K>>>;
  reset: () => void;
}

export function useCall<K extends OperationName>(op: K): CallHandle<K> {
  const [state, setState] = useState<CallState<OutputOf<K>>>({ loading: false });
  const mounted = useRef(true);
  const latest = useRef(0);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (input: InputOf<K>) => {
      const ticket = ++latest.current;
      setState((previous) => ({ loading: true, value: previous.value }));
      const result = await bridge.call(op, input);
      if (mounted.current && ticket === latest.current) {
        setState(result.ok ? { loading: false, value: result.value } : { loading: false, error: result.error });
      }
      return result;
    },
    [op],
  );
  const reset = useCallback(() => {
    latest.current += 1;
    setState({ loading: false });
  }, []);
  return { ...state, run, reset };
}

export interface ResultHandle<T> extends CallState<T> {
  reload: () => void;
}

/** Loads `op(input)` now and whenever the input changes (compared by value); `reload()` asks again. */
export function useResult<K extends OperationName>(op: K, input: InputOf<K>): ResultHandle<OutputOf<K>> {
  const { run, loading, value, error } = useCall(op);
  const key = JSON.stringify(input);
  const reload = useCallback(() => void run(JSON.parse(key) as InputOf<K>), [run, key]);
  useEffect(reload, [reload]);
  return { loading: loading || (value === undefined && error === undefined), value, error, reload };
}
