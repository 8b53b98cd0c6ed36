import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TopologyStore } from '../../../../renderer/features/topology/store';
import { FILTER_RETRY_MS, pausedView, refreshDelay, TABLE_REFRESH_MS, TABLE_SLICE_ROWS, tableKey, tableView } from '../../../../renderer/features/topology/tableFeed';
import { SNAPSHOT_REFRESH_MS, snapshotView } from '../../../../renderer/features/topology/snapshotFeed';
import { FULL_LIST_MAX_ROWS, type TableResult, type TopologySnapshot } from '../../../../shared/topology/types';
import { FakeBridge, ok, settle } from '../../../support/fake-bridge';
import { BROKER_FILTER_PAUSE_MS, serverFilterPause } from '../../../../renderer/features/topology/useServerFilter';

const rows = (n: number, complete: boolean, tookMs = 10): TableResult =>
  ({ data: { kind: 'queues', rows: Array.from({ length: n }, (_, i) => ({ name: `q${i}` })) }, total: 3, complete, fetchedAt: 1, tookMs }) as unknown as TableResult;

describe('TopologyStore tables', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks the first page, then the whole list at once, then refreshes spaced by the broker’s time', async () => {
    const bridge = new FakeBridge({ 'topology.list': (input) => ok(input.firstPage ? rows(1, false) : rows(3, true, 2000)) });
    const store = new TopologyStore(bridge);
    const stop = store.table.watch('queues', { vhost: '/', all: false }, 's');
    await vi.advanceTimersByTimeAsync(0);
    expect(bridge.callsOf('topology.list')).toEqual([{ kind: 'queues', vhost: '/', firstPage: true }, { kind: 'queues', vhost: '/', slice: { from: 0, size: TABLE_SLICE_ROWS } }]);
    expect(store.table.view('queues', { vhost: '/', all: false }, 's')).toMatchObject({ loading: false, result: { total: 3, complete: true } });
    await vi.advanceTimersByTimeAsync(refreshDelay(2000) - 1);
    expect(bridge.callsOf('topology.list')).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(bridge.callsOf('topology.list')).toHaveLength(3);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(bridge.callsOf('topology.list')).toHaveLength(3);
  });

  it('refreshes at once when Warren changed the topology, and not after stop', async () => {
    const bridge = new FakeBridge({ 'topology.list': () => ok(rows(3, true)) });
    const store = new TopologyStore(bridge);
    const stop = store.table.watch('queues', { all: false }, 's');
    await settle();
    bridge.emit('topology.changed', { at: 1 } as never);
    await settle();
    expect(bridge.callsOf('topology.list')).toHaveLength(2);
    stop();
    bridge.emit('topology.changed', { at: 2 } as never);
    await settle();
    expect(bridge.callsOf('topology.list')).toHaveLength(2);
  });

  it(`never reads a table of more than ${FULL_LIST_MAX_ROWS.toLocaleString('en')} rows whole: refreshes its first page, spaced by the broker’s time`, async () => {
    const big = { ...rows(100, false, 15_000), total: FULL_LIST_MAX_ROWS + 1 } as TableResult;
    const bridge = new FakeBridge({ 'topology.list': () => ok(big) });
    const store = new TopologyStore(bridge);
    const stop = store.table.watch('queues', { vhost: '/', all: false }, 's');
    await vi.advanceTimersByTimeAsync(refreshDelay(15_000) + 1);
    stop();
    expect(bridge.callsOf('topology.list')).toEqual([
      { kind: 'queues', vhost: '/', firstPage: true },
      { kind: 'queues', vhost: '/', firstPage: true, fresh: true },
    ]);
    expect(store.table.view('queues', { vhost: '/', all: false }, 's')).toMatchObject({ loading: false, result: { total: FULL_LIST_MAX_ROWS + 1 } });
  });

  it('shows a remembered first page of such a table at once, marked stale, and asks the broker for a fresh one at once', async () => {
    const page = { ...rows(100, false, 15_000), total: FULL_LIST_MAX_ROWS + 1 } as TableResult;
    const bridge = new FakeBridge({ 'topology.list': (input) => ok(input.fresh ? page : { ...page, remembered: true, tookMs: 0 }) });
    const store = new TopologyStore(bridge);
    const stop = store.table.watch('queues', { vhost: '/', all: false }, 's');
    await settle();
    expect(store.table.view('queues', { vhost: '/', all: false }, 's')).toMatchObject({ stale: true });
    await vi.advanceTimersByTimeAsync(0);
    stop();
    expect(bridge.callsOf('topology.list').map((c) => c.fresh)).toEqual([undefined, true]);
    expect(store.table.view('queues', { vhost: '/', all: false }, 's').stale).toBeUndefined();
  });

  it('asks again after a failed read no sooner than a read that took as long', async () => {
    const bridge = new FakeBridge({
      'topology.list': () => new Promise((resolve) => setTimeout(() => resolve({ ok: false, error: { code: 'HTTP_ERROR', message: 'socket hang up', hint: '' } }), 60_000)),
    });
    const store = new TopologyStore(bridge);
    const stop = store.table.watch('queues', { vhost: '/', all: false }, 's');
    await vi.advanceTimersByTimeAsync(60_000 + refreshDelay(60_000) - 1);
    expect(bridge.callsOf('topology.list')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(bridge.callsOf('topology.list')).toHaveLength(2);
    stop();
  });

  it('comes back to a table with its last rows shown stale, and one request (not the first page) brings them up to date', async () => {
    let answer = rows(3, true);
    const bridge = new FakeBridge({ 'topology.list': () => ok(answer) });
    const store = new TopologyStore(bridge);
    const scope = { vhost: '/', all: false };
    const first = store.table.watch('queues', scope, 's');
    await settle();
    first();
    const other = store.table.watch('exchanges', scope, 's');
    await settle();
    other();
    answer = rows(2, true);
    const view = store.table.view('queues', scope, 's');
    expect(view).toMatchObject({ stale: true, result: { total: 3 } });
    store.table.watch('queues', scope, 's')();
    expect(bridge.callsOf('topology.list').at(-1)).toEqual({ kind: 'queues', vhost: '/', slice: { from: 0, size: TABLE_SLICE_ROWS } });
  });

  /** A service holding `reads` (each a full list, newest last) that answers slices as the real one does. */
  const slicing = (reads: { fetchedAt: number; n: number }[], replaceAfterCalls = Infinity) => {
    let calls = 0;
    return new FakeBridge({
      'topology.list': (input) => {
        calls++;
        const held = reads[calls > replaceAfterCalls ? 1 : 0]!;
        const from = input.slice?.from ?? 0;
        const size = input.firstPage ? 100 : (input.slice?.size ?? held.n);
        const all = Array.from({ length: held.n }, (_, i) => ({ name: `q${i}@${held.fetchedAt}` }));
        const part = all.slice(from, from + size);
        return ok({ data: { kind: 'queues', rows: part }, total: held.n, complete: from === 0 && part.length === held.n, fetchedAt: held.fetchedAt, tookMs: 1, sliceFrom: from } as unknown as TableResult);
      },
    });
  };
  const shownNames = (store: TopologyStore) => (store.table.view('queues', { vhost: '/', all: false }, 's').result?.data.rows as { name: string }[]).map((r) => r.name);

  it('reads a big list in slices of one read and shows every row once, in order', async () => {
    const n = 2 * TABLE_SLICE_ROWS + 5;
    const bridge = slicing([{ fetchedAt: 7, n }]);
    const store = new TopologyStore(bridge);
    const stop = store.table.watch('queues', { vhost: '/', all: false }, 's');
    await vi.advanceTimersByTimeAsync(0);
    stop();
    expect(bridge.callsOf('topology.list').slice(1).map((c) => c.slice)).toEqual([
      { from: 0, size: TABLE_SLICE_ROWS },
      { from: TABLE_SLICE_ROWS, size: TABLE_SLICE_ROWS, of: 7 },
      { from: 2 * TABLE_SLICE_ROWS, size: TABLE_SLICE_ROWS, of: 7 },
    ]);
    expect(store.table.view('queues', { vhost: '/', all: false }, 's')).toMatchObject({ result: { complete: true, total: n, fetchedAt: 7 } });
    expect(shownNames(store)).toEqual(Array.from({ length: n }, (_, i) => `q${i}@7`));
  });

  it('starts the assembly over from the newer read when the service read the list again between slices', async () => {
    const n = TABLE_SLICE_ROWS + 3;
    // Calls: the first page and slice 0 from read 7; from then on the service holds read 9.
    const bridge = slicing([{ fetchedAt: 7, n }, { fetchedAt: 9, n: n + 1 }], 2);
    const store = new TopologyStore(bridge);
    const stop = store.table.watch('queues', { vhost: '/', all: false }, 's');
    await vi.advanceTimersByTimeAsync(0);
    stop();
    expect(bridge.callsOf('topology.list').slice(3).map((c) => c.slice)).toEqual([
      { from: 0, size: TABLE_SLICE_ROWS, of: 9 },
      { from: TABLE_SLICE_ROWS, size: TABLE_SLICE_ROWS, of: 9 },
    ]);
    expect(shownNames(store)).toEqual(Array.from({ length: n + 1 }, (_, i) => `q${i}@9`));
  });

  it('keeps the rows shown beside a failed refresh', async () => {
    let fail = false;
    const bridge = new FakeBridge({ 'topology.list': () => (fail ? { ok: false, error: { code: 'TIMEOUT', message: 'slow', hint: 'wait' } } : ok(rows(3, true))) });
    const store = new TopologyStore(bridge);
    const stop = store.table.watch('queues', { all: true }, 's');
    await settle();
    fail = true;
    await vi.advanceTimersByTimeAsync(TABLE_REFRESH_MS);
    expect(store.table.view('queues', { all: true }, 's')).toMatchObject({ result: { total: 3 }, error: { code: 'TIMEOUT' } });
    stop();
  });

  it('while Warren reconnects, keeps the last rows read for the table, marked paused', () => {
    const answer = { key: 'old-session', result: rows(3, true), loading: false };
    expect(pausedView(answer, 'queues')).toMatchObject({ paused: true, result: { total: 3 } });
    expect(pausedView(answer, 'exchanges')).toEqual({ loading: true });
  });

  it('never shows one table’s rows for another', () => {
    const key = tableKey('exchanges', { all: false }, 's');
    const answer = { key: tableKey('queues', { all: false }, 's'), result: rows(3, true), loading: false };
    expect(tableView(answer, undefined, 'exchanges', key)).toEqual({ loading: true, error: undefined });
  });

  it('shows rows the service remembered as stale (as of their time), its fresh rows not', () => {
    const key = tableKey('queues', { all: false }, 's');
    const remembered = { key, result: { ...rows(3, false), remembered: true }, loading: true };
    expect(tableView(remembered, undefined, 'queues', key)).toMatchObject({ stale: true, loading: true });
    expect(tableView({ key, result: rows(3, true), loading: false }, undefined, 'queues', key).stale).toBeUndefined();
  });

  it('asks the service for one page of the rows matching a filter', async () => {
    const bridge = new FakeBridge({ 'topology.list': () => ok(rows(1, false)) });
    const store = new TopologyStore(bridge);
    await store.table.match('queues', { vhost: 'v', all: false }, 'q-09');
    expect(bridge.callsOf('topology.list').at(-1)).toEqual({ kind: 'queues', vhost: 'v', firstPage: true, filter: 'q-09' });
  });

  /** Types `text` a key every 120 ms, as the benchmark does; each key cancels the previous one's request. */
  async function typeFilter(store: TopologyStore, text: string, pauseMs: number, answers: string[]) {
    let cancel = () => undefined as void;
    for (let i = 1; i <= text.length; i++) {
      cancel();
      cancel = store.table.matchWhenTypingPauses('queues', { vhost: 'v', all: false }, text.slice(0, i), pauseMs, (answer) => {
        if (answer.ok) answers.push(answer.value.filter ?? '');
      });
      await vi.advanceTimersByTimeAsync(120);
    }
    await vi.advanceTimersByTimeAsync(pauseMs);
  }

  it('asks the broker for matches once typing pauses, for the filter typed', async () => {
    const bridge = new FakeBridge({ 'topology.list': (input) => ok({ ...rows(1, false), filter: input.filter }) });
    const answers: string[] = [];
    await typeFilter(new TopologyStore(bridge), 'q-0999', 300, answers);
    expect(bridge.callsOf('topology.list').map((c) => c.filter)).toEqual(['q-0999']);
    expect(answers).toEqual(['q-0999']);
  });

  it('waits for typing to pause unless the rows come from a full list the service remembers', () => {
    expect(serverFilterPause({ ...rows(100, false), total: 3, remembered: true })).toBe(0);
    expect(serverFilterPause({ ...rows(100, false), total: 3 })).toBe(BROKER_FILTER_PAUSE_MS);
    expect(serverFilterPause({ ...rows(100, false), total: FULL_LIST_MAX_ROWS + 1, remembered: true })).toBe(BROKER_FILTER_PAUSE_MS);
    expect(serverFilterPause(undefined)).toBe(BROKER_FILTER_PAUSE_MS);
  });

  it('follows matches from the names of a table too big to read whole with the broker’s own, and hands over both', async () => {
    const big = FULL_LIST_MAX_ROWS + 1;
    const bridge = new FakeBridge({
      'topology.list': (input) => ok({ ...rows(1, false), total: big, filter: input.filter, ...(input.fresh ? {} : { remembered: true }) }),
    });
    const answers: { remembered?: boolean }[] = [];
    new TopologyStore(bridge).table.matchWhenTypingPauses('queues', { vhost: 'v', all: false }, 'q-0999', 0, (answer) => answer.ok && answers.push({ remembered: answer.value.remembered }));
    await vi.advanceTimersByTimeAsync(0);
    expect(bridge.callsOf('topology.list')).toEqual([
      { kind: 'queues', vhost: 'v', firstPage: true, filter: 'q-0999' },
      { kind: 'queues', vhost: 'v', firstPage: true, filter: 'q-0999', fresh: true },
    ]);
    expect(answers).toEqual([{ remembered: true }, { remembered: undefined }]);
  });

  it('asks again after a failed filter request while the filter stands, and not after it changed', async () => {
    let calls = 0;
    const bridge = new FakeBridge({
      'topology.list': (input) => (++calls === 1 ? { ok: false, error: { code: 'UNREACHABLE', message: 'socket hang up', hint: '' } } : ok({ ...rows(1, false), filter: input.filter })),
    });
    const answers: string[] = [];
    const cancel = new TopologyStore(bridge).table.matchWhenTypingPauses('queues', { vhost: 'v', all: false }, 'q-0999', 0, (answer) => answers.push(answer.ok ? 'rows' : answer.error.message));
    await vi.advanceTimersByTimeAsync(FILTER_RETRY_MS);
    expect(answers).toEqual(['socket hang up', 'rows']);
    cancel();

    calls = 0;
    const again = new TopologyStore(bridge).table.matchWhenTypingPauses('queues', { vhost: 'v', all: false }, 'q-0999', 0, () => undefined);
    await vi.advanceTimersByTimeAsync(0);
    again(); // the user typed on
    await vi.advanceTimersByTimeAsync(FILTER_RETRY_MS * 3);
    expect(calls).toBe(1);
  });

  it('asks nothing more after remembered matches of a table read whole (its whole list is on its way)', async () => {
    const bridge = new FakeBridge({ 'topology.list': (input) => ok({ ...rows(1, false), total: 3, filter: input.filter, remembered: true }) });
    new TopologyStore(bridge).table.matchWhenTypingPauses('queues', { vhost: 'v', all: false }, 'q', 0, () => undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(bridge.callsOf('topology.list')).toHaveLength(1);
  });

  it('asks the service at every key when it answers from memory, and takes only the latest answer', async () => {
    // Each answer takes 500 ms, so the earlier ones arrive after the next key was typed.
    const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 500));
    const bridge = new FakeBridge({ 'topology.list': (input) => later(ok({ ...rows(1, false), filter: input.filter })) });
    const answers: string[] = [];
    await typeFilter(new TopologyStore(bridge), 'q-0', 0, answers);
    await vi.advanceTimersByTimeAsync(500);
    expect(bridge.callsOf('topology.list').map((c) => c.filter)).toEqual(['q', 'q-', 'q-0']);
    expect(answers).toEqual(['q-0']);
  });
});

