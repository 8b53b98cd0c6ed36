/**
 * The sandbox cluster: three private RabbitMQ nodes on this machine, joined into one cluster.
 * Each node is a SandboxBroker (the one implementation of "a private node") given its own name,
 * folder and ports, the cluster's cookie and peer discovery; this class starts, stops, kills and
 * watches them together and tells one state for the cluster with one per node.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import axios from 'axios';
import type { ClusterNodeState, ClusterState, SandboxState } from '../../../../shared/connections/types';
import { fail } from '../../errors';
import type { PlainEndpoint } from '../../broker/target';
import { explainJoinFailure, knownClusterFault } from './cluster-faults';
import { clusterName, clusterNodes, joinedNodes, peerDiscoveryConfig, type ClusterNodeSpec } from './cluster-layout';
import { tailOfFile } from './node-files';
import { findRabbitmqServer, SandboxBroker } from './sandbox';

export interface ClusterOptions {
  /** The cluster's folder (Warren's data folder + /cluster); one sub-folder per node. */
  dir: string;
  startTimeoutMs?: number;
  /** How long running nodes may take to agree they are one cluster. */
  joinTimeoutMs?: number;
  watchEveryMs?: number;
  onState?: (state: ClusterState) => void;
}

const SANDBOX_USER = { username: 'guest', password: 'guest' };

interface Member {
  spec: ClusterNodeSpec;
  broker: SandboxBroker;
  /** Why a running node is not part of the cluster (set by the join check). */
  notJoined?: ClusterNodeState['error'];
}

export class ClusterSandbox {
  private readonly members: Member[];
  private readonly name: string;
  private readonly listeners = new Set<(state: ClusterState) => void>();
  private starting?: Promise<void>;
  private stopping = false;
  private last?: ClusterState;

  constructor(private readonly options: ClusterOptions) {
    const specs = clusterNodes(options.dir);
    this.name = clusterName(options.dir);
    const extraConfig = peerDiscoveryConfig(specs, this.name);
    this.members = specs.map((spec) => ({
      spec,
      broker: new SandboxBroker({
        dir: spec.dir,
        nodeName: spec.nodeName,
        label: `Node ${spec.name}`,
        extraConfig,
        cookie: () => this.cookie(),
        preferDefaultPorts: false,
        ...(options.startTimeoutMs ? { startTimeoutMs: options.startTimeoutMs } : {}),
        watchEveryMs: options.watchEveryMs ?? 500,
      }),
    }));
    for (const member of this.members) member.broker.onChange(() => this.publish());
  }

  get state(): ClusterState {
    const nodes = this.members.map((m) => nodeState(m));
    return {
      status: this.status(nodes),
      dataDir: this.options.dir,
      clusterName: this.name,
      nodes,
    };
  }

