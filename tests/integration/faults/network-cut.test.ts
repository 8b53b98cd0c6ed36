/**
 * The network cut and restored by a real TCP proxy between Warren and the broker (issue 10,
 * point 3): blackholed, the dead connection is noticed within twice the heartbeat; reset and
 * restored, Warren reconnects by itself and its consumer is attached again and receives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../shared/connections/types';
import type { ConsumerInfo } from '../../../shared/messaging/types';
import { createTestVhost, testBroker, waitFor } from '../../support/broker';
import { makeService } from '../../support/service';
import { TcpProxy } from '../../support/tcp-proxy';

const HEARTBEAT_S = 3;
let vhost: string;
let remove: () => Promise<void>;
let proxy: TcpProxy;
let svc: ReturnType<typeof makeService>;
const call = async <T>(op: string, input: unknown): Promise<T> => {
  const r = await svc.dispatch(op, input);
  if (!r.ok) throw new Error(`${op}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
};

beforeAll(async () => {
  ({ vhost, remove } = await createTestVhost('netcut'));
  proxy = new TcpProxy(testBroker().amqpPort);
  await proxy.start();
  svc = makeService({ reconnectBackoffMs: [250, 500, 1000, 2000, 3000] });
});
afterAll(async () => {
  await svc?.service.shutdown();
  await proxy?.close();
  await remove?.();
});

describe('a network cut between Warren and the broker', () => {
  it(`blackholed: dead within 2 × heartbeat (${HEARTBEAT_S} s); reset and restored: reconnected, consumer attached again and receiving`, async () => {
    const b = testBroker();
    const profile = await call<{ id: string }>('profiles.save', {
      name: 'Through the proxy',
      host: '127.0.0.1',
      port: proxy.port,
      vhost,
      username: 'guest',
      password: 'guest',
      managementUrl: b.managementUrl,
      heartbeat: HEARTBEAT_S,
    });
    expect((await call<ConnectionState>('connection.connect', { id: profile.id })).status).toBe('connected');
    await svc.service.connection.requireSession().withChannel((ch) => ch.assertQueue('through', { durable: false }));
    const consumer = await call<ConsumerInfo>('consumers.attach', { queue: 'through', ackMode: 'auto', prefetch: 10 });
    const statusOf = async () => (await call<ConsumerInfo[]>('consumers.list', {})).find((c) => c.id === consumer.id)?.status;

    proxy.blackhole();
    const cut = Date.now();
    await waitFor(() => svc.service.connection.state.status !== 'connected', 60_000, 20);
    const detectedMs = Date.now() - cut;
    console.log(`[faults] blackhole: dead connection noticed after ${detectedMs} ms (heartbeat ${HEARTBEAT_S} s)`);
    // The one time bound of this file: the "within twice the heartbeat" (+1 s for a busy machine).
    expect(detectedMs).toBeLessThan(HEARTBEAT_S * 2000 + 1000);
    expect(svc.service.connection.state.status).toBe('reconnecting');
    await waitFor(async () => (await statusOf()) === 'waiting', 20_000);

    proxy.reset();
    const restored = Date.now();
    await waitFor(() => svc.service.connection.state.status === 'connected', 60_000, 20);
    console.log(`[faults] reset + restore: reconnected after ${Date.now() - restored} ms`);
    await waitFor(async () => (await statusOf()) === 'consuming', 30_000);

    await svc.service.connection.requireSession().withChannel(async (ch) => {
      ch.sendToQueue('through', Buffer.from('after the cut'));
    });
    await waitFor(async () => (await call<{ messages: { body: { data: string } }[] }>('consumers.messages', { consumerId: consumer.id, limit: 10 })).messages.some((m) => m.body.data === 'after the cut'), 20_000);
  }, 120_000);
});
