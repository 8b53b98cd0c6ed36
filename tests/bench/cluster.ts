/**
 * `npm run bench -- cluster`: the 3-node sandbox cluster against one sandbox node — cold start
 * (fresh folders, to "ready": every node answering AMQP and management, joined) and the memory of
 * the Erlang VMs once ready (RSS, summed over the cluster's three), rounds interleaved; then
 * failover: a connection on a profile naming the three nodes, its node killed with kill -9,
 * time until it is connected to another. Writes its section of docs/benchmarks.md.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrokerConnection } from '../../main/service/broker/connection';
import type { ConnectTarget } from '../../main/service/broker/target';
import { ClusterSandbox } from '../../main/service/connections/sandbox/cluster';
import { vmPidsOfNode } from '../../main/service/connections/sandbox/node-process';
import { SandboxBroker } from '../../main/service/connections/sandbox/sandbox';
import { waitFor } from '../support/broker';
import { writeBenchSection } from './_report';
import { loadAverage, spread, type Spread } from './_rounds';

const ROUNDS = Number(process.env.WARREN_BENCH_ROUNDS ?? 3);
const work = mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'bench-cluster-'));
const log = (line: string) => console.log(`[cluster] ${line}`);

function rssBytes(nodeName: string): number {
  return vmPidsOfNode(nodeName).reduce((sum, pid) => {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return sum + Number(kb ?? 0) * 1024;
  }, 0);
}

async function oneNode(round: number): Promise<{ ms: number; rss: number }> {
  const node = new SandboxBroker({ dir: path.join(work, `node-${round}`), preferDefaultPorts: false });
  const t0 = performance.now();
  const state = await node.start();
  const ms = performance.now() - t0;
  if (state.status !== 'ready') throw new Error(`single node: ${state.error?.message}`);
  await new Promise((r) => setTimeout(r, 3000)); // settled, as the cluster's nodes are by the join check
  const rss = rssBytes(state.nodeName!);
  await node.stop();
  return { ms, rss };
}

async function cluster(round: number, last: boolean): Promise<{ ms: number; rss: number; failovers: number[] }> {
  const c = new ClusterSandbox({ dir: path.join(work, `cluster-${round}`), watchEveryMs: 250 });
  const t0 = performance.now();
  const state = await c.start();
  const ms = performance.now() - t0;
  if (state.status !== 'ready') throw new Error(`cluster: ${state.status} ${state.nodes.map((n) => `${n.name} ${n.status} ${n.error?.message ?? ''}`).join('; ')}`);
  await new Promise((r) => setTimeout(r, 3000));
  const rss = state.nodes.reduce((sum, n) => sum + rssBytes(n.nodeName), 0);
  const failovers = last ? await failover(c) : [];
  await c.stop();
  return { ms, rss, failovers };
}

/** Each node in turn is the one Warren is on, and is killed; ms from kill -9 to connected elsewhere. */
async function failover(c: ClusterSandbox): Promise<number[]> {
  const times: number[] = [];
  for (const victim of c.state.nodes.map((n) => n.name)) {
    const nodes = c.state.nodes;
    const hosts = [...nodes.filter((n) => n.name === victim), ...nodes.filter((n) => n.name !== victim)].map((n) => ({
      host: '127.0.0.1',
      port: n.amqpPort!,
      managementUrl: `http://127.0.0.1:${n.managementPort}`,
    }));
    const target: ConnectTarget = {
      profileId: 'bench',
      profileName: 'Bench cluster',
      ...hosts[0]!,
      vhost: '/',
      username: 'guest',
      password: 'guest',
      tls: { enabled: false, verifyPeer: true },
      heartbeat: 10,
      hosts,
    };
    const connection = new BrokerConnection(() => undefined);
    await connection.connect(target);
    const t0 = performance.now();
    c.killNode(victim);
    await waitFor(() => connection.state.status === 'connected' && connection.state.endpoint !== `127.0.0.1:${hosts[0]!.port}`, 30_000, 5);
    times.push(performance.now() - t0);
    log(`failover from ${victim}: ${Math.round(times.at(-1)!)} ms → ${connection.state.server?.node}`);
    await connection.disconnect();
    await c.startNode(victim);
  }
  return times;
}

const fmtS = (s: Spread) => `${(s.median / 1000).toFixed(1)} s (${(s.min / 1000).toFixed(1)}–${(s.max / 1000).toFixed(1)})`;
const fmtMB = (s: Spread) => `${Math.round(s.median / 2 ** 20)} MB (${Math.round(s.min / 2 ** 20)}–${Math.round(s.max / 2 ** 20)})`;

const loadStart = loadAverage();
const single: { ms: number; rss: number }[] = [];
const clustered: { ms: number; rss: number; failovers: number[] }[] = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    single.push(await oneNode(round));
    log(`round ${round + 1}: one node ${Math.round(single.at(-1)!.ms)} ms, ${Math.round(single.at(-1)!.rss / 2 ** 20)} MB`);
    clustered.push(await cluster(round, round === ROUNDS - 1));
    log(`round ${round + 1}: cluster ${Math.round(clustered.at(-1)!.ms)} ms, ${Math.round(clustered.at(-1)!.rss / 2 ** 20)} MB`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const startOne = spread(single.map((r) => r.ms));
const startThree = spread(clustered.map((r) => r.ms));
const memOne = spread(single.map((r) => r.rss));
const memThree = spread(clustered.map((r) => r.rss));
const fail = spread(clustered.flatMap((r) => r.failovers));
const timeRatio = startThree.median / startOne.median;
const memRatio = memThree.median / memOne.median;
console.log(`ratio: ${timeRatio.toFixed(2)} (cold start, cluster ÷ one node)`);
console.log(`ratio: ${memRatio.toFixed(2)} (memory, cluster ÷ one node)`);

writeBenchSection(
  'cluster',
  'Sandbox cluster: cold start, memory and failover vs one node',
  `
Fresh data folders each round (${ROUNDS} rounds, one node then the cluster, interleaved). Ready means
every node answers AMQP and its management API, and (cluster) the three agree they are one cluster.
Memory is the resident size of the Erlang VMs 3 s after ready (the cluster: three VMs summed).
Failover: a connection on a profile naming the three nodes, the node it is on killed with kill -9,
time until it is connected to another (each node in turn, last round). Load average ${loadStart} at start, ${loadAverage()} at end.

| | one node | 3-node cluster | cluster ÷ one node |
| --- | --- | --- | --- |
| cold start to ready | ${fmtS(startOne)} | ${fmtS(startThree)} | ${timeRatio.toFixed(2)}× |
| memory (RSS of the VMs) | ${fmtMB(memOne)} | ${fmtMB(memThree)} | ${memRatio.toFixed(2)}× |
| failover after kill -9 | — | ${Math.round(fail.median)} ms (${Math.round(fail.min)}–${Math.round(fail.max)}) over ${fail.values.length} kills | |

Goal (issue 14): the cluster within 3× of one node in start time and memory; failover within 10 s.
The cluster's nodes boot at the same time on this machine's cores, so its start is well under three single starts.
`,
);
