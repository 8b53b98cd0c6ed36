import { describe, expect, it, vi } from 'vitest';
import type { TableResult } from '../../../../shared/topology/types';
import { MAX_REMEMBERED_ROWS, NAMES_MAX_AGE_MS, TableMemory, type TableNames } from '../../../../main/service/topology/table-memory';

const list = (vhost: string | undefined, over: Partial<TableResult> = {}): TableResult => ({
  data: { kind: 'queues', rows: [] },
  total: 0,
  complete: true,
  vhost,
  fetchedAt: 1,
  tookMs: 1,
  ...over,
});

describe('the service’s memory of full table lists', () => {
  it('keeps complete lists per client, kind and vhost', () => {
    const memory = new TableMemory();
    const a = {};
    const b = {};
    memory.set(a, 'queues', list('v1'));
    expect(memory.get(a, 'queues', 'v1')).toBeDefined();
    expect(memory.get(b, 'queues', 'v1')).toBeUndefined();
    expect(memory.get(a, 'exchanges', 'v1')).toBeUndefined();
    expect(memory.get(a, 'queues', undefined)).toBeUndefined();
  });

  it('never keeps a first page, a filtered answer or a remembered one', () => {
    const memory = new TableMemory();
    const a = {};
    memory.set(a, 'queues', list('p', { complete: false }));
    memory.set(a, 'queues', list('f', { filter: 'x' }));
    memory.set(a, 'queues', list('r', { remembered: true }));
    expect(['p', 'f', 'r'].map((v) => memory.get(a, 'queues', v))).toEqual([undefined, undefined, undefined]);
  });

  it('forgets a vhost’s lists and the every-vhost lists once Warren changed that vhost', () => {
    const memory = new TableMemory();
    const a = {};
    memory.set(a, 'queues', list('v1'));
    memory.set(a, 'queues', list('v2'));
    memory.set(a, 'queues', list(undefined));
    memory.forget(a, 'v1');
    expect(memory.get(a, 'queues', 'v1')).toBeUndefined();
    expect(memory.get(a, 'queues', undefined)).toBeUndefined();
    expect(memory.get(a, 'queues', 'v2')).toBeDefined();
  });

  it('holds at most 8 tables per client, dropping the oldest', () => {
    const memory = new TableMemory();
    const a = {};
    for (let i = 0; i < 10; i++) memory.set(a, 'queues', list(`v${i}`));
    expect(memory.get(a, 'queues', 'v0')).toBeUndefined();
    expect(memory.get(a, 'queues', 'v1')).toBeUndefined();
    expect(memory.get(a, 'queues', 'v9')).toBeDefined();
  });
});

describe('the service’s memory in rows', () => {
  const rows = (n: number) => ({ kind: 'queues', rows: Array.from({ length: n }, () => ({})) }) as unknown as TableResult['data'];

  it(`holds at most ${MAX_REMEMBERED_ROWS.toLocaleString('en')} rows per client, dropping the oldest lists, but always the newest`, () => {
    const memory = new TableMemory();
    const a = {};
    memory.set(a, 'queues', list('v1', { data: rows(MAX_REMEMBERED_ROWS / 2) }));
    memory.set(a, 'queues', list('v2', { data: rows(MAX_REMEMBERED_ROWS / 2) }));
    expect(memory.get(a, 'queues', 'v1')).toBeDefined();
    memory.set(a, 'queues', list('v3', { data: rows(1) }));
    expect(memory.get(a, 'queues', 'v1')).toBeUndefined();
    expect(memory.get(a, 'queues', 'v2')).toBeDefined();
    memory.set(a, 'queues', list('big', { data: rows(MAX_REMEMBERED_ROWS + 1) }));
    expect(['v2', 'v3', 'big'].map((v) => memory.get(a, 'queues', v) !== undefined)).toEqual([false, false, true]);
  });
});

