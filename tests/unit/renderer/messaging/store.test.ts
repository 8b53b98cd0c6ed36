import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MessagingStore, READY_POLL_MS } from '../../../../renderer/features/messaging/store';
import { QUIET_MS, REDRAW_MS, UI_KEEP } from '../../../../renderer/features/messaging/consumersFeed';
import { EMPTY_DRAFT } from '../../../../renderer/features/messaging/draft';
import { UPDATE_MS, type ConsumerInfo, type ReceivedMessage } from '../../../../shared/messaging/types';
import { FakeBridge, ok, settle } from '../../../support/fake-bridge';

const consumer = (id: string) => ({ id, queue: 'q' }) as unknown as ConsumerInfo;
const message = (id: number) => ({ id, settled: 'pending', truncated: false }) as unknown as ReceivedMessage;

describe('MessagingStore composer', () => {
  it('keeps the draft across readers (a page that goes away and comes back finds it)', () => {
    const store = new MessagingStore(new FakeBridge());
    const off = store.subscribe(() => undefined);
    store.setDraft({ ...EMPTY_DRAFT, routingKey: 'orders.created' });
    off();
    expect(store.getSnapshot().draft.routingKey).toBe('orders.created');
  });

  it('puts a published message into the history, newest first, and a refused one not', async () => {
    let refuse = false;
    const bridge = new FakeBridge({ 'messaging.publish': () => (refuse ? { ok: false, error: { code: 'NOT_FOUND', message: 'no exchange', hint: 'h' } } : ok({ status: 'confirmed', bytes: 2 } as never)) });
    const store = new MessagingStore(bridge);
    const draft = { ...EMPTY_DRAFT, exchange: 'amq.topic', routingKey: 'a.b' };
    await store.publish({ exchange: 'amq.topic', routingKey: 'a.b', body: { mode: 'text', data: 'x' } } as never, draft);
    refuse = true;
    await store.publish({ exchange: 'nope', routingKey: 'a.b', body: { mode: 'text', data: 'x' } } as never, { ...draft, exchange: 'nope' });
    expect(store.getSnapshot().history.map((h) => h.name)).toEqual(['amq.topic → a.b']);
  });

  it('keeps the latest repeat progress pushed', () => {
    const bridge = new FakeBridge();
    const store = new MessagingStore(bridge);
    bridge.emit('messaging.repeatProgress', { runId: 'r1', sent: 5 } as never);
    expect(store.getSnapshot().repeat).toMatchObject({ runId: 'r1', sent: 5 });
  });
});

