/**
 * Warren killed -9 during a manual-ack consume (issue 10, point 3): its browser host runs as a
 * child process of the test, attached to a queue through the WebSocket like the page; after
 * kill -9 every unacknowledged message is back to ready (0 lost), and the next start connects to
 * its own still-running sandbox first.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import amqp from 'amqplib';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../shared/connections/types';
import type { ConsumerInfo } from '../../../shared/messaging/types';
import { SandboxBroker } from '../../../main/service/connections/sandbox/sandbox';
import { waitFor } from '../../support/broker';
import { hostClient, queueCounts, startBrowserHost, type HostProcess } from '../../support/faults';

const cleanup: (() => Promise<unknown> | unknown)[] = [];
afterAll(async () => {
  for (const fn of cleanup.reverse()) await Promise.resolve(fn()).catch(() => undefined);
});

describe('Warren killed -9', () => {
  it('during a manual-ack consume: every message back to ready, 0 lost; the next start connects to its own sandbox first', async () => {
    const dataDir = mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'killed-'));
    // The user's sandbox, running (kept from an earlier launch), off the default ports.
    const sandbox = new SandboxBroker({ dir: path.join(dataDir, 'sandbox'), preferDefaultPorts: false });
    cleanup.push(() => sandbox.stop());
    const node = await sandbox.start();
    expect(node.status).toBe('ready');
    const N = 2_000;
    const conn = await amqp.connect(`amqp://guest:guest@127.0.0.1:${node.amqpPort}/`);
    const ch = await conn.createConfirmChannel();
    await ch.assertQueue('work', { durable: true });
    for (let i = 1; i <= N; i++) ch.sendToQueue('work', Buffer.from(`job-${i}`), { persistent: true });
    await ch.waitForConfirms();
    await conn.close();

    const hosts: HostProcess[] = [];
    cleanup.push(() => hosts.forEach((h) => h.child.kill('SIGKILL')));
    const first = await startBrowserHost(dataDir);
    hosts.push(first);
    const page = await hostClient(first.url);
    await waitFor(async () => (await page.call<ConnectionState>('connection.state', {})).status === 'connected', 60_000);
    const consumer = await page.call<ConsumerInfo>('consumers.attach', { queue: 'work', ackMode: 'manual', prefetch: 500 });
    // Warren holds a prefetch's worth unacknowledged; the user acks some of them.
    await waitFor(async () => (await queueCounts(node.managementPort!, 'work')).unacked === 500, 30_000);
    await page.call('consumers.settle', { consumerId: consumer.id, all: true, action: 'ack' });
    await waitFor(async () => (await queueCounts(node.managementPort!, 'work')).unacked === 500 && (await queueCounts(node.managementPort!, 'work')).ready < N - 500, 30_000);
    const acked = N - (await queueCounts(node.managementPort!, 'work')).ready - 500;
    expect(acked).toBeGreaterThan(0);

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const after = await waitFor(async () => {
      const counts = await queueCounts(node.managementPort!, 'work');
      return counts.unacked === 0 && counts.consumers === 0 ? counts : undefined;
    }, 30_000);
    // Every message Warren had not acked is ready again: none lost, none stuck.
    expect(after!.ready).toBe(N - acked);

    const second = await startBrowserHost(dataDir);
    hosts.push(second);
    const again = await hostClient(second.url);
    const state = (await waitFor(async () => {
      const s = await again.call<ConnectionState>('connection.state', {});
      return s.status === 'connected' ? s : undefined;
    }, 60_000))!;
    expect(state.profileId).toBe('sandbox');
    expect(second.output()).toMatch(/Sandbox broker found running on amqp:\/\/127\.0\.0\.1:(\d+)/);
    expect(second.output()).toContain(`127.0.0.1:${node.amqpPort}`);
    expect(await again.call<{ status: string; amqpPort: number }>('sandbox.state', {})).toMatchObject({ status: 'ready', amqpPort: node.amqpPort });
    again.close();
    page.close();
  }, 240_000);
});
