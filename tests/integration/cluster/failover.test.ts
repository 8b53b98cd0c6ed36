/**
 * A profile naming the three nodes of the run's cluster: Warren connects to the first, and when
 * that node's VM is killed (kill -9) it reconnects to another, says which, and its consumer of a
 * quorum queue (whose leader was on the killed node) is attached again and receives every message.
 */
import amqp from 'amqplib';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../../support/broker';
import { cleanupAfterAll, clusterEngine, clusterFor, clusterProfile, managementApi } from '../../support/cluster';
import { makeService, payloadsOf, valueCaller } from '../../support/service';

const cluster = clusterFor(import.meta.url);

const cleanup = cleanupAfterAll();

describe.skipIf(!cluster)('a profile with the hosts of a cluster', () => {
  it('fails over to another node within 10 s after kill -9, says where it is, and its quorum-queue consumer loses nothing', async () => {
    const [c1, c2, c3] = cluster!.nodes as [NonNullable<typeof cluster>['nodes'][number], NonNullable<typeof cluster>['nodes'][number], NonNullable<typeof cluster>['nodes'][number]];
    const engine = clusterEngine(cluster!);
    cleanup(async () => (engine.state.nodes[0]!.status === 'running' ? undefined : engine.startNode('c1')));
    const vhost = `warren-failover-${Date.now().toString(36)}`;
    const api = managementApi(c2);
    await api.put(`/vhosts/${vhost}`, {});
    await api.put(`/permissions/${vhost}/guest`, { configure: '.*', write: '.*', read: '.*' });
    cleanup(() => api.delete(`/vhosts/${vhost}`));

    // The quorum queue is declared through c1, so its leader is there (client-local placement).
    const setup = await amqp.connect(`amqp://guest:guest@127.0.0.1:${c1.amqpPort}/${vhost}`);
    await (await setup.createChannel()).assertQueue('orders', { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await setup.close();
    const leader = async () => (await api.get<{ leader?: string }>(`/queues/${vhost}/orders`)).data.leader;
    expect(await leader()).toBe(c1.nodeName);

    const svc = makeService({ reconnectBackoffMs: [250, 500, 1000] });
    cleanup(() => svc.service.shutdown());
    const call = valueCaller(svc);
    const profile = await call('profiles.save', clusterProfile(cluster!, vhost));
    const connected = await call('connection.connect', { id: profile.id });
    expect(connected.endpoint).toBe(`127.0.0.1:${c1.amqpPort}`);
    expect(connected.server?.node).toBe(c1.nodeName);

    const consumer = await call('consumers.attach', { queue: 'orders', ackMode: 'simulated', simulate: { kind: 'fixed', ms: 0 }, prefetch: 20 });
    const stateOf = () => payloadsOf(svc.events, 'consumers.state').at(-1)?.find((c) => c.id === consumer.id);
    const bodies = () =>
      payloadsOf(svc.events, 'consumers.deliveries')
        .flatMap((batches) => batches.filter((b) => b.consumerId === consumer.id))
        .flatMap((b) => b.messages.map((m) => String(m.body.data)));

    // Orders at a steady rate through c3, confirmed, before, during and after the kill.
    const publisher = await amqp.connect(`amqp://guest:guest@127.0.0.1:${c3.amqpPort}/${vhost}`);
    cleanup(() => publisher.close());
    const ch = await publisher.createConfirmChannel();
    const confirmed: string[] = [];
    let publishing = true;
    const publishing$ = (async () => {
      for (let i = 1; publishing; i++) {
        const body = `order-${i}`;
        ch.sendToQueue('orders', Buffer.from(body), { persistent: true });
        await ch.waitForConfirms();
        confirmed.push(body);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await waitFor(() => bodies().length >= 20, 20_000);

    const killedAt = Date.now();
    engine.killNode('c1');
    const moved = await waitFor(() => {
      const s = payloadsOf(svc.events, 'connection.state').at(-1);
      return s?.status === 'connected' && s.endpoint !== `127.0.0.1:${c1.amqpPort}` ? s : undefined;
    }, 15_000, 20);
    const failoverMs = Date.now() - killedAt;
    expect(failoverMs).toBeLessThan(10_000);
    expect(moved?.endpoint).toBe(`127.0.0.1:${c2.amqpPort}`);
    expect(moved?.server?.node).toBe(c2.nodeName);
    await waitFor(() => stateOf()?.status === 'consuming', 15_000);
    await waitFor(async () => (await leader()) !== c1.nodeName && (await leader()) !== undefined, 30_000, 250);

    const receivedBeforeEnd = bodies().length;
    await waitFor(() => bodies().length > receivedBeforeEnd + 20, 20_000);
    publishing = false;
    await publishing$;
    await waitFor(() => confirmed.every((b) => bodies().includes(b)), 30_000, 100);
    const lost = confirmed.filter((b) => !bodies().includes(b));
    expect(lost).toEqual([]);
    console.log(`[cluster failover] reconnected to c2 in ${failoverMs} ms; confirmed ${confirmed.length}, received ${bodies().length} (${bodies().length - new Set(bodies()).size} redelivered), lost ${lost.length}`);
  }, 180_000);
});
