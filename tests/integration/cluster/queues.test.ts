/**
 * Queues across the run's cluster, as Warren's queue table reads them: a quorum queue's leader
 * and members online, a stream's replicas, a classic queue's node — and what changes while the
 * node holding the classic queue (and one quorum member) is killed.
 */
import amqp from 'amqplib';
import { describe, expect, it } from 'vitest';
import type { QueueRow } from '../../../shared/topology/types';
import { nodeText } from '../../../renderer/features/topology/placement';
import { waitFor } from '../../support/broker';
import { cleanupAfterAll, clusterEngine, clusterFor, clusterProfile, managementApi } from '../../support/cluster';
import { makeService, valueCaller } from '../../support/service';

const cluster = clusterFor(import.meta.url);

const cleanup = cleanupAfterAll();

describe.skipIf(!cluster)('queues across the nodes of a cluster', () => {
  it('show the leader and members online of quorum queues and streams, and a classic queue unavailable while its node is down', async () => {
    const [c1, , c3] = cluster!.nodes;
    const engine = clusterEngine(cluster!);
    cleanup(async () => (engine.state.status === 'ready' ? undefined : engine.start()));
    const vhost = `warren-queues-${Date.now().toString(36)}`;
    const api = managementApi(c1!);
    await api.put(`/vhosts/${vhost}`, {});
    await api.put(`/permissions/${vhost}/guest`, { configure: '.*', write: '.*', read: '.*' });
    cleanup(() => api.delete(`/vhosts/${vhost}`));
    for (const [node, queue, type] of [[c1!, 'qq', 'quorum'], [c1!, 'st', 'stream'], [c3!, 'cq', 'classic']] as const) {
      const conn = await amqp.connect(`amqp://guest:guest@127.0.0.1:${node.amqpPort}/${vhost}`);
      await (await conn.createChannel()).assertQueue(queue, { durable: true, arguments: { 'x-queue-type': type } });
      await conn.close();
    }

    const svc = makeService();
    cleanup(() => svc.service.shutdown());
    const call = valueCaller(svc);
    const profile = await call('profiles.save', clusterProfile(cluster!, vhost));
    await call('connection.connect', { id: profile.id });
    const queues = async () => {
      const r = await call('topology.list', { kind: 'queues', vhost });
      const rows = r.data.rows as QueueRow[];
      return Object.fromEntries(rows.map((q) => [q.name, q]));
    };
    const all = cluster!.nodes.map((n) => n.nodeName).sort();
    await waitFor(async () => (await queues()).st?.online?.length === 3, 20_000, 250);
    const before = await queues();
    expect(before.qq).toMatchObject({ type: 'quorum', leader: c1!.nodeName });
    expect([...before.qq!.members!].sort()).toEqual(all);
    expect([...before.qq!.online!].sort()).toEqual(all);
    expect(before.st).toMatchObject({ type: 'stream', leader: c1!.nodeName });
    expect([...before.st!.members!].sort()).toEqual(all);
    expect(before.cq).toMatchObject({ type: 'classic', node: c3!.nodeName });
    expect(before.cq!.members).toBeUndefined();
    expect(nodeText(before.qq!)).toBe(`leader ${c1!.nodeName} · 3/3 online`);
    expect(nodeText(before.cq!)).toBe(c3!.nodeName);

    engine.killNode('c3');
    const during = (await waitFor(async () => {
      const q = await queues();
      return q.qq?.online?.length === 2 && q.cq?.state === 'down' ? q : undefined;
    }, 30_000, 250))!;
    expect(during.qq!.online).not.toContain(c3!.nodeName);
    expect(nodeText(during.qq!)).toBe(`leader ${c1!.nodeName} · 2/3 online`);
    expect(nodeText(during.cq!)).toBe(`${c3!.nodeName} (unavailable)`);

    await engine.startNode('c3');
    await waitFor(async () => (await queues()).qq?.online?.length === 3, 30_000, 250);
  }, 180_000);
});
