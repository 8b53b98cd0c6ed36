/**
 * The sandbox broker: a private RabbitMQ node started from the rabbitmq-server installed on
 * this machine, living in Warren's data folder. It is reused when it is already running
 * (from an earlier launch), and stopped when Warren quits unless the user keeps it running.
 */
import type { PlainEndpoint } from '../../broker/target';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import axios from 'axios';
import type { SandboxState } from '../../../../shared/connections/types';
import { warrenError } from '../../../../shared/errors';
import { canConnect, choosePort, isPortFree } from './ports';
import { isAlive, processNamesNode, runningNodePid, vmPidsOfNode } from './node-process';
import {
  nodeEnvironment,
  readPorts,
  sandboxLayout,
  tailOfFile,
  writeNodeFiles,
  type SandboxLayout,
  type SandboxPorts,
  type SandboxTls,
  writeCookie,
} from './node-files';

const CANDIDATE_BINARIES = [
  '/usr/lib/rabbitmq/bin/rabbitmq-server', // Debian/Ubuntu (the /usr/sbin wrapper switches user)
  '/usr/local/sbin/rabbitmq-server', // Homebrew on Intel macs
  '/opt/homebrew/sbin/rabbitmq-server', // Homebrew on Apple silicon
  '/usr/lib/rabbitmq/sbin/rabbitmq-server',
];

export function findRabbitmqServer(): string | undefined {
  const override = process.env.WARREN_RABBITMQ_SERVER;
  if (override) return existsSync(override) ? override : undefined;
  return CANDIDATE_BINARIES.find((candidate) => existsSync(candidate));
}

export interface SandboxOptions {
  /** The sandbox's own folder (Warren's data folder + /sandbox). */
  dir: string;
  /** Take 5672/15672 when free (the product); tests pass false to stay off the defaults. */
  preferDefaultPorts?: boolean;
  startTimeoutMs?: number;
  /** Also listen for AMQPS and https management with these files (tests of TLS). */
  tls?: SandboxTls;
  /** How often a ready node is checked for being alive (the state follows the node). */
  watchEveryMs?: number;
  onState?: (state: SandboxState) => void;
  /** A cluster's node: its own name, config lines (peer discovery) and the cluster's shared cookie. */
  nodeName?: string;
  extraConfig?: string[];
  /** Read at each start: the cluster makes its cookie once, on first use. */
  cookie?: () => string;
  /** What the failure message calls this node ("The sandbox broker", "Node c2"). */
  label?: string;
}

/** Where the sandbox node answers, as any plain endpoint. */
export type SandboxEndpoint = PlainEndpoint;

const SANDBOX_USER = { username: 'guest', password: 'guest' };

export class SandboxBroker {
  private readonly layout: SandboxLayout;
  private current: SandboxState;
  private starting?: Promise<SandboxState>;
  private watcher?: NodeJS.Timeout;
  private readonly listeners = new Set<(state: SandboxState) => void>();

  constructor(private readonly options: SandboxOptions) {
    this.layout = sandboxLayout(options.dir, options.nodeName);
    this.current = {
      status: findRabbitmqServer() ? 'stopped' : 'unavailable',
      dataDir: options.dir,
      nodeName: this.layout.nodeName,
      keepRunning: this.readKeepRunning(),
    };
  }

  get state(): SandboxState {
    return this.current;
  }

  /** The ports the node listens on (with TLS, its amqps and https management ports too). */
  get ports(): SandboxPorts | undefined {
    return this.current.status === 'ready' ? readPorts(this.layout) : undefined;
  }

  endpoint(): SandboxEndpoint | undefined {
    const { amqpPort, managementPort, status } = this.current;
    if (status !== 'ready' || !amqpPort || !managementPort) return undefined;
    return { host: '127.0.0.1', amqpPort, managementUrl: `http://127.0.0.1:${managementPort}`, ...SANDBOX_USER };
  }