  onChange(listener: (state: ClusterState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Where each running node answers, in node order (a profile's host list). */
  endpoints(): PlainEndpoint[] {
    return this.members.flatMap((m) => m.broker.endpoint() ?? []);
  }

  /** Every node's ports, running or not, as last chosen (for a profile that lists all hosts). */
  nodePorts(): { name: string; nodeName: string; amqpPort?: number; managementPort?: number }[] {
    return this.state.nodes.map(({ name, nodeName, amqpPort, managementPort }) => ({ name, nodeName, amqpPort, managementPort }));
  }

  /** Starts the nodes that are not running (all of them on a first start) and checks they joined. */
  async start(): Promise<ClusterState> {
    this.starting ??= this.doStart().finally(() => (this.starting = undefined));
    await this.starting;
    this.publish();
    return this.state;
  }

  private async doStart(): Promise<void> {
    if (!findRabbitmqServer()) return;
    // One node at a time chooses its ports (so two never pick the same free port); they boot together.
    const boots: Promise<SandboxState>[] = [];
    for (const m of this.members) {
      m.notJoined = undefined;
      boots.push(m.broker.start());
      await untilPortsChosen(m.broker);
    }
    await Promise.all(boots);
    await this.checkJoined();
  }

  /** Starts one node (it rejoins the cluster from its data folder). */
  async startNode(name: string): Promise<ClusterState> {
    const m = this.member(name);
    m.notJoined = undefined;
    await m.broker.start();
    await this.checkJoined();
    return this.state;
  }

  /** Stops one node gracefully (its queues' leaders move to the others first). */
  async stopNode(name: string): Promise<ClusterState> {
    const m = this.member(name);
    m.notJoined = undefined;
    await m.broker.stop();
    return this.state;
  }

  /** kill -9 of the node's VM, found by its node name; the node then shows down. */
  killNode(name: string): ClusterState {
    const m = this.member(name);
    if (m.broker.kill() === 0) {
      fail('BAD_INPUT', `Node ${name} is not running`, { field: 'node', hint: 'Start it first; only a running node can be killed.' });
    }
    return this.state;
  }

  async stop(): Promise<ClusterState> {
    this.stopping = true;
    try {
      await this.starting?.catch(() => undefined);
      await Promise.all(this.members.map((m) => m.broker.stop()));
      for (const m of this.members) m.notJoined = undefined;
    } finally {
      this.stopping = false;
    }
    this.publish();
    return this.state;
  }

  /** Called when Warren quits. */
  async shutdown(): Promise<void> {
    if (this.members.some((m) => m.broker.isNodeRunning() || m.broker.state.status === 'starting')) await this.stop();
  }

  /**
   * Asks every running node which cluster it is in; a node outside the biggest group runs on its
   * own (wrong cookie, stale data …) and is marked failed with the reason read from the logs.
   */
  private async checkJoined(): Promise<void> {
    const deadline = Date.now() + (this.options.joinTimeoutMs ?? 60_000);
    for (;;) {
      const running = this.members.filter((m) => m.broker.state.status === 'ready');
      const views: Record<string, string[]> = {};
      for (const m of running) {
        const members = await clusterMembers(m.broker.state.managementPort);
        if (members) views[m.spec.nodeName] = members;
      }
      const joined = joinedNodes(views);
      const outside = running.filter((m) => !joined.has(m.spec.nodeName));
      if (outside.length === 0 || Date.now() > deadline) {
        for (const m of outside) m.notJoined = explainJoinFailure(m.spec.name, this.allLogLines());
        this.publish();
        return;
      }
      await delay(1000);
    }
  }

  private allLogLines(): string[] {
    return this.members.flatMap((m) => tailOfFile(m.broker.nodeLog(), 200));
  }

  /** The cluster's cookie: made once, kept in the cluster's folder, written to each node's HOME. */
  private cookie(): string {
    const file = path.join(this.options.dir, 'cookie');
    if (existsSync(file)) {
      const kept = readFileSync(file, 'utf8').trim();
      if (/^[A-Z]{20}$/.test(kept)) return kept;
    }
    mkdirSync(this.options.dir, { recursive: true });
    const cookie = Array.from(randomBytes(20), (b) => String.fromCharCode(65 + (b % 26))).join('');
    writeFileSync(file, cookie, { mode: 0o600 });
    return cookie;
  }

  private member(name: string): Member {
    const m = this.members.find((x) => x.spec.name === name || x.spec.nodeName === name);
    if (!m) {
      fail('BAD_INPUT', `There is no node ${name} in the sandbox cluster`, {
        field: 'node',
        hint: `Its nodes are ${this.members.map((x) => x.spec.name).join(', ')}.`,
      });
    }
    return m;
  }

  private status(nodes: ClusterNodeState[]): ClusterState['status'] {
    if (!findRabbitmqServer()) return 'unavailable';
    const count = (s: ClusterNodeState['status']) => nodes.filter((n) => n.status === s).length;
    if (this.stopping || count('stopping') > 0) return 'stopping';
    if (this.starting || count('starting') > 0) return 'starting';
    if (count('running') === nodes.length) return 'ready';
    if (count('running') > 0) return 'degraded';
    if (count('failed') > 0) return 'failed';
    return 'stopped';
  }

  private publish(): void {
    const state = this.state;
    if (this.last && JSON.stringify(this.last) === JSON.stringify(state)) return;
    this.last = state;
    this.options.onState?.(state);
    for (const listener of this.listeners) listener(state);
  }
}

function nodeState({ spec, broker, notJoined }: Member): ClusterNodeState {
  const s = broker.state;
  const ports = broker.ports;
  const base = {
    name: spec.name,
    nodeName: spec.nodeName,
    ...(s.amqpPort ? { amqpPort: s.amqpPort } : {}),
    ...(s.managementPort ? { managementPort: s.managementPort } : {}),
    ...(ports?.dist ? { distPort: ports.dist } : {}),
  };
  if (s.status === 'ready' && notJoined) return { ...base, status: 'failed', error: notJoined, logTail: tailOfFile(broker.nodeLog(), 15) };
  const status: ClusterNodeState['status'] =
    s.status === 'ready'
      ? 'running'
      : s.status === 'starting' || s.status === 'stopping' || s.status === 'failed'
        ? s.status
        : s.error
          ? 'down'
          : 'stopped';
  // A node that would not boot because of the cluster (cookie, stale data) says so, not just "exited".
  const error = status === 'failed' ? (knownClusterFault(spec.name, s.logTail ?? []) ?? s.error) : s.error;
  return { ...base, status, ...(error ? { error } : {}), ...(s.logTail ? { logTail: s.logTail } : {}) };
}

/** The names of the nodes in the cluster of the node answering on `managementPort`. */
async function clusterMembers(managementPort: number | undefined): Promise<string[] | undefined> {
  if (!managementPort) return undefined;
  try {
    const res = await axios.get<{ name: string }[]>(`http://127.0.0.1:${managementPort}/api/nodes`, {
      auth: SANDBOX_USER,
      params: { columns: 'name' },
      timeout: 3000,
    });
    return res.data.map((n) => n.name);
  } catch {
    return undefined;
  }
}

function untilPortsChosen(broker: SandboxBroker): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stop();
      resolve();
    };
    const stop = broker.onChange((s) => {
      if (s.status !== 'stopped') done();
    });
    if (broker.state.status !== 'stopped' && broker.state.status !== 'unavailable') done();
    // A start that fails before choosing ports (no binary) still lets the next node go.
    setTimeout(done, 5000).unref();
  });
}

function delay(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
