/**
 * The state of a question asked before a change that loses something: what it is about, whether
 * the change is running, and the broker's refusal if there was one (shown in the dialog, which
 * stays open so the user can read it).
 */
import { useCallback, useState } from 'react';
import type { Result, WarrenError } from '../../shared/errors';

export interface Asking<S> {
  subject: S;
  busy?: boolean;
  error?: WarrenError;
}

export function useConfirm<S>() {
  const [asking, setAsking] = useState<Asking<S>>();
  const ask = useCallback((subject: S, more: Omit<Asking<S>, 'subject'> = {}) => setAsking({ subject, ...more }), []);
  const cancel = useCallback(() => setAsking(undefined), []);
  const confirm = useCallback(
    async (change: (subject: S) => Promise<Result<unknown>>) => {
      if (!asking) return;
      setAsking({ ...asking, busy: true, error: undefined });
      const result = await change(asking.subject);
      setAsking(result.ok ? undefined : { ...asking, busy: false, error: result.error });
    },
    [asking],
  );
  return { asking, ask, cancel, confirm };
}
