/**
 * The route explainer against the broker's own decisions: random topologies and random
 * publishes (mandatory, on a confirm channel); every message must land in exactly the queues
 * the explainer names, and be returned exactly when it says unroutable.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { explainRoute } from '../../../shared/topology/routing';
import { routingTopology } from '../../../main/service/topology/snapshot';
import { testBroker, waitFor } from '../../support/broker';
import { topologyFixture, type TopologyFixture } from '../../support/topology';

/** A small deterministic PRNG so a failure can be replayed from its seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const words = (r: () => number, alphabet: readonly string[], max: number) =>
  Array.from({ length: Math.floor(r() * (max + 1)) }, () => pick(r, alphabet)).join('.');

describe('route explainer vs the real broker (property-style)', () => {
  let f: TopologyFixture;
  beforeEach(async () => {
    f = await topologyFixture('route');
  });
  afterEach(async () => {
    await f.close();
  });

  it('random topic, direct, headers and fanout topologies with exchange chains and alternate exchanges', async () => {
    const seed = Number(process.env.WARREN_ROUTE_SEED ?? Date.now() % 100_000);
    const r = rng(seed);
    const ch = await f.other.createConfirmChannel();
    const queues = Array.from({ length: 8 }, (_, i) => `q${i}`);
    for (const q of queues) await ch.assertQueue(q, { durable: false });

    await ch.assertExchange('ae', 'fanout', { durable: false });
    await ch.bindQueue('q7', 'ae', '');
    await ch.assertExchange('topic', 'topic', { durable: false, alternateExchange: 'ae' });
    await ch.assertExchange('topic2', 'topic', { durable: false });
    await ch.assertExchange('direct', 'direct', { durable: false });
    await ch.assertExchange('headers', 'headers', { durable: false });
    await ch.assertExchange('fan', 'fanout', { durable: false });

    const topicWords = ['a', 'b', '', '*', '#'];
    const keyWords = ['a', 'b', ''];
    for (let i = 0; i < 14; i++) await ch.bindQueue(pick(r, queues.slice(0, 6)), 'topic', words(r, topicWords, 4));
    await ch.bindExchange('topic2', 'topic', words(r, topicWords, 3));
    for (let i = 0; i < 4; i++) await ch.bindQueue(pick(r, queues.slice(0, 6)), 'topic2', words(r, topicWords, 3));
    for (let i = 0; i < 6; i++) await ch.bindQueue(pick(r, queues.slice(0, 6)), 'direct', words(r, keyWords, 2));
    await ch.bindExchange('fan', 'direct', 'to-fan');
    await ch.bindQueue('q6', 'fan', 'ignored');
    const modes = ['all', 'any', 'all-with-x', 'any-with-x'];
    const headerValues = [1, 2, 'x', 'y', true, null];
    for (let i = 0; i < 8; i++) {
      const args: Record<string, unknown> = { 'x-match': pick(r, modes) };
      const n = Math.floor(r() * 3);
      for (let j = 0; j < n; j++) args[pick(r, ['h1', 'h2', 'x-h'])] = pick(r, headerValues);
      await ch.bindQueue(pick(r, queues.slice(0, 6)), 'headers', '', args);
    }

    const snapshot = await f.call('topology.snapshot', {});
    const topology = routingTopology(snapshot);

    const returned = new Set<string>();
    ch.on('return', (msg: { properties: { messageId?: string } }) => {
      if (msg.properties.messageId) returned.add(msg.properties.messageId);
    });
    const publishes: { id: string; exchange: string; key: string; headers: Record<string, unknown> }[] = [];
    for (let i = 0; i < 240; i++) {
      const exchange = pick(r, ['topic', 'topic', 'direct', 'headers', '']);
      let key = words(r, keyWords, 4);
      if (exchange === 'direct' && r() < 0.2) key = 'to-fan';
      if (exchange === '') key = pick(r, [...queues, 'nope', '']);
      const headers: Record<string, unknown> = {};
      if (exchange === 'headers') {
        for (const h of ['h1', 'h2', 'x-h']) if (r() < 0.5) headers[h] = pick(r, headerValues);
      }
      const id = `m${i}`;
      publishes.push({ id, exchange, key, headers });
      ch.publish(exchange, key, Buffer.from(id), { mandatory: true, messageId: id, headers });
    }
    await ch.waitForConfirms();

    const landed = new Map<string, Set<string>>();
    for (const q of queues) {
      for (let msg = await ch.get(q, { noAck: true }); msg !== false; msg = await ch.get(q, { noAck: true })) {
        const id = msg.content.toString();
        if (!landed.has(id)) landed.set(id, new Set());
        landed.get(id)!.add(q);
      }
    }

    const mismatches: string[] = [];
    for (const p of publishes) {
      const explained = explainRoute(topology, p.exchange, p.key, p.headers);
      const expected = explained.queues.map((x) => x.queue).sort().join(',');
      const actual = [...(landed.get(p.id) ?? [])].sort().join(',');
      if (expected !== actual || explained.unroutable !== returned.has(p.id)) {
        mismatches.push(`${p.exchange || '(default)'} '${p.key}' ${JSON.stringify(p.headers)}: explainer [${expected}] unroutable=${explained.unroutable}, broker [${actual}] returned=${returned.has(p.id)}`);
      }
    }
    expect(mismatches, `seed ${seed}`).toEqual([]);
    // The run must have exercised both outcomes, or it proves little.
    expect(publishes.some((p) => returned.has(p.id))).toBe(true);
    expect(publishes.some((p) => (landed.get(p.id)?.size ?? 0) > 1 || landed.get(p.id)?.has('q7'))).toBe(true);
  });

  it('the explain operation names the matched binding, the alternate exchange, and the closest key when nothing matches', async () => {
    await f.call('topology.declareExchange', { name: 'topic_logs', type: 'topic' });
    await f.call('topology.declareQueue', { name: 'errors' });
    await f.call('topology.bind', { source: 'topic_logs', destination: 'errors', destinationType: 'queue', routingKey: '*.error' });
    const hit = await f.call('topology.explain', { exchange: 'topic_logs', routingKey: 'payment.error' });
    expect(hit.queues).toEqual([{ queue: 'errors', path: [expect.objectContaining({ exchange: 'topic_logs', via: 'binding', binding: expect.objectContaining({ routingKey: '*.error' }) })] }]);
    const miss = await f.call('topology.explain', { exchange: 'topic_logs', routingKey: 'payment.info' });
    expect(miss.unroutable).toBe(true);
    expect(miss.reasons).toEqual(["no binding on topic_logs matches 'payment.info'; closest: '*.error'"]);

    await f.call('topology.declareExchange', { name: 'lost', type: 'fanout' });
    await f.call('topology.declareQueue', { name: 'lost-and-found' });
    await f.call('topology.bind', { source: 'lost', destination: 'lost-and-found', destinationType: 'queue' });
    await f.call('topology.declareExchange', { name: 'with-ae', type: 'direct', alternateExchange: 'lost' });
    const viaAe = await f.call('topology.explain', { exchange: 'with-ae', routingKey: 'k' });
    expect(viaAe.queues.map((q) => q.queue)).toEqual(['lost-and-found']);
    expect(viaAe.queues[0]?.path[0]).toMatchObject({ exchange: 'with-ae', via: 'alternate-exchange' });

    const viaDefault = await f.call('topology.explain', { exchange: '', routingKey: 'errors' });
    expect(viaDefault.queues[0]).toMatchObject({ queue: 'errors', path: [{ via: 'default-exchange' }] });

    await f.call('topology.declareExchange', { name: 'h', type: 'headers' });
    await f.call('topology.bind', { source: 'h', destination: 'errors', destinationType: 'queue', xMatch: 'all', arguments: [{ key: 'format', type: 'string', value: 'pdf' }] });
    const headers = await f.call('topology.explain', { exchange: 'h', routingKey: '', headers: [{ key: 'format', type: 'string', value: 'pdf' }] });
    expect(headers.queues.map((q) => q.queue)).toEqual(['errors']);
    const badHeader = await f.refused('topology.explain', { exchange: 'h', headers: [{ key: 'n', type: 'number', value: 'x' }] });
    expect(badHeader).toMatchObject({ code: 'BAD_INPUT', field: 'headers.n' });
  });
  it('an alternate exchange set by a policy is followed, as the broker follows it', async () => {
    await f.call('topology.declareExchange', { name: 'lost', type: 'fanout' });
    await f.call('topology.declareQueue', { name: 'lost-and-found' });
    await f.call('topology.bind', { source: 'lost', destination: 'lost-and-found', destinationType: 'queue' });
    await f.call('topology.declareExchange', { name: 'policed', type: 'direct' });
    const b = testBroker();
    const put = await fetch(`${b.managementUrl}/api/policies/${encodeURIComponent(f.vhost)}/ae-policy`, {
      method: 'PUT',
      headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ pattern: '^policed$', 'apply-to': 'exchanges', definition: { 'alternate-exchange': 'lost' } }),
    });
    expect(put.status).toBeLessThan(300);
    const explained = await waitFor(async () => {
      const result = await f.call('topology.explain', { exchange: 'policed', routingKey: 'nobody' });
      return result.queues.length > 0 ? result : undefined;
    });
    expect(explained?.queues.map((q) => q.queue)).toEqual(['lost-and-found']);
    expect(explained?.queues[0]?.path[0]).toMatchObject({ exchange: 'policed', via: 'alternate-exchange' });
    const snapshot = await f.call('topology.snapshot', {});
    expect(snapshot.exchanges.find((x) => x.name === 'policed')).toMatchObject({ policy: 'ae-policy', alternateExchange: 'lost', alternateFrom: 'policy' });

    // The broker agrees: an unroutable message on 'policed' lands in lost-and-found.
    const ch = await f.other.createConfirmChannel();
    ch.publish('policed', 'nobody', Buffer.from('x'), { mandatory: true });
    await ch.waitForConfirms();
    const got = await waitFor(async () => (await ch.get('lost-and-found', { noAck: true })) || undefined);
    expect(got?.content.toString()).toBe('x');
    await ch.close();
  });
});
