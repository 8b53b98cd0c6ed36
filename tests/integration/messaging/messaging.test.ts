import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NEWEST_PER_UPDATE, type DeliveryBatch, type FieldEntry, type MessageProperties, type SettleChange } from '../../../shared/messaging/types';
import { putPolicy, waitFor } from '../../support/broker';
import { connectedService } from '../../support/messaging';
import { payloadsOf } from '../../support/service';

type Ctx = Awaited<ReturnType<typeof connectedService>>;

const HEADERS: FieldEntry[] = [
  { key: 'str', value: { t: 'string', v: 'héllo ✓' } },
  { key: 'int', value: { t: 'int', v: 42 } },
  { key: 'big', value: { t: 'int', v: 9_007_199_254_740_991 } },
  { key: 'neg', value: { t: 'int', v: -70000 } },
  { key: 'float', value: { t: 'float', v: 3.25 } },
  { key: 'yes', value: { t: 'bool', v: true } },
  { key: 'nothing', value: { t: 'null' } },
  { key: 'raw', value: { t: 'bytes', v: Buffer.from([0, 1, 254, 255]).toString('base64') } },
  { key: 'when', value: { t: 'timestamp', v: 1_700_000_000 } },
  { key: 'dec', value: { t: 'decimal', places: 2, digits: 12345 } },
  { key: 'list', value: { t: 'array', v: [{ t: 'int', v: 1 }, { t: 'string', v: 'two' }, { t: 'array', v: [{ t: 'bool', v: false }] }] } },
  { key: 'nested', value: { t: 'table', v: [{ key: 'inner', value: { t: 'table', v: [{ key: 'deep', value: { t: 'string', v: 'x' } }] } }] } },
];

const PROPS: MessageProperties = {
  contentType: 'application/octet-stream',
  contentEncoding: 'identity',
  deliveryMode: 2,
  priority: 7,
  correlationId: 'corr-1',
  replyTo: 'replies',
  expiration: '600000',
  messageId: 'm-1',
  timestamp: 1_700_000_123,
  type: 'order.created',
  userId: 'guest',
  appId: 'warren-test',
  headers: HEADERS,
};

