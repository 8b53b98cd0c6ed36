/** The demo's exchanges, queues and bindings, drawn by the topology graph (refreshed at each step). */
import { useMemo } from 'react';
import type { DemoState } from '../../../shared/demos/types';
import { useTopologySnapshot } from '../topology/useSnapshot';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { TopologyGraph } from '../topology/TopologyGraph';
import { demoTopology, serverNamedQueues } from './demoTopology';

export function DemoGraph({ state }: { state: DemoState }) {
  const isolation = state.isolation;
  // New queues and bindings appear at setup and in steps; the snapshot also refreshes on its own every few seconds.
  const refreshKey = `${state.name ?? ''}|${state.nextStep}|${state.queues.join(',')}|${state.failureOn}|${state.status === 'busy'}`;
  const { snapshot, error } = useTopologySnapshot(isolation?.vhost, isolation !== undefined, refreshKey);
  const owners = useMemo(() => serverNamedQueues(state.actors), [state.actors]);
  const shown = useMemo(() => (snapshot && isolation ? demoTopology(snapshot, isolation.prefix, owners) : undefined), [snapshot, isolation, owners]);
  return (
    <div className="demo-graph">
      {error ? <ErrorNotice tone="warning" title="The topology graph is not available" error={error} /> : null}
      {shown ? <TopologyGraph snapshot={shown} /> : error ? null : <p className="muted">Loading the topology…</p>}
    </div>
  );
}
