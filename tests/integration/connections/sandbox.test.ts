import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ConnectionState, SandboxState } from '../../../shared/connections/types';
import { BrokerConnection } from '../../../main/service/broker/connection';
import { plainTarget } from '../../../main/service/broker/target';
import { canConnect, isPortFree } from '../../../main/service/connections/sandbox/ports';
import { SandboxBroker } from '../../../main/service/connections/sandbox/sandbox';
import { waitFor } from '../../support/broker';

// These tests start their own nodes (the run's shared sandbox must not be restarted under the others).
const work = () => mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'sandbox-'));
const started: SandboxBroker[] = [];
afterAll(async () => {
  for (const s of started) await s.stop();
});

describe('the sandbox broker', () => {
  it('starts on a fresh folder, survives a restart with durable queues and persistent messages, and the connection comes back by itself', async () => {
    const dir = work();
    const seen: SandboxState['status'][] = [];
    const sandbox = new SandboxBroker({ dir, preferDefaultPorts: false, onState: (s) => seen.push(s.status) });
    started.push(sandbox);
    const first = await sandbox.start();
    expect(first.status).toBe('ready');
    expect(first.reused).toBe(false);
    expect(seen).toContain('starting');
    const endpoint = sandbox.endpoint()!;

    const states: ConnectionState[] = [];
    const connection = new BrokerConnection((s) => { states.push(s); if (process.env.DEBUG_STATES) console.log(Date.now() % 100000, s.status, s.attempt, s.retryInMs, s.error?.code, s.error?.message); }, [300, 600, 1000]);
    const target = plainTarget(endpoint, { id: 'sandbox-test', name: 'Own sandbox', heartbeat: 10 });
    expect((await connection.connect(target)).status).toBe('connected');
    await connection.requireSession().withChannel(async (ch) => {
      await ch.assertQueue('kept', { durable: true });
      await ch.assertQueue('lost', { durable: false });
      for (let i = 0; i < 3; i++) ch.sendToQueue('kept', Buffer.from(`order-${i}`), { persistent: true });
      ch.sendToQueue('lost', Buffer.from('transient'));
      await ch.checkQueue('kept'); // a round trip, so the publishes are in
    });

    // Warren restarts: a new SandboxBroker on the same folder finds the running node.
    const again = new SandboxBroker({ dir, preferDefaultPorts: false });
    const reused = await again.start();
    expect(reused.reused).toBe(true);
    expect(reused.amqpPort).toBe(first.amqpPort);

    await again.stop();
    expect(again.state.status).toBe('stopped');
    await waitFor(() => connection.state.status === 'reconnecting');
    expect(connection.state.retryInMs).toBeGreaterThanOrEqual(0);

    const restarted = await sandbox.start();
    expect(restarted.status).toBe('ready');
    expect(restarted.amqpPort).toBe(first.amqpPort);
    await waitFor(() => connection.state.status === 'connected', 30_000);
    expect(states.map((s) => s.status)).toEqual(expect.arrayContaining(['connected', 'reconnecting']));

    const kept = await connection.requireSession().withChannel((ch) => ch.checkQueue('kept'));
    expect(kept.messageCount).toBe(3);
    const lost = await connection.requireSession().withChannel((ch) => ch.checkQueue('lost')).catch((e: unknown) => e);
    expect(lost).toMatchObject({ code: 404 });
    await connection.disconnect();

    // Quitting Warren leaves the node up only when the user asked for that (and remembers it).
    sandbox.setKeepRunning(true);
    await sandbox.shutdown();
    expect(await canConnect(first.amqpPort!)).toBe(true);
    expect(new SandboxBroker({ dir, preferDefaultPorts: false }).state.keepRunning).toBe(true);
    sandbox.setKeepRunning(false);
    await sandbox.shutdown();
    expect(sandbox.state.status).toBe('stopped');
    expect(await canConnect(first.amqpPort!)).toBe(false);
  });

  it('falls back to free ports when 5672 and 15672 are taken', async () => {
    const blockers: net.Server[] = [];
    for (const port of [5672, 15672]) {
      if (await isPortFree(port)) {
        blockers.push(await new Promise<net.Server>((resolve) => {
          const server = net.createServer().listen(port, '127.0.0.1', () => resolve(server));
        }));
      }
    }
    try {
      const sandbox = new SandboxBroker({ dir: work(), preferDefaultPorts: true });
      started.push(sandbox);
      const state = await sandbox.start();
      expect(state.status).toBe('ready');
      expect(state.amqpPort).not.toBe(5672);
      expect(state.managementPort).not.toBe(15672);
      await sandbox.stop();
    } finally {
      for (const b of blockers) b.close();
    }
  });

  it('reports failure with the log’s last lines when the node cannot start', async () => {
    const sandbox = new SandboxBroker({ dir: work(), preferDefaultPorts: false, startTimeoutMs: 60_000 });
    // Occupy the distribution port the node will ask for by giving it an impossible config.
    process.env.WARREN_RABBITMQ_SERVER = '/bin/false';
    try {
      const state = await sandbox.start();
      expect(state.status).toBe('failed');
      expect(state.error?.code).toBe('SANDBOX_UNAVAILABLE');
      expect(state.error?.hint).toMatch(/log/);
      expect(Array.isArray(state.logTail)).toBe(true);
    } finally {
      delete process.env.WARREN_RABBITMQ_SERVER;
    }
  });
});
