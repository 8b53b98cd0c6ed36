/**
 * The sandbox is private and careful (issue 10, point 4) and Warren follows it through restarts
 * (point 3). Every node here is the test's own: the run's shared node is never restarted.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import amqp from 'amqplib';
import { afterAll, describe, expect, it } from 'vitest';
import type { SandboxState } from '../../../shared/connections/types';
import { sandboxLayout } from '../../../main/service/connections/sandbox/node-files';
import { SandboxBroker } from '../../../main/service/connections/sandbox/sandbox';
import { waitFor } from '../../support/broker';
import { makeService, valueCaller } from '../../support/service';

const work = (label: string) => mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), `${label}-`));
const cleanup: (() => Promise<unknown> | unknown)[] = [];
afterAll(async () => {
  for (const fn of cleanup.reverse()) await Promise.resolve(fn()).catch(() => undefined);
});

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Local addresses of every TCP listener of process `pid`, as `ss -ltnp` shows them. */
function listenersOf(pid: number): string[] {
  const out = spawnSync('ss', ['-ltnpH'], { encoding: 'utf8' }).stdout;
  return out
    .split('\n')
    .filter((line) => line.includes(`pid=${pid},`))
    .map((line) => line.trim().split(/\s+/)[3]!);
}

describe('the sandbox node is private and careful', () => {
  it('a stale pid file naming another process is never obeyed: stop and quit leave that process alone', async () => {
    const dir = work('stale-pid');
    const layout = sandboxLayout(dir);
    const sleeper = spawn('sleep', ['300'], { stdio: 'ignore' });
    cleanup.push(() => sleeper.kill('SIGKILL'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(layout.pidFile, String(sleeper.pid));
    writeFileSync(layout.portsFile, JSON.stringify({ amqp: 1, management: 2, dist: 3 }));

    const sandbox = new SandboxBroker({ dir, preferDefaultPorts: false });
    expect(sandbox.isNodeRunning()).toBe(false);
    expect(await sandbox.ownsPort(1)).toBe(false);
    const stopped = await sandbox.stop();
    await sandbox.shutdown();
    expect(stopped.status).toBe('stopped');
    expect(isAlive(sleeper.pid!)).toBe(true);
    expect(sleeper.exitCode).toBeNull();
    expect(sleeper.signalCode).toBeNull();
    // The stale file is gone, so nothing later can act on it.
    expect(existsSync(layout.pidFile)).toBe(false);
  });

  it('listens on 127.0.0.1 only (AMQP, management and Erlang distribution); a node killed -9 shows Stopped with its log, and Start brings it back on the same ports', async () => {
    const dir = work('private-node');
    const states: SandboxState[] = [];
    const sandbox = new SandboxBroker({ dir, preferDefaultPorts: false, onState: (s) => states.push(s) });
    cleanup.push(() => sandbox.stop());
    const first = await sandbox.start();
    expect(first.status).toBe('ready');
    const pid = Number(readFileSync(sandboxLayout(dir).pidFile, 'utf8'));

    const listening = listenersOf(pid);
    // AMQP, management, distribution (and whatever else the node opens): all on loopback.
    expect(listening.length).toBeGreaterThanOrEqual(3);
    for (const address of listening) expect(address).toMatch(/^127\.0\.0\.1:\d+$/);

    process.kill(pid, 'SIGKILL');
    const died = Date.now();
    const stopped = (await waitFor(() => (sandbox.state.status === 'stopped' ? sandbox.state : undefined), 20_000, 50))!;
    console.log(`[faults] node killed -9 → sandbox shows ${stopped.status} after ${Date.now() - died} ms`);
    expect(stopped.error?.message).toMatch(/stopped unexpectedly/);
    expect(stopped.logTail?.length).toBeGreaterThan(0);

    const again = await sandbox.start();
    expect(again.status).toBe('ready');
    expect(again.reused).toBe(false);
    expect([again.amqpPort, again.managementPort]).toEqual([first.amqpPort, first.managementPort]);
  }, 180_000);
});

describe('Warren follows its own sandbox through restarts', () => {
  it('restarted from the UI (graceful, then after kill -9) the sandbox keeps its ports and Warren reconnects and re-attaches its consumer by itself', async () => {
    const svc = makeService({ reconnectBackoffMs: [250, 500, 1000, 2000, 3000] });
    cleanup.push(() => svc.service.shutdown());
    const call = valueCaller(svc);
    const started = await call('sandbox.start', {});
    expect(started.status).toBe('ready');
    expect((await call('connection.connect', { id: 'sandbox' })).status).toBe('connected');
    const setup = await amqp.connect(`amqp://guest:guest@127.0.0.1:${started.amqpPort}/`);
    await (await setup.createChannel()).assertQueue('jobs', { durable: true });
    await setup.close();
    const consumer = await call('consumers.attach', { queue: 'jobs', ackMode: 'auto', prefetch: 10 });
    const consumerStatus = async () => (await call('consumers.list', {})).find((c) => c.id === consumer.id)?.status;
    const sandboxState = () => svc.service.sandbox.state;
    const connectionStatus = () => svc.service.connection.state.status;

    // 1. Stop and Start from the UI.
    expect((await call('sandbox.stop', {})).status).toBe('stopped');
    await waitFor(() => connectionStatus() === 'reconnecting', 20_000);
    let back = await call('sandbox.start', {});
    let accepting = Date.now();
    expect(back.amqpPort).toBe(started.amqpPort);
    await waitFor(() => connectionStatus() === 'connected', 30_000, 50);
    console.log(`[faults] sandbox Stop/Start from the UI: connected ${Date.now() - accepting} ms after the node was ready`);
    await waitFor(async () => (await consumerStatus()) === 'consuming', 30_000);

    // 2. The node is killed -9: the UI shows Stopped (Start enabled), Start brings everything back.
    process.kill(Number(readFileSync(sandboxLayout(path.join(svc.dataDir, 'sandbox')).pidFile, 'utf8')), 'SIGKILL');
    await waitFor(() => sandboxState().status === 'stopped', 20_000, 50);
    const shown = svc.events.filter((e) => e.event === 'sandbox.state').at(-1)?.payload as SandboxState;
    expect(shown.status).toBe('stopped');
    expect(connectionStatus()).toBe('reconnecting');
    back = await call('sandbox.start', {});
    accepting = Date.now();
    expect(back).toMatchObject({ status: 'ready', amqpPort: started.amqpPort });
    await waitFor(() => connectionStatus() === 'connected', 30_000, 50);
    console.log(`[faults] sandbox kill -9 then Start: connected ${Date.now() - accepting} ms after the node was ready`);
    await waitFor(async () => (await consumerStatus()) === 'consuming', 30_000);
    await call('sandbox.stop', {});
  }, 240_000);

  it('when its ports were taken while it was stopped, the sandbox starts elsewhere and Warren follows it there', async () => {
    const svc = makeService({ reconnectBackoffMs: [250, 500, 1000, 2000, 3000] });
    cleanup.push(() => svc.service.shutdown());
    const started = await svc.dispatch('sandbox.start', {});
    const first = started.ok ? (started.value as SandboxState) : undefined;
    expect(first?.status).toBe('ready');
    expect((await svc.dispatch('connection.connect', { id: 'sandbox' })).ok).toBe(true);
    expect((await svc.dispatch('sandbox.stop', {})).ok).toBe(true);
    // Something else takes the sandbox's AMQP port while it is down.
    const squatter = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => squatter.listen(first!.amqpPort, '127.0.0.1', () => resolve()));
    cleanup.push(() => new Promise((resolve) => squatter.close(resolve)));
    const again = await svc.dispatch('sandbox.start', {});
    const moved = again.ok ? (again.value as SandboxState) : undefined;
    expect(moved?.status).toBe('ready');
    expect(moved?.amqpPort).not.toBe(first!.amqpPort);
    await waitFor(() => svc.service.connection.state.status === 'connected', 30_000, 50);
    expect(svc.service.connection.state.profileId).toBe('sandbox');
    expect(svc.service.connection.target?.port).toBe(moved!.amqpPort);
    await svc.dispatch('sandbox.stop', {});
  }, 180_000);

  it('after Warren is killed, the next start connects to its own running sandbox first, not to another broker on the probe port', async () => {
    const first = makeService();
    const started = await first.dispatch('sandbox.start', {});
    expect(started.ok && (started.value as SandboxState).status).toBe('ready');
    // Warren "dies": nothing is shut down, the node keeps running. A new Warren on the same data
    // folder, with the run's broker answering guest/guest on its probe port.
    const sandbox = new SandboxBroker({ dir: path.join(first.dataDir, 'sandbox'), preferDefaultPorts: false });
    cleanup.push(() => sandbox.stop());
    const second = makeService({ dataDir: first.dataDir, localProbePort: Number(process.env.WARREN_TEST_AMQP_PORT) }).service;
    cleanup.push(() => second.shutdown());
    const state = await second.autoConnect();
    expect(state).toMatchObject({ status: 'connected', profileId: 'sandbox' });
    expect(second.sandbox.state).toMatchObject({ status: 'ready', reused: true, amqpPort: (started.ok && (started.value as SandboxState).amqpPort) || -1 });
  }, 180_000);
});
