import { describe, expect, it } from 'vitest';
import type { StreamPage } from '../../../../shared/streams/types';
import { newerRequest, olderRequest } from '../../../../shared/streams/paging';
import { StreamsStore } from '../../../../renderer/features/streams/store';
import { FakeBridge, ok } from '../../../support/fake-bridge';
import { warrenError } from '../../../../shared/errors';

const page = (first: number | undefined, last: number | undefined, over: Partial<StreamPage> = {}): StreamPage => ({
  queue: 'events', messages: [], firstOffset: first, lastOffset: last, hasOlder: true, hasNewer: true, ...over,
});

describe('reading a stream page by page', () => {
  it('older is the page just before, never overlapping and never below 0; newer starts after the last offset', () => {
    expect(olderRequest(page(500, 599), 100)).toEqual({ queue: 'events', from: { kind: 'offset', offset: 400 }, count: 100 });
    expect(olderRequest(page(30, 129), 100)).toEqual({ queue: 'events', from: { kind: 'offset', offset: 0 }, count: 30 });
    expect(newerRequest(page(500, 599), 100)).toEqual({ queue: 'events', from: { kind: 'offset', offset: 600 }, count: 100 });
  });

  it('from an empty page (read past the end), older goes to the last chunk and newer to the first', () => {
    expect(olderRequest(page(undefined, undefined), 50).from).toEqual({ kind: 'last' });
    expect(newerRequest(page(undefined, undefined), 50).from).toEqual({ kind: 'first' });
  });

  it('the store reads, then pages older and newer with the count of the read that made the page', async () => {
    const bridge = new FakeBridge({
      'streams.read': (input) => {
        const from = input.from.kind === 'offset' ? input.from.offset : 0;
        const count = input.count ?? 100;
        return ok(page(from, from + count - 1));
      },
    });
    const store = new StreamsStore(bridge);
    await store.read({ queue: 'events', from: { kind: 'offset', offset: 500 }, count: 20 });
    expect(store.getSnapshot()).toMatchObject({ busy: false, count: 20, page: { firstOffset: 500, lastOffset: 519 } });
    await store.older();
    expect(store.getSnapshot().page).toMatchObject({ firstOffset: 480, lastOffset: 499 });
    await store.newer();
    await store.newer();
    expect(store.getSnapshot().page).toMatchObject({ firstOffset: 520, lastOffset: 539 });
    expect(bridge.callsOf('streams.read').map((c) => c.from)).toEqual([
      { kind: 'offset', offset: 500 },
      { kind: 'offset', offset: 480 },
      { kind: 'offset', offset: 500 },
      { kind: 'offset', offset: 520 },
    ]);
  });

  it('a refusal is kept with its hint and the page on screen stays; a late answer does not replace a newer read', async () => {
    let release: (() => void) | undefined;
    const bridge = new FakeBridge({
      'streams.read': async (input) => {
        if (input.queue === 'slow') await new Promise<void>((r) => (release = r));
        if (input.queue === 'plain') return { ok: false, error: warrenError('BAD_INPUT', 'Queue “plain” is not a stream', { hint: 'Use Peek' }) };
        return ok(page(0, 9, { queue: input.queue }));
      },
    });
    const store = new StreamsStore(bridge);
    await store.read({ queue: 'events', from: { kind: 'first' }, count: 10 });
    await store.read({ queue: 'plain', from: { kind: 'first' }, count: 10 });
    expect(store.getSnapshot()).toMatchObject({ error: { code: 'BAD_INPUT', hint: 'Use Peek' }, page: { queue: 'events' } });
    const slow = store.read({ queue: 'slow', from: { kind: 'first' }, count: 10 });
    await store.read({ queue: 'events', from: { kind: 'first' }, count: 10 });
    release?.();
    await slow;
    expect(store.getSnapshot()).toMatchObject({ busy: false, page: { queue: 'events' } });
    expect(store.getSnapshot().error).toBeUndefined();
  });
});
