/** Reads the topology store's snapshot of `vhost`, kept current while `enabled` (the graph, the bind form, the route explainer, the demos' graph). */
import { useEffect } from 'react';
import { useStore } from '../../app/store';
import { useStores } from '../../app/stores';
import { snapshotView, type SnapshotState } from './snapshotFeed';

export function useTopologySnapshot(vhost: string | undefined, enabled: boolean, sessionKey: string): SnapshotState {
  const feed = useStores().topology.snapshot;
  useEffect(() => (enabled && vhost !== undefined ? feed.watch(vhost) : undefined), [feed, vhost, enabled, sessionKey]);
  return snapshotView(useStore(feed), vhost);
}
