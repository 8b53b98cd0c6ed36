/**
 * Fault scenarios shared by the fault tests (tests/integration/faults) and the fault bench
 * (tests/bench/faults.ts): each runs a real Warren service against its OWN sandbox node (never
 * the run's shared one), does the fault for real, and measures what happened.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import amqp from 'amqplib';
import type { ConnectionState, SandboxState } from '../../shared/connections/types';
import type { RepeatProgress } from '../../shared/messaging/types';
import { sandboxLayout } from '../../main/service/connections/sandbox/node-files';
import { waitFor } from './broker';
import { makeService } from './service';

export type OwnSandbox = Awaited<ReturnType<typeof ownSandboxService>>;

/** A service whose own sandbox node is started and connected (profile “sandbox”), as a user has it. */
export async function ownSandboxService() {
  const svc = makeService({ reconnectBackoffMs: [250, 500, 1000, 2000, 3000] });
  const call = async <T>(op: string, input: unknown): Promise<T> => {
    const r = await svc.dispatch(op, input);
    if (!r.ok) throw Object.assign(new Error(`${op}: ${r.error.code} ${r.error.message}`), { warren: r.error });
    return r.value as T;
  };
  const started = await call<SandboxState>('sandbox.start', {});
  if (started.status !== 'ready') throw new Error(`sandbox ${started.status}: ${started.error?.message}`);
  const connected = await call<ConnectionState>('connection.connect', { id: 'sandbox' });
  if (connected.status !== 'connected') throw new Error(`connect: ${connected.error?.message}`);
  const layout = sandboxLayout(path.join(svc.dataDir, 'sandbox'));
  return {
    svc,
    call,
    port: started.amqpPort!,
    url: `amqp://guest:guest@127.0.0.1:${started.amqpPort}/`,
    nodePid: () => Number(readFileSync(layout.pidFile, 'utf8')),
    connectionStatus: () => svc.service.connection.state.status,
    close: async () => {
      await svc.service.shutdown();
    },
  };
}

/** Every message of `queue` taken off it (no ack), as the `seq` numbers of their bodies. */
export async function drainSeqs(url: string, queue: string): Promise<number[]> {
  const conn = await amqp.connect(url);
  try {
    const ch = await conn.createChannel();
    const { messageCount } = await ch.checkQueue(queue);
    const seqs: number[] = [];
    if (messageCount === 0) return seqs;
    await new Promise<void>((resolve) => {
      void ch.consume(
        queue,
        (m) => {
          if (!m) return;
          seqs.push(Number(m.content.toString('utf8').replace(/^seq-/, '')));
          if (seqs.length === messageCount) resolve();
        },
        { noAck: true },
      );
    });
    return seqs;
  } finally {
    await conn.close().catch(() => undefined);
  }
}

export interface RestartOutcome {
  fault: string;
  /** What the repeat run said when it ended. */
  shown: string;
  /** Confirmed before the cut (the run's resumeFrom). */
  confirmedAtCut: number;
  /** From the node accepting connections again to Warren connected. */
  recoverMs: number;
  /** After the resumed run: messages confirmed in all, present on the queue, lost, duplicated. */
  confirmed: number;
  present: number;
  lost: number;
  duplicates: number;
  resumed: RepeatProgress;
  interrupted: RepeatProgress;
}

/**
 * A confirmed repeat of `count` persistent messages into a durable queue; when `cutAfter` are
 * confirmed the broker restarts (graceful: Stop and Start from the UI; kill: kill -9 of the
 * node, then Start). The run is resumed from what it says, and the queue is counted.
 */
