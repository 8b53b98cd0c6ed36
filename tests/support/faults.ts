/**
 * Fault scenarios shared by the fault tests (tests/integration/faults) and the fault bench
 * (tests/bench/faults.ts): each runs a real Warren service against its OWN sandbox node (never
 * the run's shared one), does the fault for real, and measures what happened.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import amqp from 'amqplib';
import type { RepeatProgress } from '../../shared/messaging/types';
import type { InputOf } from '../../shared/contract';
import { sandboxLayout } from '../../main/service/connections/sandbox/node-files';
import { waitFor } from './broker';
import { makeService, valueCaller } from './service';
import { pageClient, type BridgeEvent } from './bridge-client';

export type OwnSandbox = Awaited<ReturnType<typeof ownSandboxService>>;

/** A service whose own sandbox node is started and connected (profile “sandbox”), as a user has it. */
export async function ownSandboxService() {
  const svc = makeService({ reconnectBackoffMs: [250, 500, 1000, 2000, 3000] });
  const call = valueCaller(svc);
  const started = await call('sandbox.start', {});
  if (started.status !== 'ready') throw new Error(`sandbox ${started.status}: ${started.error?.message}`);
  const connected = await call('connection.connect', { id: 'sandbox' });
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
  // A node killed -9 may forget a queue declared a moment before (once in a full run here: 404 on
  // the queue after the restart; its metadata log is written behind). The fault under test is the
  // repeat, so the declaration gets time to be written first.
  if (how === 'kill') await new Promise((resolve) => setTimeout(resolve, 3_000));
  const repeat = {
    exchange: '',
    routingKey: queue,
    count,
    confirm: true,
    // Paced so the cut lands mid-run on any machine.
    ratePerSecond: 4_000,
    properties: { deliveryMode: 2 },
    body: { mode: 'text', data: 'seq-{{seq}}' },
  } satisfies InputOf<'messaging.repeat'>;
  const run = await own.call('messaging.repeat', repeat);
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
  const back = await own.call('sandbox.start', {});
  if (back.status !== 'ready') throw new Error(`restart: ${back.status} ${back.error?.message}`);
  const accepting = Date.now();
  await waitFor(() => own.connectionStatus() === 'connected', 60_000, 20);
  const recoverMs = Date.now() - accepting;

  const resumeFrom = interrupted.resumeFrom ?? 0;
  const resumed = await own.call('messaging.repeat', { ...repeat, ratePerSecond: 0, resumeFrom, wait: true });
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

/** A page's connection to the browser host, without a browser; it keeps every event it is sent. */
export async function hostClient(url: string) {
  const events: BridgeEvent[] = [];
  const page = await pageClient(url, (batch) => events.push(...batch));
  return { ...page, events, close: () => page.ws.close() };
}

/** Ready and unacknowledged counts of a queue, from the broker (a passive declare sees only ready). */
export async function queueCounts(managementPort: number, queue: string, vhost = '/') {
  const res = await fetch(`http://127.0.0.1:${managementPort}/api/queues/${encodeURIComponent(vhost)}/${encodeURIComponent(queue)}?columns=messages_ready,messages_unacknowledged,consumers`, {
    headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` },
  });
  const body = (await res.json()) as { messages_ready?: number; messages_unacknowledged?: number; consumers?: number };
  return { ready: body.messages_ready ?? 0, unacked: body.messages_unacknowledged ?? 0, consumers: body.consumers ?? 0 };
}

export interface WarrenKilledOutcome {
  total: number;
  /** Acked by the user before the kill (gone from the queue by design). */
  acked: number;
  /** Unacked by Warren when it was killed. */
  unackedAtKill: number;
  readyAfter: number;
  lost: number;
  /** From the second start to connected. */
  recoverMs: number;
  profileAfter?: string;
  amqpPortAfter?: number;
  sandboxPort: number;
  secondOutput: string;
}

/**
 * Warren (the browser host, a child process) attached with manual ack to a queue of `total`
 * persistent messages on its own running sandbox, with a prefetch's worth unacked and some acked
 * by the user, is killed -9; then started again on the same data folder.
 */
export async function warrenKilledDuringConsume(dataDir: string, cleanup: (fn: () => unknown) => void, total = 2_000): Promise<WarrenKilledOutcome> {
  const { SandboxBroker } = await import('../../main/service/connections/sandbox/sandbox');
  const sandbox = new SandboxBroker({ dir: path.join(dataDir, 'sandbox'), preferDefaultPorts: false });
  cleanup(() => sandbox.stop());
  const node = await sandbox.start();
  if (node.status !== 'ready') throw new Error(`sandbox: ${node.error?.message}`);
  const conn = await amqp.connect(`amqp://guest:guest@127.0.0.1:${node.amqpPort}/`);
  const ch = await conn.createConfirmChannel();
  await ch.assertQueue('work', { durable: true });
  for (let i = 1; i <= total; i++) ch.sendToQueue('work', Buffer.from(`job-${i}`), { persistent: true });
  await ch.waitForConfirms();
  await conn.close();
  const counts = () => queueCounts(node.managementPort!, 'work');

  const first = await startBrowserHost(dataDir);
  cleanup(() => first.child.kill('SIGKILL'));
  const page = await hostClient(first.url);
  await waitFor(async () => (await page.call('connection.state', {})).status === 'connected', 60_000);
  const consumer = await page.call('consumers.attach', { queue: 'work', ackMode: 'manual', prefetch: 500 });
  await waitFor(async () => (await counts()).unacked === 500, 30_000);
  await page.call('consumers.settle', { consumerId: consumer.id, all: true, action: 'ack' });
  await waitFor(async () => {
    const c = await counts();
    return c.unacked === 500 && c.ready < total - 500;
  }, 30_000);
  const atKill = await counts();
  const acked = total - atKill.ready - atKill.unacked;
  page.close();

  first.child.kill('SIGKILL');
  await new Promise((r) => (first.child.exitCode !== null || first.child.signalCode !== null ? r(undefined) : first.child.once('exit', r)));
  const after = (await waitFor(async () => {
    const c = await counts();
    return c.unacked === 0 && c.consumers === 0 ? c : undefined;
  }, 30_000))!;

  const started = Date.now();
  const second = await startBrowserHost(dataDir);
  cleanup(() => second.child.kill('SIGKILL'));
  const again = await hostClient(second.url);
  const state = (await waitFor(async () => {
    const s = await again.call('connection.state', {});
    return s.status === 'connected' ? s : undefined;
  }, 60_000))!;
  const recoverMs = Date.now() - started;
  const sandboxAfter = await again.call('sandbox.state', {});
  again.close();
  second.child.kill('SIGKILL');
  return {
    total,
    acked,
    unackedAtKill: atKill.unacked,
    readyAfter: after.ready,
    lost: total - acked - after.ready,
    recoverMs,
    profileAfter: state.profileId,
    amqpPortAfter: sandboxAfter.amqpPort,
    sandboxPort: node.amqpPort!,
    secondOutput: second.output(),
  };
}

export interface NetworkCutOutcome {
  heartbeatS: number;
  detectedMs: number;
  stateShown: string;
  reconnectMs: number;
  consumerBack: boolean;
  receivedAfter: boolean;
}

/**
 * A service connected through a real TCP proxy (heartbeat `heartbeatS`) with a consumer; the
 * proxy blackholes, then resets and lets traffic through again.
 */
export async function networkCut(vhost: string, heartbeatS = 3): Promise<NetworkCutOutcome> {
  const { TcpProxy } = await import('./tcp-proxy');
  const { testBroker } = await import('./broker');
  const b = testBroker();
  const proxy = new TcpProxy(b.amqpPort);
  await proxy.start();
  const svc = makeService({ reconnectBackoffMs: [250, 500, 1000, 2000, 3000] });
  const call = valueCaller(svc);
  try {
    const profile = await call('profiles.save', {
      name: 'Through the proxy',
      host: '127.0.0.1',
      port: proxy.port,
      vhost,
      username: 'guest',
      password: 'guest',
      managementUrl: b.managementUrl,
      heartbeat: heartbeatS,
    });
    await call('connection.connect', { id: profile.id });
    await svc.service.connection.requireSession().withChannel((ch) => ch.assertQueue('through', { durable: false }));
    const consumer = await call('consumers.attach', { queue: 'through', ackMode: 'auto', prefetch: 10 });
    const statusOf = async () => (await call('consumers.list', {})).find((c) => c.id === consumer.id)?.status;

    proxy.blackhole();
    const cut = Date.now();
    await waitFor(() => svc.service.connection.state.status !== 'connected', 60_000, 20);
    const detectedMs = Date.now() - cut;
    const shown = svc.service.connection.state;
    await waitFor(async () => (await statusOf()) === 'waiting', 20_000);

    proxy.reset();
    const restored = Date.now();
    await waitFor(() => svc.service.connection.state.status === 'connected', 60_000, 20);
    const reconnectMs = Date.now() - restored;
    const consumerBack = (await waitFor(async () => (await statusOf()) === 'consuming', 30_000)) === true;
    await svc.service.connection.requireSession().withChannel(async (ch) => {
      ch.sendToQueue('through', Buffer.from('after the cut'));
    });
    const receivedAfter =
      (await waitFor(
        async () => (await call('consumers.messages', { consumerId: consumer.id, limit: 10 })).messages.some((m) => m.body.data === 'after the cut'),
        20_000,
      )) === true;
    return { heartbeatS, detectedMs, stateShown: `${shown.status}: ${shown.error?.message ?? ''}`, reconnectMs, consumerBack, receivedAfter };
  } finally {
    await svc.service.shutdown();
    await proxy.close();
  }
}

export interface StalledPageOutcome {
  total: number;
  /** On the broker once the consumer first paused, and once nothing more was taken for 3 s. */
  stillOnBroker: number;
  stillOnBrokerLater: number;
  /** Nothing more left the broker for 3 s while the page was stalled (false: still taking after 90 s). */
  settled: boolean;
  consumerShown: string;
  rssBefore: number;
  rssPeakStalled: number;
  rssPeakAfter: number;
  drained: boolean;
  received: number;
}

/**
 * The browser host (a child process) with a client that stops reading while a consumer gets a
 * queue of `total` messages; then the client reads again.
 */
export async function stalledPage(vhost: string, dataDir: string, cleanup: (fn: () => unknown) => void, total = 200_000): Promise<StalledPageOutcome> {
  const { testBroker } = await import('./broker');
  const b = testBroker();
  const url = `amqp://guest:guest@127.0.0.1:${b.amqpPort}/${encodeURIComponent(vhost)}`;
  const conn = await amqp.connect(url);
  const ch = await conn.createChannel();
  await ch.assertQueue('flood', { durable: false });
  const body = Buffer.from('z'.repeat(100));
  for (let i = 0; i < total; i++) if (!ch.sendToQueue('flood', body)) await new Promise((r) => ch.once('drain', r));
  await ch.checkQueue('flood');
  await conn.close();
  const counts = () => queueCounts(b.managementPort, 'flood', vhost);

  const host = await startBrowserHost(dataDir, { WARREN_BROKER_URL: url, WARREN_MANAGEMENT_URL: b.managementUrl });
  cleanup(() => host.child.kill('SIGKILL'));
  const page = await hostClient(host.url);
  await waitFor(async () => (await page.call('connection.state', {})).status === 'connected', 60_000);
  const pid = host.child.pid!;
  const rssOf = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
  const rssBefore = rssOf();
  let peak = rssBefore;
  const sample = setInterval(() => (peak = Math.max(peak, rssOf())), 100);
  try {
    // The page stops reading: its socket is paused, the kernel buffers fill, then main's.
    const socket = (page.ws as unknown as { _socket: import('node:net').Socket })._socket;
    socket.pause();
    const peakWindowStart = Date.now();
    void page.call('consumers.attach', { queue: 'flood', ackMode: 'auto', prefetch: 1000 });
    await waitFor(async () => {
      const c = await counts();
      return c.consumers === 0 && c.ready > 0 && c.ready < total;
    }, 60_000, 200);
    const stalled = await counts();
    // The kernel's socket buffers grow while the page is stalled, so the consumer may run a few
    // more times until they are full; then nothing more is taken: wait for 3 s without change.
    let later = stalled;
    let settled = false;
    for (let since = Date.now(); !settled; ) {
      await new Promise((r) => setTimeout(r, 250));
      const now = await counts();
      if (now.ready !== later.ready || now.consumers !== 0) since = Date.now();
      later = now;
      settled = Date.now() - since >= 3000;
      if (Date.now() - peakWindowStart > 90_000) break;
    }
    const rssPeakStalled = peak;

    socket.resume();
    const drained = (await waitFor(async () => (await counts()).ready === 0, 120_000, 500)) === true;
    const consumers = await page.call('consumers.list', {});
    const shown = page.events.filter((e) => e.event === 'consumers.state').map((e) => (e.payload as { status: string; reason?: string }[])[0]).find((c) => c?.status === 'paused');
    return {
      total,
      stillOnBroker: stalled.ready,
      stillOnBrokerLater: later.ready,
      settled,
      consumerShown: shown ? `${shown.status}: ${shown.reason ?? ''}` : 'paused (not seen by the stalled page)',
      rssBefore,
      rssPeakStalled,
      rssPeakAfter: peak,
      drained,
      received: consumers[0]?.received ?? 0,
    };
  } finally {
    clearInterval(sample);
    page.close();
  }
}

export interface KeptBytesOutcome {
  kept: number;
  dropped: number;
  /** External (Buffer) memory of this process, after a full GC, in bytes. */
  before: number;
  during: number;
  afterDetach: number;
}

/**
 * 40 messages of 10 MB through one auto-ack consumer of the service `t` (in this process), with
 * Buffer memory measured after a full GC before, while kept, and after detach.
 */
export async function keptBytes(t: { ch: import('amqplib').Channel; call: ReturnType<typeof valueCaller> }): Promise<KeptBytesOutcome> {
  const v8 = await import('node:v8');
  const vm = await import('node:vm');
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const held = () => {
    gc();
    gc();
    return process.memoryUsage().arrayBuffers;
  };
  const MB = 1024 * 1024;
  await t.ch.assertQueue('big', { durable: false });
  const before = held();
  const consumer = await t.call('consumers.attach', { queue: 'big', ackMode: 'auto', prefetch: 5 });
  const body = Buffer.alloc(10 * MB, 0x61);
  for (let i = 0; i < 40; i++) {
    t.ch.sendToQueue('big', body);
    await t.ch.checkQueue('big'); // one at a time: the run's shared broker is not flooded
  }
  const info = (await waitFor(async () => {
    const c = (await t.call('consumers.list', {})).find((x) => x.id === consumer.id);
    return c && c.received === 40 ? c : undefined;
  }, 60_000))!;
  // The test's own 10 MB body is not Warren's: leave it out of the figures.
  const during = held() - body.length;
  await t.call('consumers.detach', { consumerId: consumer.id });
  const afterDetach = held() - body.length;
  return { kept: info.kept, dropped: info.dropped, before, during, afterDetach };
}
