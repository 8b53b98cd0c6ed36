import amqp from 'amqplib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_FIELDS } from '../../../shared/charts/types';
import { MAX_WATCHED_QUEUES } from '../../../shared/charts/contract';
import { createTestVhost, testBroker, waitFor } from '../../support/broker';
import { connectToRunBroker, makeService, payloadsOf } from '../../support/service';

const READY = SAMPLE_FIELDS.indexOf('ready');
const UNACKED = SAMPLE_FIELDS.indexOf('unacked');
const CONSUMERS = SAMPLE_FIELDS.indexOf('consumers');
const PUBLISH = SAMPLE_FIELDS.indexOf('publish');

/** Waits until `probe` gives a value (polling every 50 ms) and returns it. */
async function found<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number): Promise<T> {
  return (await waitFor(probe, timeoutMs, 50)) as T;
}

describe('chart sampler against the real broker', () => {
  let vhost: string;
  let remove: () => Promise<void>;
  let ctx: ReturnType<typeof makeService>;
  let client: amqp.ChannelModel | undefined;

  const connect = (managementUrl?: string) => connectToRunBroker(ctx, vhost, { name: 'Charts broker', managementUrl });

  const ticks = () => payloadsOf(ctx.events, 'charts.samples');
  const rowsOf = (queue: string) =>
    ticks().flatMap((tick) => tick.queues.filter((q) => q.queue === queue).map((q) => ({ t: tick.t, row: q.row, source: tick.source })));

  beforeEach(async () => {
    ({ vhost, remove } = await createTestVhost('charts'));
    ctx = makeService();
  });
  afterEach(async () => {
    await client?.close().catch(() => undefined);
    client = undefined;
    await ctx.service.shutdown();
    await remove();
  });

  it('samples ready 50 → 40 and unacked 0 → 10 within 3 s of each change, and keeps the history', async () => {
    await connect();
    const b = testBroker();
    client = await amqp.connect(`amqp://guest:guest@${b.host}:${b.amqpPort}/${encodeURIComponent(vhost)}`);
    const ch = await client.createConfirmChannel();
    await ch.assertQueue('orders', { durable: false });
    await ch.assertQueue('payments', { durable: false });

    const watched = await ctx.dispatch('charts.watch', { queues: ['orders', 'payments'] });
    expect(watched.ok).toBe(true);
    if (!watched.ok) return;
    expect(watched.value.watched).toEqual([
      { vhost, queue: 'orders' },
      { vhost, queue: 'payments' },
    ]);

    // The first sample is the baseline the rates are computed from.
    await waitFor(() => rowsOf('orders').length > 0, 3000, 50);
    for (let i = 0; i < 50; i++) ch.sendToQueue('orders', Buffer.from(`order ${i}`));
    await ch.waitForConfirms();
    const published = Date.now();
    const at50 = await found(() => rowsOf('orders').find((r) => r.t >= published && r.row[READY] === 50), 3000).catch((err: unknown) => {
      throw new Error(`${String(err)}; samples seen: ${JSON.stringify(rowsOf('orders').map((r) => [r.t - published, r.row.slice(0, 4)]))}`);
    });
    expect(at50.row[UNACKED]).toBe(0);
    expect(at50.source).toBe('management');

    // A manual-ack consumer with prefetch 10 holds 10 unacked.
    const consumer = await client.createChannel();
    await consumer.prefetch(10);
    await consumer.consume('orders', () => undefined, { noAck: false });
    const attached = Date.now();
    const at40 = await found(() => rowsOf('orders').find((r) => r.t >= attached && r.row[READY] === 40 && r.row[UNACKED] === 10), 10_000);
    expect(at40.t - attached).toBeLessThanOrEqual(3000);
    // A second filled late from the broker's history has no consumer count (null): a direct one has.
    const counted = await found(() => rowsOf('orders').find((r) => r.t >= attached && r.row[READY] === 40 && r.row[UNACKED] === 10 && r.row[CONSUMERS] !== null), 10_000);
    expect(counted.row[CONSUMERS]).toBe(1);

    // Every tick carried every watched queue, at about one per second.
    const orders = rowsOf('orders');
    expect(orders.length).toBeGreaterThanOrEqual(2);
    expect(rowsOf('payments').length).toBe(orders.length);
    // The publish rate saw the 50 messages.
    expect(orders.some((r) => (r.row[PUBLISH] ?? 0) > 0), JSON.stringify(orders.map((r) => r.row))).toBe(true);

    // A consumer attaching is a marker on that queue's chart.
    const markers = payloadsOf(ctx.events, 'charts.markers').flat();
    expect(markers.some((m) => m.kind === 'consumer' && m.ref?.queue === 'orders' && /0 → 1/.test(m.label))).toBe(true);

    // History (what a reloaded window gets) holds the same samples.
    ctx.service.engines.sampler.recordMarker('demo step 1', { kind: 'demo', ref: { vhost, queue: 'orders' } });
    const history = await ctx.dispatch('charts.history', { queues: [{ vhost, queue: 'orders' }], overview: true });
    expect(history.ok).toBe(true);
    if (!history.ok) return;
    const value = history.value;
    const series = value.queues[0]!;
    expect(series.t.length).toBeGreaterThanOrEqual(orders.length);
    const at40InHistory = series.t.indexOf(at40.t);
    expect(at40InHistory).toBeGreaterThanOrEqual(0);
    expect(series.rows[at40InHistory]!.slice(0, 4)).toEqual(at40.row.slice(0, 4));
    expect(value.overview?.t.length).toBeGreaterThan(0);
    expect(value.markers.map((m) => m.label)).toContain('demo step 1');

    const status = await ctx.dispatch('charts.status', {});
    expect(status.ok && status.value).toMatchObject({ sampling: true, source: 'management', intervalMs: 1000 });

    const unwatched = await ctx.dispatch('charts.unwatch', { queues: ['payments'] });
    expect(unwatched.ok && unwatched.value.watched).toEqual([{ vhost, queue: 'orders' }]);
  });

  it('an answer slower than the interval costs no second: the seconds it held up are read from the broker’s history', async () => {
    await connect();
    await ctx.service.connection.requireSession().withChannel(async (ch) => {
      await ch.assertQueue('slow', { durable: false });
    });
    await ctx.dispatch('charts.watch', { queues: ['slow'] });
    await waitFor(() => rowsOf('slow').length >= 2, 5000, 50);
    // The broker's answers for this queue are held back 2.5 s once: two ticks find it still waiting.
    const management = ctx.service.connection.management!;
    const get = management.get.bind(management);
    let held = 0;
    management.get = async <T>(...args: Parameters<typeof get>): Promise<T> => {
      if (args[0].startsWith('/queues/') && held++ === 0) await new Promise((r) => setTimeout(r, 2500));
      return get<T>(...args);
    };
    // Messages arrive meanwhile, so the filled seconds have values of their own to show.
    const publisher = setInterval(() => {
      void ctx.service.connection.requireSession().withChannel(async (ch) => void ch.sendToQueue('slow', Buffer.from('x')));
    }, 200);
    const from = ticks().length;
    try {
      await waitFor(() => ticks().slice(from).filter((k) => k.filled).length >= 2 && ticks().slice(from).filter((k) => !k.filled).length >= 3, 12_000, 50);
    } finally {
      clearInterval(publisher);
    }
    const span = ticks().slice(from);
    const times = span.map((k) => k.t);
    // One tick per second, in order, none missing and none a gap.
    expect(times.slice(1).map((t, i) => Math.round((t - times[i]!) / 1000))).toEqual(times.slice(1).map(() => 1));
    expect(span.every((k) => k.source === 'management' && k.queues.every((q) => q.row[READY] !== null))).toBe(true);
    expect(span.filter((k) => k.filled).length).toBeGreaterThanOrEqual(2);
    // Measured then, not carried back: only publishes, so ready never falls, and the first filled
    // second (2 s or more before the answer) shows fewer messages than the answer's own second.
    const ready = span.map((k) => k.queues[0]!.row[READY]!);
    const seen = JSON.stringify(span.map((k) => [k.filled ?? false, k.queues[0]!.row[READY]]));
    expect(ready.slice(1).every((r, i) => r >= ready[i]!), seen).toBe(true);
    expect(ready[span.findIndex((k) => k.filled)]!, seen).toBeLessThan(ready[span.findIndex((k, i) => i > 0 && !k.filled && span[i - 1]!.filled)]!);
    const status = await ctx.dispatch('charts.status', {});
    expect(status.ok && status.value.filledLastMinute).toBeGreaterThanOrEqual(2);
  });

  it('a watched queue that does not exist is reported, not silently dropped; bad input is refused with the field', async () => {
    await connect();
    await ctx.dispatch('charts.watch', { queues: ['ghost'] });
    const status = await found(async () => {
      const s = await ctx.dispatch('charts.status', {});
      return s.ok && s.value.missing.length > 0 ? s.value : undefined;
    }, 5000);
    expect(status.missing).toEqual([{ vhost, queue: 'ghost' }]);
    expect(status.warning?.message).toContain('ghost');
    const ghostRows = rowsOf('ghost');
    expect(ghostRows.length).toBeGreaterThan(0);
    expect(ghostRows.every((r) => r.row.every((v) => v === null))).toBe(true);

    const bad = await ctx.dispatch('charts.watch', { queues: [] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('BAD_INPUT');

    // The memory cap is sized for MAX_WATCHED_QUEUES in all: one more is refused, with the field.
    const fill = await ctx.dispatch('charts.watch', { queues: Array.from({ length: MAX_WATCHED_QUEUES - 1 }, (_, i) => `fill-${i}`) });
    expect(fill.ok && fill.value.watched.length).toBe(MAX_WATCHED_QUEUES);
    const over = await ctx.dispatch('charts.watch', { queues: ['one-too-many'] });
    expect(over.ok).toBe(false);
    if (!over.ok) expect([over.error.code, over.error.field]).toEqual(['BAD_INPUT', 'queues']);
    const after = await ctx.dispatch('charts.status', {});
    expect(after.ok && after.value.memoryBytes).toBeLessThanOrEqual(after.ok ? after.value.memoryCapBytes : 0);
  });

  it('without the management API, ready and consumer counts come from AMQP passive declares, labelled as such', async () => {
    await connect('http://127.0.0.1:9');
    await ctx.service.connection.requireSession().withChannel(async (ch) => {
      await ch.assertQueue('plain', { durable: false });
      for (let i = 0; i < 7; i++) ch.sendToQueue('plain', Buffer.from('x'));
      await ch.checkQueue('plain');
    });
    await ctx.dispatch('charts.watch', { queues: ['plain'] });
    const row = await found(() => rowsOf('plain').find((r) => r.source === 'amqp' && r.row[READY] === 7), 8000);
    expect(row.row[CONSUMERS]).toBe(0);
    expect(row.row[UNACKED]).toBeNull();
    const status = await ctx.dispatch('charts.status', {});
    expect(status.ok && status.value.source).toBe('amqp');
    expect(status.ok && status.value.warning?.message).toMatch(/AMQP passive declares/);
  });
});
