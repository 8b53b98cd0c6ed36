/**
 * Consumers come back after a real reconnect: our own sandbox node (not the run's shared one) is
 * stopped and started under an attached consumer; the consumer manager re-attaches through
 * session.onConnected and receives what is published afterwards.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import amqp from 'amqplib';
import { afterAll, describe, expect, it } from 'vitest';
import { SandboxBroker } from '../../../main/service/connections/sandbox/sandbox';
import { waitFor } from '../../support/broker';
import { makeService, payloadsOf, valueCaller } from '../../support/service';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
});

describe('consumers across a reconnect', () => {
  it('an attached consumer is attached again after the broker restarts, and receives new messages', async () => {
    const dir = mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'msg-reconnect-'));
    const sandbox = new SandboxBroker({ dir, preferDefaultPorts: false });
    cleanup.push(() => sandbox.stop());
    expect((await sandbox.start()).status).toBe('ready');
    const endpoint = sandbox.endpoint()!;

    const svc = makeService({ reconnectBackoffMs: [300, 600, 1000] });
    cleanup.push(() => svc.service.shutdown());
    const call = valueCaller(svc);
    const profile = await call('profiles.save', {
      name: 'Own sandbox',
      host: endpoint.host,
      port: endpoint.amqpPort,
      vhost: '/',
      username: endpoint.username,
      password: endpoint.password,
      managementUrl: endpoint.managementUrl,
    });
    await call('connection.connect', { id: profile.id });
    const setup = await amqp.connect(`amqp://${endpoint.username}:${endpoint.password}@${endpoint.host}:${endpoint.amqpPort}/`);
    await (await setup.createChannel()).assertQueue('jobs', { durable: true });
    await setup.close();

    const consumer = await call('consumers.attach', { queue: 'jobs', ackMode: 'auto', prefetch: 10 });
    const stateOf = () => payloadsOf(svc.events, 'consumers.state').at(-1)?.find((c) => c.id === consumer.id);
    const received = () =>
      payloadsOf(svc.events, 'consumers.deliveries')
        .flatMap((batches) => batches.filter((b) => b.consumerId === consumer.id))
        .flatMap((b) => b.messages);

    await sandbox.stop();
    expect(await waitFor(() => stateOf()?.status === 'waiting' || undefined, 30_000)).toBe(true);
    expect(stateOf()?.reason).toMatch(/reconnects/);

    expect((await sandbox.start()).status).toBe('ready');
    expect(await waitFor(() => stateOf()?.status === 'consuming' || undefined, 60_000)).toBe(true);
    expect(stateOf()?.consumerTag).toBeTruthy();

    const after = sandbox.endpoint()!;
    const conn = await amqp.connect(`amqp://${after.username}:${after.password}@${after.host}:${after.amqpPort}/`);
    const ch = await conn.createConfirmChannel();
    ch.sendToQueue('jobs', Buffer.from('after the restart'));
    await ch.waitForConfirms();
    await conn.close();

    const got = await waitFor(() => received().find((m) => m.body.data === 'after the restart'), 20_000);
    expect(got?.redelivered).toBe(false);
    expect((await call('consumers.list', {})).find((c) => c.id === consumer.id)?.status).toBe('consuming');
  }, 180_000);
});
