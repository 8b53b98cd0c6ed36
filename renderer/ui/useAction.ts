/**
 * A button's view of one store action: whether it is running, and its last answer or error.
 * Only the latest run counts (an older answer arriving late changes nothing); the action itself
 * belongs to a store.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result, WarrenError } from '../../shared/errors';

export interface ActionState<T> {
  loading: boolean;
  value?: T;
  error?: WarrenError;
}

export interface ActionHandle<I, T> extends ActionState<T> {
  run: (input: I) => Promise<Result<T>>;
  reset: () => void;
}

export function useAction<I, T>(action: (input: I) => Promise<Result<T>>): ActionHandle<I, T> {
  const [state, setState] = useState<ActionState<T>>({ loading: false });
  const mounted = useRef(true);
  const latest = useRef(0);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (input: I) => {
      const ticket = ++latest.current;
      setState((previous) => ({ loading: true, value: previous.value }));
      const result = await action(input);
      if (mounted.current && ticket === latest.current) {
        setState(result.ok ? { loading: false, value: result.value } : { loading: false, error: result.error });
      }
      return result;
    },
    [action],
  );
  const reset = useCallback(() => {
    latest.current += 1;
    setState({ loading: false });
  }, []);
  return { ...state, run, reset };
}
