/**
 * The run's sandbox cluster as tests see it: scripts/test.mjs starts one (tests/support/cluster-cli.ts)
 * and passes its JSON line in WARREN_TEST_CLUSTER. Cluster tests skip, saying why, without it.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import axios from 'axios';
import { afterAll } from 'vitest';
import { ClusterSandbox } from '../../main/service/connections/sandbox/cluster';
import { LOOPBACK_DISTRIBUTION } from '../../main/service/connections/sandbox/node-files';
import { findRabbitmqServer } from '../../main/service/connections/sandbox/sandbox';

export interface TestClusterNode {
  name: string;
  nodeName: string;
  amqpPort: number;
  managementPort: number;
  distPort: number;
}

export interface TestCluster {
  dir: string;
  clusterName: string;
  nodes: TestClusterNode[];
}

export const NO_CLUSTER_REASON =
  'no test cluster: run with `npm test` (it starts one), or start one with `tsx tests/support/cluster-cli.ts start DIR` and set WARREN_TEST_CLUSTER to its JSON line';

export function testCluster(): TestCluster | undefined {
  const raw = process.env.WARREN_TEST_CLUSTER;
  if (!raw) return undefined;
  return JSON.parse(raw) as TestCluster;
}

/** The run's cluster for a test file (`import.meta.url`); without one the file is skipped and says why. */
export function clusterFor(file: string): TestCluster | undefined {
  const cluster = testCluster();
  if (!cluster) console.warn(`${path.relative(process.cwd(), new URL(file).pathname)} skipped: ${NO_CLUSTER_REASON}`);
  return cluster;
}

/**
 * Steps a test file registers as it goes (start a node it stopped, close a service), run after its
 * tests, last first, each whatever the others do: the run's cluster is left whole for the next file.
 */
export function cleanupAfterAll(): (step: () => Promise<unknown>) => void {
  const steps: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const step of steps.reverse()) await step().catch(() => undefined);
  });
  return (step) => steps.push(step);
}

/** The run's cluster as Warren's engine (it finds the running nodes by their folders and names). */
export function clusterEngine(cluster: TestCluster, watchEveryMs = 250): ClusterSandbox {
  return new ClusterSandbox({ dir: cluster.dir, watchEveryMs });
}

/** What the node on `managementPort` says about the cluster's nodes. */
export async function nodesSeenBy(managementPort: number): Promise<{ name: string; running: boolean }[]> {
  const res = await axios.get<{ name: string; running: boolean }[]>(`http://127.0.0.1:${managementPort}/api/nodes`, {
    auth: { username: 'guest', password: 'guest' },
    params: { columns: 'name,running' },
    timeout: 5000,
  });
  return res.data;
}

export function managementApi(node: TestClusterNode) {
  return axios.create({ baseURL: `http://127.0.0.1:${node.managementPort}/api`, auth: { username: 'guest', password: 'guest' }, timeout: 15_000 });
}

/** A profile naming the cluster's three nodes (AMQP and management), first node first, as a user saves it. */
export function clusterProfile(cluster: TestCluster, vhost = '/') {
  return {
    name: 'Cluster',
    host: cluster.nodes.map((n) => `127.0.0.1:${n.amqpPort}`).join(','),
    port: cluster.nodes[0]!.amqpPort,
    vhost,
    username: 'guest',
    password: 'guest',
    managementUrl: cluster.nodes.map((n) => `http://127.0.0.1:${n.managementPort}`).join(','),
  };
}

/**
 * Runs an Erlang expression on a node of the run's cluster (rabbitmqctl eval), with the node's
 * own HOME so the cluster's cookie is the one read: how a test makes a fault no API can (a partition).
 */
export function evalOnNode(cluster: TestCluster, node: TestClusterNode, expression: string): string {
  const ctl = path.join(path.dirname(findRabbitmqServer() ?? '/usr/lib/rabbitmq/bin/rabbitmq-server'), 'rabbitmqctl');
  return execFileSync(ctl, ['-n', node.nodeName, 'eval', expression], {
    env: { ...process.env, HOME: path.join(cluster.dir, node.name), RABBITMQ_CTL_ERL_ARGS: LOOPBACK_DISTRIBUTION, ERL_EPMD_ADDRESS: '127.0.0.1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
}
