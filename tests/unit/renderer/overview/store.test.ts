import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OVERVIEW_INTERVAL_MS, OverviewStore, overviewKey } from '../../../../renderer/features/overview/store';
import type { Overview } from '../../../../shared/overview/types';
import { FakeBridge, ok, settle } from '../fakeBridge';

const overview = (vhost: string) => ({ vhost, sampledAt: 1 }) as unknown as Overview;

describe('OverviewStore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks overview.get for the vhost now and every interval until stopped', async () => {
    const bridge = new FakeBridge({ 'overview.get': (input) => ok(overview(input.vhost ?? '')) });
    const store = new OverviewStore(bridge);
    const stop = store.poll('/', 's1');
    await settle();
    expect(store.getSnapshot()).toMatchObject({ overview: { vhost: '/' }, key: overviewKey('/', 's1') });
    await vi.advanceTimersByTimeAsync(OVERVIEW_INTERVAL_MS);
    expect(bridge.callsOf('overview.get')).toEqual([{ vhost: '/' }, { vhost: '/' }]);
    stop();
    await vi.advanceTimersByTimeAsync(OVERVIEW_INTERVAL_MS * 3);
    expect(bridge.callsOf('overview.get')).toHaveLength(2);
  });

  it('keeps the last overview beside a failure, and asks for every vhost without one', async () => {
    let fail = false;
    const bridge = new FakeBridge({
      'overview.get': (input) => (fail ? { ok: false, error: { code: 'TIMEOUT', message: 'slow', hint: 'wait' } } : ok(overview(input.vhost ?? ''))),
    });
    const store = new OverviewStore(bridge);
    const stop = store.poll(undefined, 's1');
    await settle();
    fail = true;
    await vi.advanceTimersByTimeAsync(OVERVIEW_INTERVAL_MS);
    expect(store.getSnapshot()).toMatchObject({ overview: { vhost: '' }, error: { code: 'TIMEOUT' } });
    expect(bridge.callsOf('overview.get')[0]).toEqual({});
    stop();
  });

  it('tells subscribers of each answer', async () => {
    const bridge = new FakeBridge({ 'overview.get': () => ok(overview('/')) });
    const store = new OverviewStore(bridge);
    const seen = vi.fn();
    store.subscribe(seen);
    const stop = store.poll('/', 's');
    await settle();
    expect(seen).toHaveBeenCalledTimes(1);
    stop();
  });
});
