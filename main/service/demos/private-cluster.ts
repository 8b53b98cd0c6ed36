/**
 * The cluster a demo kills a node of (EcomNow: a broker node fails): a sandbox cluster started in
 * a fresh folder for the demo and removed after it, or a running one handed over (a test run's),
 * which is left running. Never the broker Warren or the user works on.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import axios from 'axios';
import type { DemoCluster } from '../../../demos/runtime';
import { vhostPath } from '../broker/management';
import { demoClientProperties, openConnection, plainTarget } from '../broker/target';
import { ClusterSandbox } from '../connections/sandbox/cluster';
import { findRabbitmqServer } from '../connections/sandbox/sandbox';
import { fail } from '../errors';

const SANDBOX_USER = { username: 'guest', password: 'guest' };

export interface DemoClusterOptions {
  /** Where the demo's queues live (its own vhost in the app; '/' of a private or given cluster). */
  vhost?: string;
  about: string;
  /** The node the demo must not kill (the one Warren is connected to, whose management API the charts read). */
  spare?: () => string | undefined;
  isDemoBroker?: boolean;
}

/** The demo's view of a cluster engine; `release` is what the demo's end does to it. */
export function demoClusterOf(engine: ClusterSandbox, demo: string, release: () => Promise<void>, options: DemoClusterOptions): DemoCluster {
  const vhost = options.vhost ?? '/';
  const node = (name: string) => {
    const n = engine.state.nodes.find((x) => x.name === name);
    if (!n?.amqpPort || n.status !== 'running') fail('BAD_INPUT', `Node ${name} of the demo's cluster is not running`, { hint: 'Start the cluster again (its nodes are in the Cluster panel).' });
    return n;
  };
  const short = (full: string | undefined) => engine.state.nodes.find((x) => x.nodeName === full)?.name ?? full;
  /** The queue as the management API shows it, asked of any running node (the killed one cannot answer). */
  const queueInfo = async (queue: string) => {
    for (const n of engine.state.nodes.filter((x) => x.status === 'running' && x.managementPort)) {
      try {
        const url = `http://127.0.0.1:${n.managementPort}/api/queues/${vhostPath(vhost)}/${encodeURIComponent(queue)}`;
        return (await axios.get<{ leader?: string; node?: string; online?: string[] }>(url, { auth: SANDBOX_USER, timeout: 3000 })).data;
      } catch {
        // Try the next node.
      }
    }
    return undefined;
  };
  const names = engine.state.nodes.map((n) => n.name);
  return {
    nodes: names,
    about: options.about,
    victim: () => {
      const spare = options.spare?.();
      return names.find((n) => n !== spare) ?? names[0]!;
    },
    isDemoBroker: options.isDemoBroker ?? false,
    open: (name, program) => {
      const n = node(name);
      const endpoint = { host: '127.0.0.1', amqpPort: n.amqpPort!, managementUrl: `http://127.0.0.1:${n.managementPort ?? 0}`, ...SANDBOX_USER };
      return openConnection({ ...plainTarget(endpoint, { id: 'demo-cluster', name: 'Demo cluster', heartbeat: 10 }), vhost }, demoClientProperties(demo, program));
    },
    kill: (name) => void engine.killNode(name),
    start: async (name) => {
      const state = await engine.startNode(name);
      if (state.nodes.find((n) => n.name === name)?.status !== 'running') fail('SANDBOX_UNAVAILABLE', `Node ${name} did not come back`, { hint: 'Its log tail is in the Cluster panel.' });
    },
    queueNode: async (queue) => {
      const q = await queueInfo(queue);
      return q ? short(q.leader ?? q.node) : undefined;
    },
    replicasOnline: async (queue) => ((await queueInfo(queue))?.online ?? []).map((n) => short(n) ?? n),
    release,
  };
}

/** Starts a cluster of the demo's own under `parentDir`; undefined when rabbitmq-server is not installed. */
export function privateClusters(parentDir: string, demo: string): (() => Promise<DemoCluster>) | undefined {
  if (!findRabbitmqServer()) return undefined;
  return async () => {
    mkdirSync(parentDir, { recursive: true });
    const dir = mkdtempSync(path.join(parentDir, 'demo-cluster-'));
    const engine = new ClusterSandbox({ dir, watchEveryMs: 250 });
    const remove = async () => {
      await engine.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    };
    const state = await engine.start();
    if (state.status !== 'ready') {
      const why = state.nodes.map((n) => `${n.name} ${n.status}${n.error ? `: ${n.error.message}` : ''}`).join('; ');
      await remove();
      fail('SANDBOX_UNAVAILABLE', `The demo's cluster did not start (${why})`, { hint: 'Check that rabbitmq-server can start three nodes here; the demo needs them.' });
    }
    return demoClusterOf(engine, demo, remove, { about: 'A 3-node cluster of the demo’s own, started for it and removed after it: killing a node here cuts nobody else.' });
  };
}
