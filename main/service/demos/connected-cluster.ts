/**
 * The cluster a demo run from the app kills a node of: Warren's own sandbox cluster, and only
 * while Warren is connected to it.
 *
 * Why not a cluster of the demo's own, as the command line uses: the page's charts — the queues'
 * rates and the "node down / up" markers — come from the app's one chart sampler, and it reads
 * the broker Warren is connected to. A demo on another cluster would run out of the charts'
 * sight, and charting a second broker would take a second sampler with its own connection state.
 * So the demo runs where the charts look. The sandbox cluster is Warren's to kill nodes of; a
 * user's cluster never is, whatever it is called. The node killed is one Warren is NOT connected
 * to, so the charts keep sampling through the failure (Warren's own failover to another node is
 * issue 14.4's story, on the Overview).
 */
import type { DemoCluster } from '../../../demos/runtime';
import type { ClusterSandbox } from '../connections/sandbox/cluster';
import { CLUSTER_PROFILE_ID } from '../connections/profiles/catalog';
import type { ServiceContext } from '../context';
import { fail } from '../errors';
import { demoClusterOf } from './private-cluster';

type Ctx = Pick<ServiceContext, 'connection' | 'cluster'>;

/** Refuses, in the user's terms, unless Warren is connected to its sandbox cluster. */
export function requireSandboxCluster(ctx: Ctx, title: string): void {
  if (ctx.connection.state.status === 'connected' && ctx.connection.state.profileId === CLUSTER_PROFILE_ID) return;
  fail('SANDBOX_UNAVAILABLE', `${title} kills a node of the broker its charts show, so it runs on Warren’s sandbox cluster only`, {
    hint: 'Press “Connect to the sandbox cluster” (Warren starts its three nodes when they are not running), then Run. No other cluster is ever touched.',
  });
}

/** The connected sandbox cluster as the demo sees it, the demo's objects in `vhost`. */
export function connectedSandboxCluster(ctx: Ctx, demo: string, title: string, vhost: string): () => Promise<DemoCluster> {
  return async () => {
    requireSandboxCluster(ctx, title);
    const engine = ctx.cluster;
    // A node left down (stopped or killed on the Connections page) is started: the story needs three.
    if (engine.state.status !== 'ready') await engine.start();
    if (engine.state.status !== 'ready') {
      fail('SANDBOX_UNAVAILABLE', `The sandbox cluster is ${engine.state.status}: the demo needs its three nodes running`, {
        hint: 'Open Connections → Sandbox cluster: each node’s card says why it is not running. Start the stopped nodes, then Run again.',
      });
    }
    const spare = () => nodeWarrenIsOn(engine, ctx.connection.state);
    // Released as the user had it: whole. A reset in the middle of a step can find the killed node down.
    const release = async () => {
      if (engine.state.nodes.some((n) => n.status !== 'running')) await engine.start();
    };
    return demoClusterOf(engine, demo, release, {
      vhost,
      about: `Warren’s sandbox cluster: the broker Warren is connected to (through ${spare() ?? 'one of its nodes'}) and its charts show. The node killed is another one, so the charts keep sampling while it is down.`,
      spare,
      isDemoBroker: true,
    });
  };
}

/** The short name (c1 …) of the node Warren's connection is on: by the node's name, else by its AMQP port. */
function nodeWarrenIsOn(engine: ClusterSandbox, state: Ctx['connection']['state']): string | undefined {
  const nodes = engine.state.nodes;
  const byName = nodes.find((n) => n.nodeName === state.server?.node);
  if (byName) return byName.name;
  const port = Number(state.endpoint?.split(':').pop());
  return nodes.find((n) => n.amqpPort === port)?.name;
}