describe('MessagingStore consumers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A read consumers feed with no consumer, quiet for REDRAW_MS; `redraws` counts its notifications. */
  const quietFeed = async () => {
    const bridge = new FakeBridge({ 'consumers.list': () => ok([]) });
    const store = new MessagingStore(bridge);
    const redraws = vi.fn();
    store.consumers.subscribe(redraws);
    await settle();
    await vi.advanceTimersByTimeAsync(REDRAW_MS);
    return { bridge, store, redraws };
  };

  it('lists consumers and their earlier messages when first read, then adds deliveries newest first', async () => {
    const bridge = new FakeBridge({
      'consumers.list': () => ok([consumer('c1')]),
      'consumers.messages': () => ok({ messages: [message(1), message(2)], dropped: 0 }),
    });
    const store = new MessagingStore(bridge);
    store.consumers.subscribe(() => undefined);
    await settle();
    await vi.advanceTimersByTimeAsync(REDRAW_MS);
    expect(store.consumers.getSnapshot().messages.get('c1')?.map((m) => m.id)).toEqual([2, 1]);
    bridge.emit('consumers.deliveries', [{ consumerId: 'c1', messages: [message(3), message(4)], skipped: 7 }] as never);
    await vi.advanceTimersByTimeAsync(REDRAW_MS);
    const snapshot = store.consumers.getSnapshot();
    expect(snapshot.messages.get('c1')?.map((m) => m.id)).toEqual([4, 3, 2, 1]);
    expect(snapshot.seen.get('c1')).toBe(2);
    expect(snapshot.skipped.get('c1')).toBe(7);
  });

  it('bounds the kept messages per consumer and marks settled ones with new objects only', async () => {
    const bridge = new FakeBridge({ 'consumers.list': () => ok([]) });
    const store = new MessagingStore(bridge);
    store.consumers.subscribe(() => undefined);
    await settle();
    bridge.emit('consumers.deliveries', [{ consumerId: 'c1', messages: Array.from({ length: UI_KEEP + 5 }, (_, i) => message(i + 1)), skipped: 0 }] as never);
    await vi.advanceTimersByTimeAsync(REDRAW_MS);
    const before = store.consumers.getSnapshot().messages.get('c1')!;
    expect(before).toHaveLength(UI_KEEP);
    bridge.emit('consumers.settled', [{ consumerId: 'c1', ids: [UI_KEEP + 5], settled: 'acked' }] as never);
    await vi.advanceTimersByTimeAsync(REDRAW_MS);
    const after = store.consumers.getSnapshot().messages.get('c1')!;
    expect(after[0]!.settled).toBe('acked');
    expect(after[1]).toBe(before[1]);
  });

  it('coalesces a stream of deliveries into at most one redraw per REDRAW_MS', async () => {
    const { bridge, store, redraws } = await quietFeed();
    redraws.mockClear();
    for (let i = 1; i <= 50; i++) bridge.emit('consumers.deliveries', [{ consumerId: 'c1', messages: [message(i)], skipped: 0 }] as never);
    await vi.advanceTimersByTimeAsync(REDRAW_MS);
    expect(redraws.mock.calls.length).toBeLessThanOrEqual(2);
    expect(store.consumers.getSnapshot().messages.get('c1')).toHaveLength(50);
  });

  it('draws a stream that stopped QUIET_MS after its last delivery, before REDRAW_MS has passed', async () => {
    const { bridge, store, redraws } = await quietFeed();
    bridge.emit('consumers.deliveries', [{ consumerId: 'c1', messages: [message(1)], skipped: 0 }] as never);
    redraws.mockClear();
    // Updates UPDATE_MS apart keep the stream going; the last one is followed by quiet.
    for (let i = 2; i <= 4; i++) {
      await vi.advanceTimersByTimeAsync(UPDATE_MS);
      bridge.emit('consumers.deliveries', [{ consumerId: 'c1', messages: [message(i)], skipped: 0 }] as never);
    }
    expect(redraws).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(redraws).toHaveBeenCalledTimes(1);
    expect(store.consumers.getSnapshot().seen.get('c1')).toBe(4);
    expect(3 * UPDATE_MS + QUIET_MS).toBeLessThan(REDRAW_MS);
  });

  it('draws a stream whose update says it paused on the next turn, with the counts that came with it', async () => {
    const { bridge, store, redraws } = await quietFeed();
    bridge.emit('consumers.deliveries', [{ consumerId: 'c1', messages: [message(1)], skipped: 0 }] as never);
    redraws.mockClear();
    await vi.advanceTimersByTimeAsync(UPDATE_MS);
    bridge.emit('consumers.deliveries', [{ consumerId: 'c1', messages: [message(2)], skipped: 5, paused: true }] as never);
    bridge.emit('consumers.state', [consumer('c1')] as never);
    expect(redraws).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(0);
    expect(redraws).toHaveBeenCalledTimes(1);
    const snapshot = store.consumers.getSnapshot();
    expect(snapshot.seen.get('c1')).toBe(2);
    expect(snapshot.skipped.get('c1')).toBe(5);
    expect(snapshot.consumers.map((c) => c.id)).toEqual(['c1']);
  });

  it('polls a queue’s ready count while a card shows it, once for two cards', async () => {
    const bridge = new FakeBridge({ 'queues.check': () => ok({ messageCount: 4 } as never) });
    const store = new MessagingStore(bridge);
    const stopA = store.watchReady('q');
    const stopB = store.watchReady('q');
    await settle();
    expect(store.getSnapshot().ready.get('q')).toBe(4);
    await vi.advanceTimersByTimeAsync(READY_POLL_MS);
    expect(bridge.callsOf('queues.check')).toHaveLength(2);
    stopA();
    await vi.advanceTimersByTimeAsync(READY_POLL_MS);
    expect(bridge.callsOf('queues.check')).toHaveLength(3);
    stopB();
    await vi.advanceTimersByTimeAsync(READY_POLL_MS * 3);
    expect(bridge.callsOf('queues.check')).toHaveLength(3);
  });

  it('settle never requeues an ack, and asks the whole body only of cut previews', async () => {
    const bridge = new FakeBridge({ 'consumers.settle': () => ok({ settled: 1, missing: 0 }), 'consumers.message': (input) => ok({ ...message(input.id), body: 'whole' } as never) });
    const store = new MessagingStore(bridge);
    await store.settle('c1', [1], 'ack', true);
    await store.settle('c1', [2], 'nack', true);
    expect(bridge.callsOf('consumers.settle')).toEqual([
      { consumerId: 'c1', ids: [1], action: 'ack', requeue: false },
      { consumerId: 'c1', ids: [2], action: 'nack', requeue: true },
    ]);
    const whole = await store.wholeMessages('c1', [message(1), { ...message(2), truncated: true }]);
    expect(bridge.callsOf('consumers.message')).toEqual([{ consumerId: 'c1', id: 2 }]);
    expect(whole).toHaveLength(2);
  });
});
