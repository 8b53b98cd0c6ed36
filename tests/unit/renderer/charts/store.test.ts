import { describe, expect, it } from 'vitest';
import { ChartsStore } from '../../../../renderer/features/charts/store';
import { OVERVIEW_KEY } from '../../../../renderer/features/charts/seriesFeed';
import { refKey, type ChartsStatus, type SampleRow } from '../../../../shared/charts/types';
import { FakeBridge, ok, settle } from '../../../support/fake-bridge';

const orders = { vhost: '/', queue: 'orders' };
const row = (ready: number) => ({ ready }) as unknown as SampleRow;
const status = { sampling: true, watched: [orders] } as unknown as ChartsStatus;

describe('ChartsStore', () => {
  it('reads the status while someone reads it, then follows its event; stops listening after', async () => {
    const bridge = new FakeBridge({ 'charts.status': () => ok(status) });
    const store = new ChartsStore(bridge);
    const off = store.subscribe(() => undefined);
    await settle();
    expect(store.getSnapshot().status).toBe(status);
    const next = { ...status, sampling: false };
    bridge.emit('charts.status', next);
    expect(store.getSnapshot().status).toBe(next);
    off();
    expect(bridge.listenerCount('charts.status')).toBe(0);
  });

  it('a series feed loads history, then appends pushed samples newer than it, and ignores other queues', async () => {
    const bridge = new FakeBridge({
      'charts.history': () => ok({ queues: [{ ref: orders, t: [1000, 2000], rows: [row(1), row(2)] }], markers: [{ id: 1, t: 1500, label: 'm', kind: 'user' }] } as never),
    });
    const feed = new ChartsStore(bridge).series([orders], false);
    const off = feed.subscribe(() => undefined);
    await settle();
    bridge.emit('charts.samples', { t: 2000, queues: [{ ...orders, row: row(9) }] } as never);
    bridge.emit('charts.samples', { t: 3000, queues: [{ ...orders, row: row(3) }, { vhost: '/', queue: 'other', row: row(7) }] } as never);
    const snapshot = feed.getSnapshot();
    expect(snapshot.series.get(refKey(orders))?.t).toEqual([1000, 2000, 3000]);
    expect(snapshot.series.has(refKey({ vhost: '/', queue: 'other' }))).toBe(false);
    expect(snapshot.markers.map((m) => m.id)).toEqual([1]);
    expect(snapshot.loading).toBe(false);
    off();
    expect(bridge.listenerCount('charts.samples')).toBe(0);
  });

  it('a new feed starts from the samples already on screen for the queues it shares', async () => {
    const bridge = new FakeBridge({ 'charts.history': () => ok({ queues: [{ ref: orders, t: [1000], rows: [row(1)] }], overview: { t: [5], rows: [row(5)] }, markers: [] } as never) });
    const store = new ChartsStore(bridge);
    const first = store.series([orders], true);
    const off = first.subscribe(() => undefined);
    await settle();
    off();
    const second = store.series([orders, { vhost: '/', queue: 'new' }], true);
    expect(second.getSnapshot().series.get(refKey(orders))?.t).toEqual([1000]);
    expect(second.getSnapshot().series.get(OVERVIEW_KEY)?.t).toEqual([5]);
  });

  it('watch sends the typed names for the connection’s vhost', async () => {
    const bridge = new FakeBridge({ 'charts.watch': () => ok(status) });
    await new ChartsStore(bridge).watch(['a', 'b'], '/');
    expect(bridge.callsOf('charts.watch')).toEqual([{ vhost: '/', queues: ['a', 'b'] }]);
  });
  it('a live feed keeps only its window (and a margin), so its memory is flat; keeping everything again reads the hour back from the main process', async () => {
    const hour = Array.from({ length: 3600 }, (_, i) => i * 1000);
    const bridge = new FakeBridge({ 'charts.history': () => ok({ queues: [{ ref: orders, t: hour, rows: hour.map(row) }], markers: [] } as never) });
    const feed = new ChartsStore(bridge).series([orders], false);
    const off = feed.subscribe(() => undefined);
    await settle();
    feed.keepOnly(60_000);
    const kept = () => feed.getSnapshot().series.get(refKey(orders))!.t;
    // 1 min × 1.1 + 5 s margin of the hour, newest last.
    expect(kept().length).toBe(72);
    for (let i = 0; i < 600; i++) bridge.emit('charts.samples', { t: 3_600_000 + i * 1000, queues: [{ ...orders, row: row(i) }] } as never);
    expect(kept().length).toBeLessThanOrEqual(72 + 30);
    expect(kept().at(-1)).toBe(3_600_000 + 599_000);

    feed.keepOnly(undefined);
    await settle();
    expect(kept()[0]).toBe(0);
    expect(bridge.callsOf('charts.history')).toHaveLength(2);
    off();
  });
});
