/** Polls overview.get every 2 s while enabled (page shown, window visible, connected). */
import { useEffect, useState } from 'react';
import type { Overview } from '../../../shared/overview/types';
import type { WarrenError } from '../../../shared/errors';
import { bridge } from '../../app/bridge';

export const OVERVIEW_INTERVAL_MS = 2000;

export interface OverviewState {
  overview?: Overview;
  error?: WarrenError;
  /** True until the first answer for the current vhost and connection. */
  loading: boolean;
}

interface Answer {
  overview?: Overview;
  error?: WarrenError;
  /** Which request (vhost + connection) the last answer was for. */
  key?: string;
}

/**
 * @param vhost undefined for all virtual hosts
 * @param enabled polling runs only while true
 * @param sessionKey changes when the connection changes (asks again at once)
 */
export function useOverview(vhost: string | undefined, enabled: boolean, sessionKey: string): OverviewState {
  const [answer, setAnswer] = useState<Answer>({});
  const key = `${vhost ?? ''}\u0000${sessionKey}`;
  useEffect(() => {
    if (!enabled) return;
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const result = await bridge.call('overview.get', vhost === undefined ? {} : { vhost });
      if (!active) return;
      if (result.ok) setAnswer({ overview: result.value, key });
      else setAnswer((previous) => ({ overview: previous.overview, error: result.error, key }));
      timer = setTimeout(() => void tick(), OVERVIEW_INTERVAL_MS);
    };
    void tick();
    return () => {
      active = false;
      if (timer) clearTimeout(timer);
    };
  }, [vhost, enabled, key]);
  return { overview: answer.overview, error: answer.error, loading: answer.key !== key };
}