export async function restartDuringRepeat(own: OwnSandbox, how: 'graceful' | 'kill', count = 20_000, cutAfter = 4_000): Promise<RestartOutcome> {
  const queue = `repeat-${how}`;
  const setup = await amqp.connect(own.url);
  await (await setup.createChannel()).assertQueue(queue, { durable: true });
  await setup.close();
  const repeat = {
    exchange: '',
    routingKey: queue,
    count,
    confirm: true,
    // Paced so the cut lands mid-run on any machine.
    ratePerSecond: 4_000,
    properties: { deliveryMode: 2 },
    body: { mode: 'text', data: 'seq-{{seq}}' },
  };
  const run = await own.call<RepeatProgress>('messaging.repeat', repeat);
  const progressOf = () =>
    own.svc.events
      .filter((e) => e.event === 'messaging.repeatProgress' && (e.payload as RepeatProgress).runId === run.runId)
      .map((e) => e.payload as RepeatProgress)
      .at(-1);
  await waitFor(() => (progressOf()?.confirmed ?? 0) >= cutAfter, 60_000, 5);
  if (how === 'graceful') void own.call('sandbox.stop', {});
  else process.kill(own.nodePid(), 'SIGKILL');
  const interrupted = (await waitFor(() => {
    const p = progressOf();
    return p && p.state !== 'running' ? p : undefined;
  }, 60_000))!;
  await waitFor(() => own.svc.service.sandbox.state.status === 'stopped', 60_000, 50);
  const back = await own.call<SandboxState>('sandbox.start', {});
  if (back.status !== 'ready') throw new Error(`restart: ${back.status} ${back.error?.message}`);
  const accepting = Date.now();
  await waitFor(() => own.connectionStatus() === 'connected', 60_000, 20);
  const recoverMs = Date.now() - accepting;

  const resumeFrom = interrupted.resumeFrom ?? 0;
  const resumed = await own.call<RepeatProgress>('messaging.repeat', { ...repeat, ratePerSecond: 0, resumeFrom, wait: true });
  const seqs = await drainSeqs(own.url, queue);
  const distinct = new Set(seqs);
  let lost = 0;
  for (let seq = 1; seq <= resumed.confirmed; seq++) if (!distinct.has(seq)) lost++;
  return {
    fault: how === 'graceful' ? 'Broker restart (graceful) during a confirmed repeat' : 'Broker killed -9 during a confirmed repeat',
    shown: interrupted.error?.message ?? interrupted.state,
    confirmedAtCut: resumeFrom,
    recoverMs,
    confirmed: resumed.confirmed,
    present: seqs.length,
    lost,
    duplicates: seqs.length - distinct.size,
    resumed,
    interrupted,
  };
}

/** Warren's browser host as a child process of the test (one process: kill -9 kills Warren). */
export interface HostProcess {
  child: import('node:child_process').ChildProcess;
  url: string;
  output: () => string;
}

export async function startBrowserHost(dataDir: string, env: Record<string, string> = {}): Promise<HostProcess> {
  const { spawn } = await import('node:child_process');
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'main/host-web/cli.ts')], {
    cwd: root,
    env: { ...process.env, WARREN_DATA_DIR: dataDir, WARREN_NO_BROWSER: '1', WARREN_OPEN_BROWSER: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = await waitFor(() => /Warren is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output)?.[1], 60_000, 50);
  return { child, url: url!, output: () => output };
}

/**
 * A page's connection to the browser host, without a browser: the token is exchanged for the
 * session cookie as the page would, then the WebSocket carries calls and events.
 */
export async function hostClient(url: string) {
  const { WebSocket } = await import('ws');
  const page = new URL(url);
  const res = await fetch(url, { redirect: 'manual' });
  const cookie = (res.headers.getSetCookie?.() ?? [])
    .map((c) => c.split(';')[0]!)
    .join('; ');
  const ws = new WebSocket(`ws://${page.host}/ws`, { headers: { cookie, origin: page.origin } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (result: { ok: boolean; value?: unknown; error?: { code: string; message: string } }) => void>();
  const events: { event: string; payload: unknown }[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: never; events?: { event: string; payload: unknown }[] };
    if (message.events) events.push(...message.events);
    else if (typeof message.id === 'number') pending.get(message.id)?.(message.result!);
  });
  return {
    ws,
    events,
    async call<T>(op: string, input: unknown): Promise<T> {
      const id = nextId++;
      const result = await new Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, op, input }));
      });
      pending.delete(id);
      if (!result.ok) throw new Error(`${op}: ${result.error?.code} ${result.error?.message}`);
      return result.value as T;
    },
    close: () => ws.close(),
  };
}

/** Ready and unacknowledged counts of a queue, from the broker (a passive declare sees only ready). */
export async function queueCounts(managementPort: number, queue: string, vhost = '/') {
  const res = await fetch(`http://127.0.0.1:${managementPort}/api/queues/${encodeURIComponent(vhost)}/${encodeURIComponent(queue)}?columns=messages_ready,messages_unacknowledged,consumers`, {
    headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` },
  });
  const body = (await res.json()) as { messages_ready?: number; messages_unacknowledged?: number; consumers?: number };
  return { ready: body.messages_ready ?? 0, unacked: body.messages_unacknowledged ?? 0, consumers: body.consumers ?? 0 };
}
