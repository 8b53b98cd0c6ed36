/** Issue 14 point 5: read a stream queue by offset (first, last, next, offset, timestamp) without consuming it away. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectedService } from '../../support/messaging';

describe('streams.read', () => {
  let t: Awaited<ReturnType<typeof connectedService>>;
  /** The first second (ms) in which only the second half (offsets 500..999) was written. */
  let secondHalfAt = 0;
  const body = (i: number) => `event ${i}`;

  beforeAll(async () => {
    t = await connectedService('streams');
    await t.ch.assertQueue('events', { durable: true, arguments: { 'x-queue-type': 'stream' } });
    await t.ch.assertQueue('plain', { durable: false });
    t.ch.sendToQueue('plain', Buffer.from('stays'));
    const confirm = await t.raw.createConfirmChannel();
    const publish = async (from: number, to: number) => {
      for (let i = from; i < to; i++) confirm.sendToQueue('events', Buffer.from(body(i)), { messageId: `m${i}` });
      await confirm.waitForConfirms();
    };
    await publish(0, 500);
    // The stream's chunks carry whole-second timestamps: start the second half in a fresh second.
    secondHalfAt = (Math.floor(Date.now() / 1000) + 1) * 1000;
    await new Promise((r) => setTimeout(r, secondHalfAt - Date.now() + 50));
    await publish(500, 1_000);
    await confirm.close();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('from first: offsets 0..n-1 in order with their bodies; newer exists, older does not', async () => {
    const page = await t.call('streams.read', { queue: 'events', from: { kind: 'first' }, count: 100 });
    expect(page.messages.map((m) => m.offset)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(page.messages.map((m) => m.body.data)).toEqual(Array.from({ length: 100 }, (_, i) => body(i)));
    expect(page.messages[7]?.properties.messageId).toBe('m7');
    expect(page).toMatchObject({ firstOffset: 0, lastOffset: 99, hasOlder: false, hasNewer: true });
  });

  it('all 1,000 in one read, and the last page has nothing newer', async () => {
    const page = await t.call('streams.read', { queue: 'events', from: { kind: 'first' }, count: 1_000 });
    expect(page.messages.map((m) => m.offset)).toEqual(Array.from({ length: 1_000 }, (_, i) => i));
    expect(page).toMatchObject({ firstOffset: 0, lastOffset: 999, hasOlder: false, hasNewer: false });
  });

  it('from offset 500: offsets 500.. with the bodies written there; older and newer exist', async () => {
    const page = await t.call('streams.read', { queue: 'events', from: { kind: 'offset', offset: 500 }, count: 50 });
    expect(page.messages.map((m) => m.offset)).toEqual(Array.from({ length: 50 }, (_, i) => 500 + i));
    expect(page.messages[0]?.body.data).toBe(body(500));
    expect(page).toMatchObject({ firstOffset: 500, lastOffset: 549, hasOlder: true, hasNewer: true });
  });

  it('paging: older then newer by offset gives adjacent pages, back to the same one', async () => {
    const middle = await t.call('streams.read', { queue: 'events', from: { kind: 'offset', offset: 300 }, count: 100 });
    const older = await t.call('streams.read', { queue: 'events', from: { kind: 'offset', offset: middle.firstOffset! - 100 }, count: 100 });
    expect([older.firstOffset, older.lastOffset]).toEqual([200, 299]);
    const newer = await t.call('streams.read', { queue: 'events', from: { kind: 'offset', offset: older.lastOffset! + 1 }, count: 100 });
    expect(newer.messages.map((m) => m.body.data)).toEqual(middle.messages.map((m) => m.body.data));
    const end = await t.call('streams.read', { queue: 'events', from: { kind: 'offset', offset: 950 }, count: 100 });
    expect(end).toMatchObject({ firstOffset: 950, lastOffset: 999, hasNewer: false, hasOlder: true });
  });

  it('from a timestamp: starts at the first message written in that second (offset 500)', async () => {
    const page = await t.call('streams.read', { queue: 'events', from: { kind: 'timestamp', at: secondHalfAt }, count: 10 });
    expect(page.firstOffset).toBe(500);
    expect(page.messages[0]?.body.data).toBe(body(500));
    const before = await t.call('streams.read', { queue: 'events', from: { kind: 'timestamp', at: secondHalfAt - 60_000 }, count: 10 });
    expect(before.firstOffset).toBe(0);
  });

  it('from last: the last chunk, ending at offset 999; from next: nothing yet, older exists', async () => {
    const last = await t.call('streams.read', { queue: 'events', from: { kind: 'last' }, count: 1_000 });
    expect(last.lastOffset).toBe(999);
    expect(last.firstOffset).toBeGreaterThanOrEqual(500);
    expect(last.hasNewer).toBe(false);
    const next = await t.call('streams.read', { queue: 'events', from: { kind: 'next' }, count: 10 });
    expect(next).toMatchObject({ messages: [], hasOlder: true, hasNewer: false });
  });

  it('reading twice gives the same messages: nothing is consumed away', async () => {
    const a = await t.call('streams.read', { queue: 'events', from: { kind: 'offset', offset: 10 }, count: 20 });
    const b = await t.call('streams.read', { queue: 'events', from: { kind: 'offset', offset: 10 }, count: 20 });
    expect(b.messages.map((m) => [m.offset, m.body.data])).toEqual(a.messages.map((m) => [m.offset, m.body.data]));
    // A stream's declare-ok does not count its messages (it says 0): the whole stream read again is the proof.
    const all = await t.call('streams.read', { queue: 'events', from: { kind: 'first' }, count: 1_000 });
    expect(all.messages.map((m) => m.offset)).toEqual(Array.from({ length: 1_000 }, (_, i) => i));
  });

  it('a classic queue is refused with a hint and keeps its message; a missing queue is NOT_FOUND', async () => {
    const classic = await t.svc.dispatch('streams.read', { queue: 'plain', from: { kind: 'first' }, count: 10 });
    expect(classic.ok ? undefined : classic.error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/not a stream/), hint: expect.stringMatching(/Peek/) });
    expect((await t.ch.checkQueue('plain')).messageCount).toBe(1);
    const missing = await t.svc.dispatch('streams.read', { queue: 'nope', from: { kind: 'first' }, count: 10 });
    expect(missing.ok ? undefined : missing.error.code).toBe('NOT_FOUND');
    const tooMany = await t.svc.dispatch('streams.read', { queue: 'events', from: { kind: 'first' }, count: 1_001 });
    expect(tooMany.ok ? undefined : tooMany.error.code).toBe('BAD_INPUT');
  });
  it('an empty stream reads as an empty page with nothing older or newer', async () => {
    await t.ch.assertQueue('quiet', { durable: true, arguments: { 'x-queue-type': 'stream' } });
    const page = await t.call('streams.read', { queue: 'quiet', from: { kind: 'first' }, count: 10 });
    expect(page).toEqual({ queue: 'quiet', messages: [], firstOffset: undefined, lastOffset: undefined, hasOlder: false, hasNewer: false });
  });

  // Last: it cuts the service's connection (the service reconnects on its own).
  it('a connection cut during a read answers an error, not a short page as if complete', async () => {
    const reading = t.svc.dispatch('streams.read', { queue: 'events', from: { kind: 'next' }, count: 10 });
    await new Promise((r) => setTimeout(r, 400));
    const model = t.svc.service.connection.requireSession().connection as unknown as { connection: { stream: { destroy(err?: Error): void } } };
    model.connection.stream.destroy(new Error('cut by the test'));
    const result = await reading;
    expect(result.ok ? undefined : result.error).toMatchObject({ code: 'NOT_CONNECTED', hint: expect.stringMatching(/Read again/) });
  });
});
