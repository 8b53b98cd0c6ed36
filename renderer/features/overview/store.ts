/** The Overview's store: overview.get every 2 s while the page asks (shown, window visible, connected). */
import type { Overview } from '../../../shared/overview/types';
import type { WarrenError } from '../../../shared/errors';
import type { BridgePort } from '../../app/bridgePort';
import { poll } from '../../app/poll';
import { StateStore } from '../../app/store';

export const OVERVIEW_INTERVAL_MS = 2000;

export interface OverviewSnapshot {
  overview?: Overview;
  error?: WarrenError;
  /** Which request (vhost + connection) the last answer was for. */
  key?: string;
}

export const overviewKey = (vhost: string | undefined, sessionKey: string) => `${vhost ?? ''}\u0000${sessionKey}`;

export class OverviewStore extends StateStore<OverviewSnapshot> {
  constructor(private readonly bridge: BridgePort) {
    super({});
  }

  /**
   * Polls until the returned stop is called.
   * @param vhost undefined for all virtual hosts
   * @param sessionKey changes when the connection changes
   */
  poll(vhost: string | undefined, sessionKey: string): () => void {
    const key = overviewKey(vhost, sessionKey);
    return poll(async (active) => {
      const result = await this.bridge.call('overview.get', vhost === undefined ? {} : { vhost });
      if (!active()) return;
      if (result.ok) this.set({ overview: result.value, error: undefined, key });
      else this.set((previous) => ({ overview: previous.overview, error: result.error, key }));
    }, OVERVIEW_INTERVAL_MS);
  }
}
