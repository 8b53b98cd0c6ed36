/** Issue 15 point 4: move, copy and replay messages out of a queue, confirmed before acknowledged. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectedService } from '../../support/messaging';
import { payloadsOf } from '../../support/service';
import { testBroker } from '../../support/broker';

describe('messages.move', () => {
  let t: Awaited<ReturnType<typeof connectedService>>;
  beforeEach(async () => {
    t = await connectedService('move');
  });
  afterEach(async () => {
    await t.close();
  });

  // Confirmed: the queue holds every message before the move reads its depth.
  const fill = async (queue: string, bodies: string[], headers?: (i: number) => Record<string, unknown>) => {
    const ch = await t.raw.createConfirmChannel();
    await ch.assertQueue(queue, { durable: false });
    bodies.forEach((b, i) => ch.sendToQueue(queue, Buffer.from(b), { headers: headers?.(i), messageId: `m${i}`, contentType: 'text/plain' }));
    await ch.waitForConfirms();
    await ch.close();
  };
  const drain = async (queue: string) => {
    const out: { body: string; messageId?: string; headers?: Record<string, unknown> }[] = [];
    for (;;) {
      const m = await t.ch.get(queue, { noAck: true });
      if (m === false) return out;
      out.push({ body: m.content.toString(), messageId: m.properties.messageId as string | undefined, headers: m.properties.headers });
    }
  };
  const bodies = (n: number) => Array.from({ length: n }, (_, i) => `order ${i + 1}`);

  /** The source queue's consumers as the management API lists them (1 s statistics: polled). */
  const consumersOn = async (queue: string): Promise<number> => {
    const b = testBroker();
    const res = await fetch(`${b.managementUrl}/api/queues/${encodeURIComponent(t.vhost)}/${queue}?columns=consumers`, { headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` } });
    return ((await res.json()) as { consumers?: number }).consumers ?? 0;
  };
  /** The most consumers the source showed while the run was going. */
  const consumersDuring = async (queue: string, runId: string) => {
    const state = () => payloadsOf(t.svc.events, 'messages.moveProgress').filter((p) => p.runId === runId).at(-1)?.state;
    let most = 0;
    while (state() === undefined || state() === 'running') {
      most = Math.max(most, await consumersOn(queue));
      await new Promise((r) => setTimeout(r, 50));
    }
    const end = payloadsOf(t.svc.events, 'messages.moveProgress').filter((p) => p.runId === runId).at(-1)!;
    expect(end.state).toBe('done');
    console.log(`[move] ${end.moved} in ${end.elapsedMs} ms (${Math.round((end.moved * 1000) / Math.max(1, end.elapsedMs))} msg/s), ${most} consumer(s) on the source`);
    return most;
  };

  it('an unfiltered move of a queue nobody consumes from takes from a consumer of its own; a filtered one reads with basic.get', async () => {
    await fill('src', bodies(50_000));
    await t.ch.assertQueue('dst', { durable: false });
    const unfiltered = await t.call('messages.move', { source: 'src', destination: { kind: 'queue', queue: 'dst' } });
    expect(await consumersDuring('src', unfiltered.runId)).toBe(1);
    expect((await drain('dst')).map((m) => m.body)).toEqual(bodies(50_000));

    await fill('src', bodies(3_000));
    const filtered = await t.call('messages.move', { source: 'src', destination: { kind: 'queue', queue: 'dst' }, filter: { bodyContains: 'order' } });
    expect(await consumersDuring('src', filtered.runId)).toBe(0);
    expect(await drain('dst')).toHaveLength(3_000);
  }, 120_000);

  it('an unfiltered move with more unroutable messages than its consumer window leaves every one in the source, in order', async () => {
    await fill('src', bodies(1_000));
    await t.ch.assertExchange('empty.direct', 'direct', { durable: false });
    const done = await t.call('messages.move', { source: 'src', destination: { kind: 'exchange', exchange: 'empty.direct', routingKey: 'nobody' }, wait: true });
    expect(done).toMatchObject({ state: 'done', examined: 1_000, moved: 0, unroutable: 1_000 });
    expect((await drain('src')).map((m) => m.body)).toEqual(bodies(1_000));
  });

  it('moves all to another queue: every message there once, with its properties, none left in the source', async () => {
    await fill('src', bodies(1_000));
    await t.ch.assertQueue('dst', { durable: false });
    const done = await t.call('messages.move', { source: 'src', destination: { kind: 'queue', queue: 'dst' }, wait: true });
    expect(done).toMatchObject({ state: 'done', limit: 1_000, examined: 1_000, moved: 1_000, skipped: 0, unroutable: 0, possibleDuplicates: 0 });
    const moved = await drain('dst');
    expect(moved.map((m) => m.body)).toEqual(bodies(1_000));
    expect(moved[0]?.messageId).toBe('m0');
    expect(await drain('src')).toEqual([]);
    const events = payloadsOf(t.svc.events, 'messages.moveProgress');
    expect(events.at(-1)).toMatchObject({ state: 'done', moved: 1_000 });
  });

  it('copy leaves the source as it was, in order; N takes only the first N', async () => {
    await fill('src', bodies(10));
    await t.ch.assertQueue('dst', { durable: false });
    const done = await t.call('messages.move', { source: 'src', destination: { kind: 'queue', queue: 'dst' }, mode: 'copy', count: 4, wait: true });
    expect(done).toMatchObject({ state: 'done', limit: 4, moved: 4 });
    expect((await drain('dst')).map((m) => m.body)).toEqual(bodies(4));
    expect((await drain('src')).map((m) => m.body)).toEqual(bodies(10));
  });

  it('a header or body filter takes only the matches; the others stay in the source, in their order', async () => {
    await fill('src', bodies(12), (i) => ({ region: i % 3 === 0 ? 'eu' : 'us' }));
    await t.ch.assertExchange('regions', 'direct', { durable: false });
    await t.ch.assertQueue('eu', { durable: false });
    await t.ch.bindQueue('eu', 'regions', 'eu');
    const byHeader = await t.call('messages.move', { source: 'src', destination: { kind: 'exchange', exchange: 'regions', routingKey: 'eu' }, filter: { header: { key: 'region', value: 'eu' } }, wait: true });
    expect(byHeader).toMatchObject({ state: 'done', examined: 12, moved: 4, skipped: 8 });
    expect((await drain('eu')).map((m) => m.body)).toEqual(['order 1', 'order 4', 'order 7', 'order 10']);
    const byBody = await t.call('messages.move', { source: 'src', destination: { kind: 'exchange', exchange: 'regions', routingKey: 'eu' }, filter: { bodyContains: 'order 1' }, wait: true });
    expect(byBody).toMatchObject({ moved: 2, skipped: 6 }); // order 11, order 12
    expect((await drain('src')).map((m) => m.body)).toEqual(['order 2', 'order 3', 'order 5', 'order 6', 'order 8', 'order 9']);
  });

  it('a count with a filter counts the messages taken, not those read: 2 of the matches, the rest stays', async () => {
    await fill('src', bodies(12), (i) => ({ region: i % 3 === 0 ? 'eu' : 'us' }));
    await t.ch.assertQueue('dst', { durable: false });
    const done = await t.call('messages.move', { source: 'src', destination: { kind: 'queue', queue: 'dst' }, count: 2, filter: { header: { key: 'region', value: 'eu' } }, wait: true });
    expect(done).toMatchObject({ state: 'done', limit: 2, count: 2, depth: 12, moved: 2, skipped: 2, examined: 4 });
    expect((await drain('dst')).map((m) => m.body)).toEqual(['order 1', 'order 4']);
    expect(await drain('src')).toHaveLength(10);
  });

  it('dead letters are replayed to the exchange and routing key they died from (x-death)', async () => {
    await t.ch.assertExchange('orders', 'topic', { durable: false });
    await t.ch.assertExchange('dlx', 'fanout', { durable: false });
    await t.ch.assertQueue('dead', { durable: false });
    await t.ch.bindQueue('dead', 'dlx', '');
    await t.ch.assertQueue('email', { durable: false, deadLetterExchange: 'dlx' });
    await t.ch.bindQueue('email', 'orders', 'order.*');
    for (const key of ['order.created', 'order.paid']) t.ch.publish('orders', key, Buffer.from(key));
    await t.ch.checkQueue('email');
    for (let i = 0; i < 2; i++) {
      const m = await t.ch.get('email');
      if (m) t.ch.nack(m, false, false); // the email service rejects both: dead-lettered
    }
    await t.ch.assertQueue('dead.plain', { durable: false });
    t.ch.sendToQueue('dead', Buffer.from('never died'));
    await t.ch.checkQueue('dead');
    const done = await t.call('messages.move', { source: 'dead', destination: { kind: 'replay' }, wait: true });
    expect(done).toMatchObject({ state: 'done', moved: 2, skipped: 1 });
    const replayed = await drain('email');
    expect(replayed.map((m) => m.body).sort()).toEqual(['order.created', 'order.paid']);
    expect((await drain('dead')).map((m) => m.body)).toEqual(['never died']);
  });

  it('a missing destination is refused before anything is taken; an unroutable message stays in the source', async () => {
    await fill('src', bodies(3));
    const missing = await t.svc.dispatch('messages.move', { source: 'src', destination: { kind: 'exchange', exchange: 'nowhere', routingKey: '' } });
    expect(missing.ok ? undefined : missing.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/^No exchange nowhere in virtual host/), hint: expect.stringMatching(/nothing was moved/) });
    const self = await t.svc.dispatch('messages.move', { source: 'src', destination: { kind: 'queue', queue: 'src' } });
    expect(self.ok ? undefined : self.error.code).toBe('BAD_INPUT');
    await t.ch.assertExchange('empty.direct', 'direct', { durable: false });
    const done = await t.call('messages.move', { source: 'src', destination: { kind: 'exchange', exchange: 'empty.direct', routingKey: 'nobody' }, wait: true });
    expect(done).toMatchObject({ state: 'done', moved: 0, unroutable: 3 });
    expect((await drain('src')).map((m) => m.body)).toEqual(bodies(3));
  });

  it('cancel stops the run; what was moved stays moved, the rest stays in the source, none twice', async () => {
    await fill('src', bodies(20_000));
    await t.ch.assertQueue('dst', { durable: false });
    const started = await t.call('messages.move', { source: 'src', destination: { kind: 'queue', queue: 'dst' } });
    for (let i = 0; i < 200; i++) {
      const seen = payloadsOf(t.svc.events, 'messages.moveProgress').at(-1);
      if (seen && seen.moved >= 1_000) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    await t.call('messages.move.cancel', { runId: started.runId });
    for (let i = 0; i < 200 && payloadsOf(t.svc.events, 'messages.moveProgress').at(-1)?.state === 'running'; i++) await new Promise((r) => setTimeout(r, 25));
    const end = payloadsOf(t.svc.events, 'messages.moveProgress').at(-1)!;
    expect(end.state).toBe('cancelled');
    expect(end.moved).toBeGreaterThanOrEqual(1_000);
    expect(end.moved).toBeLessThan(20_000);
    const there = (await drain('dst')).map((m) => m.body);
    const left = (await drain('src')).map((m) => m.body);
    expect(there).toHaveLength(end.moved);
    expect([...there, ...left].sort()).toEqual(bodies(20_000).sort());
  }, 60_000);
});