  /** Also told every state change (besides options.onState); returns an unsubscribe function. */
  onChange(listener: (state: SandboxState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether this folder's node is running now (left by an earlier launch, or ours). */
  isNodeRunning(): boolean {
    return runningNodePid(this.layout) !== undefined && readPorts(this.layout) !== undefined;
  }

  /** Starts the node, or attaches to it when an earlier launch left it running. */
  start(): Promise<SandboxState> {
    this.starting ??= this.doStart().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async doStart(): Promise<SandboxState> {
    const bin = findRabbitmqServer();
    if (!bin) {
      return this.set({
        status: 'unavailable',
        error: warrenError('SANDBOX_UNAVAILABLE', 'rabbitmq-server is not installed on this machine'),
      });
    }
    const running = await this.findRunningNode();
    // Ours and ready already, or left running by an earlier launch (or another Warren window).
    if (running) return this.waitUntilReady(running, this.current.status !== 'ready' || this.current.reused === true);

    const ports = await this.choosePorts();
    writeNodeFiles(this.layout, ports, this.options.tls, this.options.extraConfig);
    if (this.options.cookie) writeCookie(this.layout, this.options.cookie());
    this.set({ status: 'starting', amqpPort: ports.amqp, managementPort: ports.management, error: undefined, logTail: undefined, reused: false });
    mkdirSync(path.dirname(this.layout.consoleLog), { recursive: true });
    const out = openSync(this.layout.consoleLog, 'a');
    const child = spawn(bin, [], {
      env: nodeEnvironment(this.layout, ports),
      cwd: this.layout.dir,
      // Detached so that "keep running after Warren quits" can hold; we stop it ourselves otherwise.
      detached: true,
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    let exited: string | undefined;
    child.once('exit', (code, signal) => (exited = `rabbitmq-server exited (${signal ?? `code ${code}`}) before it was ready`));
    child.once('error', (err) => (exited = `rabbitmq-server could not be started: ${err.message}`));
    child.unref();
    return this.waitUntilReady(ports, false, () => exited);
  }

  private async waitUntilReady(ports: SandboxPorts, reused: boolean, exited: () => string | undefined = () => undefined) {
    // A node that is already ready stays 'ready' while we check it (no flicker in the UI).
    this.set({ status: this.current.status === 'ready' ? 'ready' : 'starting', amqpPort: ports.amqp, managementPort: ports.management, reused });
    const deadline = Date.now() + (this.options.startTimeoutMs ?? 90_000);
    while (Date.now() < deadline) {
      const failure = exited();
      if (failure) return this.failed(failure);
      if ((await canConnect(ports.amqp)) && (await this.managementAnswers(ports.management))) {
        return this.set({ status: 'ready', error: undefined, logTail: undefined });
      }
      await delay(250);
    }
    return this.failed(`the node did not become ready within ${Math.round((this.options.startTimeoutMs ?? 90_000) / 1000)} s`);
  }

  private failed(message: string): SandboxState {
    return this.set({
      status: 'failed',
      error: warrenError('SANDBOX_UNAVAILABLE', `${this.label} failed to start: ${message}`, {
        hint: 'Read the log lines below; another RabbitMQ using the same ports or a full disk are the usual causes.',
      }),
      logTail: [...tailOfFile(this.layout.consoleLog, 10), ...tailOfFile(this.nodeLog(), 15)],
    });
  }

  private get label(): string {
    return this.options.label ?? 'The sandbox broker';
  }

  /** The node's own log file (the console log only has what happened before logging started). */
  nodeLog(): string {
    return path.join(this.layout.logDir, `${this.layout.nodeName}.log`);
  }

  private async managementAnswers(port: number): Promise<boolean> {
    try {
      const res = await axios.get(`http://127.0.0.1:${port}/api/overview`, {
        auth: SANDBOX_USER,
        timeout: 2000,
        params: { columns: 'rabbitmq_version' },
        validateStatus: () => true,
      });
      return res.status === 200;
    } catch {
      return false;
    }
  }

  /** The node of this folder, when its pid file names a live process that is that node. */
  private async findRunningNode(): Promise<SandboxPorts | undefined> {
    const ports = readPorts(this.layout);
    if (!ports || runningNodePid(this.layout) === undefined) return undefined;
    return ports;
  }

  /** Whether this folder's node is alive and listening for AMQP on `port`. */
  async ownsPort(port: number): Promise<boolean> {
    return (await this.findRunningNode())?.amqp === port;
  }

  private async choosePorts(): Promise<SandboxPorts> {
    // The node keeps the ports it had (profiles, scripts and a reconnecting Warren point there);
    // a first start takes the defaults when asked to and free; anything else gets a free port.
    const previous = readPorts(this.layout);
    const prefer = this.options.preferDefaultPorts ?? true;
    const pick = async (kept: number | undefined, fallback: number | undefined, avoid: number[]) =>
      kept !== undefined && !avoid.includes(kept) && (await isPortFree(kept)) ? kept : choosePort(fallback, avoid);
    const amqp = await pick(previous?.amqp, prefer ? 5672 : undefined, []);
    const management = await pick(previous?.management, prefer ? 15672 : undefined, [amqp]);
    const dist = await pick(previous?.dist, undefined, [amqp, management]);
    if (!this.options.tls) return { amqp, management, dist };
    const amqps = await pick(previous?.amqps, undefined, [amqp, management, dist]);
    const managementTls = await pick(previous?.managementTls, undefined, [amqp, management, dist, amqps]);
    return { amqp, management, dist, amqps, managementTls };
  }

  async stop(): Promise<SandboxState> {
    await this.starting?.catch(() => undefined);
    // Only a pid that is our node is ever signalled (a stale pid file is removed, not obeyed).
    const pid = runningNodePid(this.layout);
    if (!pid) return this.set({ status: this.stoppedStatus(), reused: false, error: undefined, logTail: undefined });
    this.set({ status: 'stopping' });
    // RabbitMQ shuts down gracefully on SIGTERM (flushing queues to disk), like `rabbitmqctl stop`.
    process.kill(pid, 'SIGTERM');
    const isOurs = () => isAlive(pid) && processNamesNode(pid, this.layout.nodeName);
    const deadline = Date.now() + 30_000;
    while (isOurs() && Date.now() < deadline) await delay(100);
    if (isOurs()) process.kill(pid, 'SIGKILL');
    return this.set({ status: this.stoppedStatus(), reused: false, error: undefined, logTail: undefined });
  }

  /**
   * Kills the node's VM outright (kill -9), as a crash or a pulled plug would: no graceful
   * shutdown. The VM is found by its node name; returns how many processes were signalled.
   * The watcher then reports the node stopped (down), as for any unexpected death.
   */
  kill(): number {
    const pids = vmPidsOfNode(this.layout.nodeName, runningNodePid(this.layout));
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone in between: what we wanted.
      }
    }
    return pids.length;
  }

  /** Called when Warren quits. */
  async shutdown(): Promise<void> {
    if (!this.current.keepRunning && this.current.status !== 'unavailable') await this.stop();
  }

  setKeepRunning(keepRunning: boolean): SandboxState {
    mkdirSync(this.layout.dir, { recursive: true });
    writeFileSync(this.layout.settingsFile, JSON.stringify({ keepRunning }));
    return this.set({ keepRunning });
  }

  private readKeepRunning(): boolean {
    try {
      return JSON.parse(readFileSync(this.layout.settingsFile, 'utf8')).keepRunning === true;
    } catch {
      return false;
    }
  }

  private stoppedStatus(): SandboxState['status'] {
    return findRabbitmqServer() ? 'stopped' : 'unavailable';
  }

  private set(patch: Partial<SandboxState>): SandboxState {
    this.current = { ...this.current, ...patch };
    for (const key of Object.keys(this.current) as (keyof SandboxState)[]) {
      if (this.current[key] === undefined) delete this.current[key];
    }
    this.watch(this.current.status === 'ready');
    this.options.onState?.(this.current);
    for (const listener of this.listeners) listener(this.current);
    return this.current;
  }

  /**
   * While the node is ready, checks now and then that it is still alive: a node that died
   * (kill -9, a crash, `rabbitmqctl stop`) shows Stopped with its log's last lines, so the UI
   * offers Start again instead of showing Ready over a dead node.
   */
  private watch(on: boolean) {
    if (!on) {
      if (this.watcher) clearInterval(this.watcher);
      this.watcher = undefined;
      return;
    }
    if (this.watcher) return;
    this.watcher = setInterval(() => {
      if (this.current.status !== 'ready' || this.starting) return;
      if (runningNodePid(this.layout) !== undefined) return;
      this.set({
        status: this.stoppedStatus(),
        reused: false,
        error: warrenError('SANDBOX_UNAVAILABLE', `${this.label} stopped unexpectedly`, {
          hint: 'Read the log lines below, then Start it again (it keeps its ports, queues and persistent messages).',
        }),
        logTail: [...tailOfFile(this.layout.consoleLog, 5), ...tailOfFile(this.nodeLog(), 15)],
      });
    }, this.options.watchEveryMs ?? 500);
    this.watcher.unref();
  }
}

function delay(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