describe('publish and consume through the service', () => {
  let t: Ctx;
  beforeEach(async () => {
    t = await connectedService('msg');
  });
  afterEach(async () => {
    await t.close();
  });

  it('every property and header type round-trips byte-for-byte, binary body included', async () => {
    await t.ch.assertQueue('rt', { durable: false });
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const out = await t.call('messaging.publish', {
      exchange: '',
      routingKey: 'rt',
      properties: PROPS,
      body: { mode: 'base64', data: bytes.toString('base64') },
    });
    expect(out.status).toBe('confirmed');
    // Raw amqplib sees the exact bytes and properties.
    const got = (await waitFor(() => t.ch.get('rt', { noAck: false }).then((m) => m || undefined)))!;
    expect(Buffer.compare(got.content, bytes)).toBe(0);
    expect(got.properties).toMatchObject({ contentType: 'application/octet-stream', deliveryMode: 2, priority: 7, expiration: '600000', timestamp: 1_700_000_123, userId: 'guest' });
    t.ch.nack(got, false, true);

    // And Warren's consumer shows the same thing back.
    const c = await t.call('consumers.attach', { queue: 'rt', ackMode: 'manual', prefetch: 10 });
    const [preview] = await t.waitDelivered(c.id, 1);
    const full = await t.call('consumers.message', { consumerId: c.id, id: preview!.id });
    expect(full.body.encoding).toBe('base64');
    expect(Buffer.from(full.body.data, 'base64').equals(bytes)).toBe(true);
    expect(full.truncated).toBe(false);
    expect(full.properties).toEqual(PROPS);
    expect(full.redelivered).toBe(true);
  });

  it('confirms, and a mandatory message nobody can receive comes back with the explainer’s reason', async () => {
    await t.ch.assertExchange('orders', 'topic', { durable: false });
    await t.ch.assertQueue('eu', { durable: false });
    await t.ch.bindQueue('eu', 'orders', 'order.eu.*');
    const ok = await t.call('messaging.publish', { exchange: 'orders', routingKey: 'order.eu.new', body: { mode: 'text', data: 'x' } });
    expect(ok.status).toBe('confirmed');
    const back = await t.call('messaging.publish', { exchange: 'orders', routingKey: 'order.us.new', mandatory: true, body: { mode: 'text', data: 'x' } });
    expect(back.status).toBe('returned');
    expect(back.returned?.replyCode).toBe(312);
    expect(back.returned?.replyText).toBe('NO_ROUTE');
    expect(back.returned?.reasons.join(' ')).toMatch(/order\.eu\.\*/);
  });

  it('a returned message is explained with the alternate exchange a policy sets, as the Route explainer sees it', async () => {
    await t.ch.assertExchange('policed', 'direct', { durable: false });
    await putPolicy(t.vhost, 'ae-policy', { pattern: '^policed$', 'apply-to': 'exchanges', definition: { 'alternate-exchange': 'no-such-ae' } });
    // The policy takes effect asynchronously; the explainer must name it once the broker applies it.
    const back = await waitFor(async () => {
      const outcome = await t.call('messaging.publish', { exchange: 'policed', routingKey: 'nobody', mandatory: true, body: { mode: 'text', data: 'x' } });
      return outcome.returned?.reasons.join(' ').includes('no-such-ae') ? outcome : undefined;
    });
    expect(back?.status).toBe('returned');
    expect(back?.returned?.reasons.join(' ')).toMatch(/alternate exchange 'no-such-ae' of policed does not exist/);
  });

  it('a publish to a missing exchange is a 404 with a hint; the next publish works on a new channel', async () => {
    const r = await t.svc.dispatch('messaging.publish', { exchange: 'nope', routingKey: 'k', body: { mode: 'text', data: 'keep me' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('NOT_FOUND');
    expect(r.error.message).toContain("no exchange 'nope'");
    expect(r.error.hint).toMatch(/still in the composer/);
    await t.ch.assertQueue('after', { durable: false });
    const ok = await t.call('messaging.publish', { exchange: '', routingKey: 'after', body: { mode: 'text', data: 'y' } });
    expect(ok.status).toBe('confirmed');
  });

  it('bad input is refused with the field named, before anything is sent', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ body: { mode: 'json', data: '{"a":1,}' } }, 'body.data', /not valid JSON/],
      [{ properties: { expiration: '-5' } }, 'properties.expiration', /digits/],
      [{ properties: { expiration: '1.5' } }, 'properties.expiration', /digits/],
      [{ properties: { priority: 256 } }, 'properties.priority', /0\.\.255/],
      [{ properties: { priority: -1 } }, 'properties.priority', /0\.\.255/],
      [{ properties: { headers: [{ key: 'f', value: { t: 'float', v: Number.NaN } }] } }, 'properties.headers.0.value.v', /NaN/],
      [{ properties: { headers: [{ key: 'i', value: { t: 'int', v: 1.5 } }] } }, 'properties.headers.0.value.v', /integer/],
      [{ properties: { headers: [{ key: 'k'.repeat(256), value: { t: 'null' } }] } }, 'properties.headers.0.key', /255 bytes/],
      [{ properties: { headers: [{ key: 'a', value: { t: 'null' } }, { key: 'a', value: { t: 'null' } }] } }, 'properties.headers', /same name/],
      [{ body: { mode: 'hex', data: 'abc' } }, 'body.data', /hex/],
    ];
    await t.ch.assertQueue('bad', { durable: false });
    for (const [patch, field, message] of cases) {
      const r = await t.svc.dispatch('messaging.publish', { exchange: '', routingKey: 'bad', body: { mode: 'text', data: 'x' }, ...(patch as object) });
      expect(r.ok, JSON.stringify(patch)).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('BAD_INPUT');
      expect(r.error.field).toBe(field);
      expect(r.error.message).toMatch(message);
      expect(r.error.hint.length).toBeGreaterThan(0);
    }
    const q = await t.ch.checkQueue('bad');
    expect(q.messageCount).toBe(0);
  });

  it('a body over the broker’s max message size is refused with the limit', async () => {
    const { MaxMessageSize, DEFAULT_MAX_MESSAGE_BYTES } = await import('../../../main/service/messaging/max-size');
    expect(DEFAULT_MAX_MESSAGE_BYTES).toBe(134_217_728);
    // The broker's refusal text teaches Warren the configured value; pretend it said 1000.
    const size = new MaxMessageSize();
    size.learn('PRECONDITION_FAILED - message size 2000 is larger than configured max size 1000');
    expect(size.bytes).toBe(1000);
    expect(() => size.check(1001)).toThrow(/at most 1000 bytes/);
  });

  it('prefetch 1 with two consumers: a busy consumer gets no second message; round-robin otherwise', async () => {
    await t.ch.assertQueue('work', { durable: false });
    const a = await t.call('consumers.attach', { queue: 'work', prefetch: 1, ackMode: 'manual' });
    const b = await t.call('consumers.attach', { queue: 'work', prefetch: 1, ackMode: 'manual' });
    for (let i = 0; i < 4; i++) t.ch.sendToQueue('work', Buffer.from(`m${i}`));
    await t.waitDelivered(a.id, 1);
    await t.waitDelivered(b.id, 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(t.delivered(a.id)).toHaveLength(1);
    expect(t.delivered(b.id)).toHaveLength(1);
    const q = await t.ch.checkQueue('work');
    expect(q.messageCount).toBe(2);
    // Ack one on A: A (and only A) gets the next.
    const settled = await t.call('consumers.settle', { consumerId: a.id, ids: [t.delivered(a.id)[0]!.id], action: 'ack' });
    expect(settled.settled).toBe(1);
    await t.waitDelivered(a.id, 2);
    expect(t.delivered(b.id)).toHaveLength(1);
  });

  it('nack with requeue puts it back; reject without requeue drops it; crash redelivers with redelivered=true', async () => {
    await t.ch.assertQueue('q', { durable: false });
    t.ch.sendToQueue('q', Buffer.from('one'));
    const c = await t.call('consumers.attach', { queue: 'q', prefetch: 1, ackMode: 'manual' });
    const [first] = await t.waitDelivered(c.id, 1);
    expect(first!.redelivered).toBe(false);
    await t.call('consumers.settle', { consumerId: c.id, ids: [first!.id], action: 'nack', requeue: true });
    const again = (await t.waitDelivered(c.id, 2))[1]!;
    expect(again.redelivered).toBe(true);
    expect(again.body.data).toBe('one');
    await t.call('consumers.settle', { consumerId: c.id, ids: [again.id], action: 'reject', requeue: false });
    await waitFor(async () => (await t.ch.checkQueue('q')).messageCount === 0 && t.delivered(c.id).length === 2);

    t.ch.sendToQueue('q', Buffer.from('two'));
    await t.waitDelivered(c.id, 3);
    const crashed = await t.call('consumers.crash', { consumerId: c.id });
    expect(crashed.status).toBe('crashed');
    expect(crashed.reason).toMatch(/1 message unacked/);
    await waitFor(async () => (await t.ch.checkQueue('q')).messageCount === 1);
    const settledEvents = t.svc.events.filter((e) => e.event === 'consumers.settled');
    expect(JSON.stringify(settledEvents)).toContain('"requeued"');
    await t.call('consumers.resume', { consumerId: c.id });
    const redelivered = (await t.waitDelivered(c.id, 4))[3]!;
    expect(redelivered.body.data).toBe('two');
    expect(redelivered.redelivered).toBe(true);
  });

  it('pause stops deliveries (basic.cancel) and resume starts them again', async () => {
    await t.ch.assertQueue('p', { durable: false });
    const c = await t.call('consumers.attach', { queue: 'p', prefetch: 0, ackMode: 'auto' });
    const paused = await t.call('consumers.pause', { consumerId: c.id });
    expect(paused.status).toBe('paused');
    t.ch.sendToQueue('p', Buffer.from('held'));
    await waitFor(async () => (await t.ch.checkQueue('p')).messageCount === 1);
    expect(t.delivered(c.id)).toHaveLength(0);
    await t.call('consumers.resume', { consumerId: c.id });
    await t.waitDelivered(c.id, 1);
  });

  it('a tap declares a temporary exclusive queue bound with the key, and it disappears on detach', async () => {
    await t.ch.assertExchange('events', 'topic', { durable: false });
    const c = await t.call('consumers.tap', { exchange: 'events', bindingKey: 'user.*', ackMode: 'auto' });
    expect(c.tap).toEqual({ exchange: 'events', bindingKey: 'user.*' });
    expect(c.queue).toMatch(/^warren\.tap\.events\./);
    t.ch.publish('events', 'user.created', Buffer.from('u1'));
    t.ch.publish('events', 'order.created', Buffer.from('o1'));
    const got = await t.waitDelivered(c.id, 1);
    expect(got[0]!.routingKey).toBe('user.created');
    await t.call('consumers.detach', { consumerId: c.id });
    const check = await t.raw.createChannel();
    check.on('error', () => undefined);
    await expect(check.checkQueue(c.queue)).rejects.toThrow(/404/);
    expect(await t.call('consumers.list', {})).toEqual([]);
  });

  it('consuming from a missing queue, or an exclusive queue of another connection, is a clear error', async () => {
    const missing = await t.svc.dispatch('consumers.attach', { queue: 'ghost' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.error.code).toBe('NOT_FOUND');
      expect(missing.error.hint).toMatch(/Declare the queue “ghost”/);
    }
    await t.ch.assertQueue('mine', { exclusive: true });
    const locked = await t.svc.dispatch('consumers.attach', { queue: 'mine' });
    expect(locked.ok).toBe(false);
    if (!locked.ok) {
      expect(locked.error.code).toBe('RESOURCE_LOCKED');
      expect(locked.error.hint).toMatch(/exclusive/i);
    }
    expect(await t.call('consumers.list', {})).toEqual([]);
  });

  it('the list is bounded: older messages are counted, not kept', async () => {
    await t.ch.assertQueue('many', { durable: false });
    const c = await t.call('consumers.attach', { queue: 'many', ackMode: 'auto', prefetch: 0, keep: 10 });
    for (let i = 1; i <= 25; i++) t.ch.sendToQueue('many', Buffer.from(`n${i}`));
    await t.waitDelivered(c.id, 25);
    const kept = await t.call('consumers.messages', { consumerId: c.id, limit: 100 });
    expect(kept.messages.map((m) => m.body.data)).toEqual(Array.from({ length: 10 }, (_, i) => `n${i + 16}`));
    expect(kept.dropped).toBe(15);
    const gone = await t.svc.dispatch('consumers.message', { consumerId: c.id, id: 1 });
    expect(!gone.ok && gone.error.code).toBe('NOT_FOUND');
  });

  it("show 'newest': an update carries at most NEWEST_PER_UPDATE previews, the newest of its deliveries, and previews plus counted ones are every delivery", async () => {
    await t.ch.assertQueue('newest', { durable: false });
    const c = await t.call('consumers.attach', { queue: 'newest', ackMode: 'auto', prefetch: 0, show: 'newest' });
    for (let i = 1; i <= 3000; i++) t.ch.sendToQueue('newest', Buffer.from(`n${i}`));
    await waitFor(() => {
      const batches = payloadsOf(t.svc.events, 'consumers.deliveries').flat().filter((b) => b.consumerId === c.id);
      return batches.reduce((n, b) => n + b.messages.length + b.skipped, 0) === 3000;
    });
    const batches = payloadsOf(t.svc.events, 'consumers.deliveries').flat().filter((b) => b.consumerId === c.id);
    expect(batches.some((b) => b.skipped > 0)).toBe(true);
    let last = 0;
    for (const b of batches) {
      expect(b.messages.length).toBeLessThanOrEqual(NEWEST_PER_UPDATE);
      // The previews are the newest of the update: the ones counted come before them.
      const ids = b.messages.map((m) => m.id);
      expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => last + b.skipped + i + 1));
      last += b.skipped + ids.length;
    }
    expect(batches.at(-1)!.messages.at(-1)!.body.data).toBe('n3000');
  });

  it('settle changes name only messages a window was shown; with previews and changes applied in order, every message shows its outcome', async () => {
    await t.ch.assertQueue('fast', { durable: false });
    const c = await t.call('consumers.attach', { queue: 'fast', prefetch: 100, ackMode: 'simulated', simulate: { kind: 'fixed', ms: 0 } });
    for (let i = 1; i <= 500; i++) t.ch.sendToQueue('fast', Buffer.from(`n${i}`));
    await waitFor(() => payloadsOf(t.svc.events, 'consumers.state').some((list) => list.some((x) => x.id === c.id && x.acked === 500)));
    await new Promise((r) => setTimeout(r, 100));
    const state = new Map<number, string>();
    for (const e of t.svc.events) {
      if (e.event === 'consumers.deliveries') {
        for (const b of e.payload as DeliveryBatch[]) if (b.consumerId === c.id) for (const m of b.messages) state.set(m.id, m.settled);
      } else if (e.event === 'consumers.settled') {
        for (const change of e.payload as SettleChange[]) {
          if (change.consumerId !== c.id) continue;
          for (const id of change.ids) {
            expect(state.has(id)).toBe(true);
            state.set(id, change.settled);
          }
        }
      }
    }
    expect(state.size).toBe(500);
    expect([...state.values()].every((s) => s === 'acked')).toBe(true);
  });

  it('repeat publishes N with templates, reports progress, and can be cancelled', async () => {
    await t.ch.assertQueue('rep', { durable: false });
    const done = await t.call('messaging.repeat', {
      exchange: '',
      routingKey: 'rep',
      count: 500,
      confirm: true,
      wait: true,
      body: { mode: 'json', data: '{"n": {{seq}}, "id": "{{uuid}}"}' },
      properties: { headers: [{ key: 'seq', value: { t: 'string', v: 'h-{{seq}}' } }] },
    });
    expect(done).toMatchObject({ state: 'done', sent: 500, confirmed: 500, nacked: 0, returned: 0 });
    expect((await t.ch.checkQueue('rep')).messageCount).toBe(500);
    const m1 = await t.ch.get('rep', { noAck: true });
    const m2 = await t.ch.get('rep', { noAck: true });
    expect(m1 && JSON.parse(m1.content.toString()).n).toBe(1);
    expect(m2 && m2.properties.headers?.seq).toBe('h-2');
    expect(payloadsOf(t.svc.events, 'messaging.repeatProgress').some((p) => p.state === 'done')).toBe(true);

    const started = await t.call('messaging.repeat', { exchange: '', routingKey: 'rep', count: 1_000_000, ratePerSecond: 50, body: { mode: 'text', data: 'slow' } });
    await new Promise((r) => setTimeout(r, 300));
    const cancelled = await t.call('messaging.repeatCancel', { runId: started.runId });
    expect(cancelled.sent).toBeLessThan(1000);
    await waitFor(() =>
      payloadsOf(t.svc.events, 'messaging.repeatProgress').some((p) => p.runId === started.runId && p.state === 'cancelled'),
    );
  });

  it('repeat to an unroutable key counts the returns and explains the first', async () => {
    await t.ch.assertExchange('direct-x', 'direct', { durable: false });
    const done = await t.call('messaging.repeat', { exchange: 'direct-x', routingKey: 'nowhere', count: 20, mandatory: true, wait: true, body: { mode: 'text', data: 'x' } });
    expect(done.returned).toBe(20);
    expect(done.firstReturn?.replyText).toBe('NO_ROUTE');
  });

  it('peek shows messages without consuming them, and they come back redelivered', async () => {
    await t.ch.assertQueue('peek', { durable: false });
    t.ch.sendToQueue('peek', Buffer.from('{"a":1}'), { headers: { h: 'v' }, contentType: 'application/json' });
    await waitFor(async () => (await t.ch.checkQueue('peek')).messageCount === 1);
    const seen = await t.call('messaging.peek', { queue: 'peek', count: 5 });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.body.data).toBe('{"a":1}');
    expect(seen[0]!.properties.headers).toEqual([{ key: 'h', value: { t: 'string', v: 'v' } }]);
    expect(seen[0]!.properties.contentType).toBe('application/json');
    const back = (await waitFor(() => t.ch.get('peek', { noAck: true }).then((m) => m || undefined)))!;
    expect(back.fields.redelivered).toBe(true);
  });
});