describe('the service’s one read of a full list at a time', () => {
  const pending = () => {
    let resolve = (_: TableResult) => undefined as void;
    const promise = new Promise<TableResult>((r) => (resolve = r));
    return { promise, resolve };
  };

  it('gives a second caller the answer of the read already in flight for that table, and reads again after it', async () => {
    const memory = new TableMemory();
    const a = {};
    const first = pending();
    let reads = 0;
    const read = () => (reads++, reads === 1 ? first.promise : Promise.resolve(list('v', { fetchedAt: 2 })));
    const one = memory.shared(a, 'queues', 'v', read);
    const two = memory.shared(a, 'queues', 'v', read);
    const other = memory.shared(a, 'exchanges', 'v', read);
    expect(reads).toBe(2);
    first.resolve(list('v'));
    expect(await two).toBe(await one);
    await other;
    await memory.shared(a, 'queues', 'v', read);
    expect(reads).toBe(3);
  });

  it('starts a new read once Warren changed the vhost, and never remembers a list read before the change', async () => {
    const memory = new TableMemory();
    const a = {};
    const before = pending();
    let reads = 0;
    const read = () => (reads++, reads === 1 ? before.promise : Promise.resolve(list('v', { fetchedAt: Date.now() + 1 })));
    const old = memory.shared(a, 'queues', 'v', read);
    memory.forget(a, 'v');
    await memory.shared(a, 'queues', 'v', read);
    expect(reads).toBe(2);
    before.resolve(list('v', { fetchedAt: 1 }));
    memory.set(a, 'queues', await old);
    expect(memory.get(a, 'queues', 'v')).toBeUndefined();
    memory.set(a, 'queues', list(undefined, { fetchedAt: 1 }));
    expect(memory.get(a, 'queues', undefined)).toBeUndefined();
    memory.set(a, 'queues', list('v', { fetchedAt: Date.now() + 1 }));
    expect(memory.get(a, 'queues', 'v')).toBeDefined();
  });
});

describe('the service’s memory of a big table’s names', () => {
  const later = () => {
    let resolve!: (names: TableNames) => void;
    const read = vi.fn(() => new Promise<TableNames>((r) => (resolve = r)));
    return { read, answer: (readAt: number) => resolve({ names: [{ vhost: 'v', name: 'q' }], readAt }) };
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('reads them once at a time, keeps them, and does not read them again while they are younger than the limit', async () => {
    const memory = new TableMemory();
    const a = {};
    const first = later();
    memory.refreshNames(a, 'queues', 'v', first.read);
    memory.refreshNames(a, 'queues', 'v', first.read);
    expect(first.read).toHaveBeenCalledTimes(1);
    first.answer(Date.now());
    await settle();
    expect(memory.getNames(a, 'queues', 'v')?.names).toEqual([{ vhost: 'v', name: 'q' }]);
    const again = later();
    memory.refreshNames(a, 'queues', 'v', again.read);
    expect(again.read).not.toHaveBeenCalled();
  });

  it('reads again once the names are older than the limit, and drops a read that began before Warren changed the vhost', async () => {
    const memory = new TableMemory();
    const a = {};
    const stale = later();
    memory.refreshNames(a, 'queues', 'v', stale.read);
    stale.answer(Date.now() - NAMES_MAX_AGE_MS - 1);
    await settle();
    const refresh = later();
    memory.refreshNames(a, 'queues', 'v', refresh.read);
    expect(refresh.read).toHaveBeenCalledTimes(1);
    memory.forget(a, 'v');
    expect(memory.getNames(a, 'queues', 'v')).toBeUndefined();
    refresh.answer(Date.now() - 1_000);
    await settle();
    expect(memory.getNames(a, 'queues', 'v')).toBeUndefined();
  });

  it('hands the read in flight to whoever waits for it: the names it kept, or nothing when it failed', async () => {
    const memory = new TableMemory();
    const a = {};
    expect(memory.namesBeingRead(a, 'queues', 'v')).toBeUndefined();
    const first = later();
    memory.refreshNames(a, 'queues', 'v', first.read);
    const waiting = memory.namesBeingRead(a, 'queues', 'v');
    expect(waiting).toBeDefined();
    first.answer(Date.now());
    expect((await waiting)?.names).toEqual([{ vhost: 'v', name: 'q' }]);
    expect(memory.namesBeingRead(a, 'queues', 'v')).toBeUndefined();
    memory.refreshNames(a, 'queues', 'w', () => Promise.reject(new Error('socket hang up')));
    await expect(memory.namesBeingRead(a, 'queues', 'w')).resolves.toBeUndefined();
  });

  it('keeps nothing when the read fails', async () => {
    const memory = new TableMemory();
    const a = {};
    memory.refreshNames(a, 'queues', 'v', () => Promise.reject(new Error('closed by the broker')));
    await settle();
    expect(memory.getNames(a, 'queues', 'v')).toBeUndefined();
  });
});

