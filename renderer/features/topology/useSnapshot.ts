/** A vhost's exchanges, queues and bindings for the graph, the bind form and the route explainer; refreshed while shown and after changes. */
import { useEffect, useRef, useState } from 'react';
import type { WarrenError } from '../../../shared/errors';
import type { TopologySnapshot } from '../../../shared/topology/types';
import { bridge } from '../../app/bridge';

export const SNAPSHOT_REFRESH_MS = 5000;

export function useTopologySnapshot(vhost: string | undefined, enabled: boolean, sessionKey: string): { snapshot?: TopologySnapshot; error?: WarrenError } {
  const [state, setState] = useState<{ snapshot?: TopologySnapshot; error?: WarrenError }>({});
  const [nonce, setNonce] = useState(0);
  const bump = useRef(() => setNonce((n) => n + 1));
  useEffect(() => bridge.on('topology.changed', () => bump.current()), []);

  useEffect(() => {
    if (!enabled || vhost === undefined) return;
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const result = await bridge.call('topology.snapshot', { vhost });
      if (!active) return;
      setState((previous) => (result.ok ? { snapshot: result.value } : { snapshot: previous.snapshot, error: result.error }));
      timer = setTimeout(() => void tick(), SNAPSHOT_REFRESH_MS);
    };
    void tick();
    return () => {
      active = false;
      if (timer) clearTimeout(timer);
    };
  }, [vhost, enabled, sessionKey, nonce]);

  return state.snapshot && state.snapshot.vhost !== vhost ? { error: state.error } : state;
}
