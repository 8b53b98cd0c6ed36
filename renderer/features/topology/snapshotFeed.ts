/** A vhost's exchanges, queues and bindings for the graph, the bind form and the route explainer; refreshed while watched and after changes. */
import type { WarrenError } from '../../../shared/errors';
import type { TopologySnapshot } from '../../../shared/topology/types';
import type { BridgePort } from '../../app/bridgePort';
import { poll } from '../../app/poll';
import { StateStore } from '../../app/store';

export const SNAPSHOT_REFRESH_MS = 5000;

export interface SnapshotState {
  snapshot?: TopologySnapshot;
  error?: WarrenError;
}

/** The snapshot of `vhost` only: another vhost's is never shown for it. */
export function snapshotView(state: SnapshotState, vhost: string | undefined): SnapshotState {
  return state.snapshot && state.snapshot.vhost !== vhost ? { error: state.error } : state;
}

export class SnapshotFeed extends StateStore<SnapshotState> {
  private readonly restarts = new Set<() => void>();

  constructor(private readonly bridge: BridgePort) {
    super({});
    bridge.on('topology.changed', () => {
      for (const restart of [...this.restarts]) restart();
    });
  }

  /** Keeps `vhost`'s snapshot current until the returned stop is called. */
  watch(vhost: string): () => void {
    let stop = this.run(vhost);
    const restart = () => {
      stop();
      stop = this.run(vhost);
    };
    this.restarts.add(restart);
    return () => {
      stop();
      this.restarts.delete(restart);
    };
  }

  private run(vhost: string): () => void {
    return poll(async (active) => {
      const result = await this.bridge.call('topology.snapshot', { vhost });
      if (!active()) return;
      this.set((previous) => (result.ok ? { snapshot: result.value } : { snapshot: previous.snapshot, error: result.error }));
    }, SNAPSHOT_REFRESH_MS);
  }
}