describe('TopologyStore snapshot', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('polls the vhost’s snapshot while watched, and shows it for that vhost only', async () => {
    const bridge = new FakeBridge({ 'topology.snapshot': (input) => ok({ vhost: input.vhost, exchanges: [], queues: [], bindings: [] } as unknown as TopologySnapshot) });
    const store = new TopologyStore(bridge);
    const stop = store.snapshot.watch('/');
    await settle();
    await vi.advanceTimersByTimeAsync(SNAPSHOT_REFRESH_MS);
    expect(bridge.callsOf('topology.snapshot')).toHaveLength(2);
    expect(snapshotView(store.snapshot.getSnapshot(), '/').snapshot?.vhost).toBe('/');
    expect(snapshotView(store.snapshot.getSnapshot(), 'other').snapshot).toBeUndefined();
    stop();
  });
});

describe('TopologyStore commands', () => {
  it('purge, delete and unbind answer with the sentence the page shows', async () => {
    const bridge = new FakeBridge({
      'topology.purge': (input) => ok({ queue: input.queue, vhost: '/', purged: 1200 }),
      'topology.delete': (input) => ok({ kind: input.kind, name: input.name, vhost: '/', messagesDeleted: 1 } as never),
      'topology.unbind': () => ok({} as never),
    });
    const store = new TopologyStore(bridge);
    expect(await store.purge('orders')).toEqual({ ok: true, value: 'Purged 1,200 messages from orders' });
    expect(await store.deleteQueue('orders', { ifUnused: true, ifEmpty: false })).toEqual({ ok: true, value: 'Deleted queue orders (1 message lost)' });
    expect(bridge.callsOf('topology.delete')[0]).toEqual({ kind: 'queue', name: 'orders', ifUnused: true, ifEmpty: false });
    expect(await store.unbind({ source: 'x', destination: 'q', destinationType: 'queue', routingKey: 'k', propertiesKey: 'k' })).toEqual({ ok: true, value: 'Removed the binding from x to q' });
  });

  it('passes a refusal through unchanged', async () => {
    const error = { code: 'PRECONDITION_FAILED' as const, message: 'inequivalent arg', hint: 'h' };
    const store = new TopologyStore(new FakeBridge({ 'topology.declareQueue': () => ({ ok: false, error }) }));
    expect(await store.declareQueue({ name: 'q' } as never, '/')).toEqual({ ok: false, error });
  });

  it('asks the exchange types once', async () => {
    const bridge = new FakeBridge({ 'topology.exchangeTypes': () => ok(['direct', 'x-delayed-message']) });
    const store = new TopologyStore(bridge);
    await store.loadExchangeTypes();
    await store.loadExchangeTypes();
    expect(store.getSnapshot().exchangeTypes).toEqual(['direct', 'x-delayed-message']);
    expect(bridge.callsOf('topology.exchangeTypes')).toHaveLength(1);
  });
});
