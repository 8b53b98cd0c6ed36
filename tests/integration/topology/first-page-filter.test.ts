import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rowsOf } from '../../../shared/topology/rows';
import { topologyFixture, type TopologyFixture } from '../../support/topology';
import { testBroker } from '../../support/broker';
import { ManagementClient } from '../../../main/service/broker/management';
import { listTable } from '../../../main/service/topology/lists';
import { TableMemory } from '../../../main/service/topology/table-memory';

const names = (r: { data: Parameters<typeof rowsOf>[0] }) => rowsOf(r.data, 'queues').map((q) => q.name);

/** A fresh vhost holding q-000 … q-129 (declared by another client), and a management client of the run's broker. */
async function hundredThirtyQueues(label: string): Promise<{ f: TopologyFixture; management: ManagementClient }> {
  const f = await topologyFixture(label);
  const b = testBroker();
  const management = new ManagementClient({ url: b.managementUrl, username: b.username, password: b.password });
  const ch = await f.other.createChannel();
  for (let i = 0; i < 130; i++) await ch.assertQueue(`q-${String(i).padStart(3, '0')}`, { durable: false });
  await ch.close();
  return { f, management };
}

describe('topology: a first page and a filter before every row is here', () => {
  let f: TopologyFixture;
  beforeEach(async () => {
    ({ f } = await hundredThirtyQueues('topo-first'));
  });
  afterEach(async () => {
    await f.close();
  });

  it('asks the broker for one page of the matching names when it remembers no list (substring any case, or /regex/)', async () => {
    const sub = await f.call('topology.list', { kind: 'queues', firstPage: true, filter: 'Q-01' });
    expect(names(sub)).toEqual(Array.from({ length: 10 }, (_, i) => `q-01${i}`));
    expect(sub).toMatchObject({ total: 130, matched: 10, complete: false, filter: 'Q-01' });
    expect(sub.remembered).toBeUndefined();
    const re = await f.call('topology.list', { kind: 'queues', firstPage: true, filter: '/^q-1[0-2]\\d$/' });
    expect(names(re)).toHaveLength(30);
    expect(re.matched).toBe(30);
    expect(names(re).every((n) => /^q-1[0-2]\d$/.test(n))).toBe(true);
  });

  it('answers a first page and a filter from the last full list, marked remembered with its time, until Warren changes the vhost', async () => {
    const all = await f.call('topology.list', { kind: 'queues' });
    expect(all.complete).toBe(true);
    const first = await f.call('topology.list', { kind: 'queues', firstPage: true });
    expect(first).toMatchObject({ remembered: true, complete: false, total: 130, fetchedAt: all.fetchedAt });
    expect(names(first)).toEqual(names(all).slice(0, 100));
    const matching = await f.call('topology.list', { kind: 'queues', firstPage: true, filter: 'q-12' });
    expect(matching).toMatchObject({ remembered: true, matched: 10, filter: 'q-12' });
    expect(names(matching)).toEqual(Array.from({ length: 10 }, (_, i) => `q-12${i}`));

    await f.call('topology.declareQueue', { name: 'q-130', durable: false });
    const after = await f.call('topology.list', { kind: 'queues', firstPage: true });
    expect(after.remembered).toBeUndefined();
    expect(after.total).toBe(131);
  });

  it('answers two full lists asked at once with one read of the broker (the same answer)', async () => {
    const [one, two] = await Promise.all([f.call('topology.list', { kind: 'queues' }), f.call('topology.list', { kind: 'queues' })]);
    expect(two).toBe(one);
    expect(names(one)).toHaveLength(130);
    const later = await f.call('topology.list', { kind: 'queues' });
    expect(later).not.toBe(one);
  });

  it('answers a full list in slices of one read, and a slice after Warren changed the vhost from a new read', async () => {
    const first = await f.call('topology.list', { kind: 'queues', slice: { from: 0, size: 50 } });
    expect(first).toMatchObject({ total: 130, complete: false, sliceFrom: 0 });
    const of = first.fetchedAt;
    const second = await f.call('topology.list', { kind: 'queues', slice: { from: 50, size: 50, of } });
    const third = await f.call('topology.list', { kind: 'queues', slice: { from: 100, size: 50, of } });
    expect([second.fetchedAt, third.fetchedAt]).toEqual([of, of]);
    expect([...names(first), ...names(second), ...names(third)]).toEqual(Array.from({ length: 130 }, (_, i) => `q-${String(i).padStart(3, '0')}`));
    const whole = await f.call('topology.list', { kind: 'queues', slice: { from: 0, size: 500 } });
    expect(whole).toMatchObject({ total: 130, complete: true });

    await f.call('topology.declareQueue', { name: 'q-130', durable: false });
    const after = await f.call('topology.list', { kind: 'queues', slice: { from: 100, size: 50, of: whole.fetchedAt } });
    expect(after.fetchedAt).toBeGreaterThan(whole.fetchedAt);
    expect(after.total).toBe(131);
    expect(names(after).at(-1)).toBe('q-130');
  });

  it('answers a first page from the last first page read, until asked fresh or Warren changes the vhost; never a filter', async () => {
    const read = await f.call('topology.list', { kind: 'queues', firstPage: true });
    expect(read.remembered).toBeUndefined();
    const again = await f.call('topology.list', { kind: 'queues', firstPage: true });
    expect(again).toMatchObject({ remembered: true, fetchedAt: read.fetchedAt, total: 130 });
    expect(names(again)).toEqual(names(read));
    const fresh = await f.call('topology.list', { kind: 'queues', firstPage: true, fresh: true });
    expect(fresh.remembered).toBeUndefined();
    const filtered = await f.call('topology.list', { kind: 'queues', firstPage: true, filter: 'q-12' });
    expect(filtered.remembered).toBeUndefined();
    await f.call('topology.declareQueue', { name: 'q-130', durable: false });
    const after = await f.call('topology.list', { kind: 'queues', firstPage: true });
    expect(after.remembered).toBeUndefined();
    expect(after.total).toBe(131);
  });

  it('refuses a filter that is not a valid regular expression, with a hint', async () => {
    const error = await f.refused('topology.list', { kind: 'queues', firstPage: true, filter: '/(unclosed' });
    expect(error.code).toBe('BAD_INPUT');
    expect(error.hint).toMatch(/regular expression/);
  });
});

describe('topology: the page of a table too big to read whole, read by name', () => {
  let f: TopologyFixture;
  let management: ManagementClient;
  beforeEach(async () => {
    ({ f, management } = await hundredThirtyQueues('topo-byname'));
    const ch = await f.other.createChannel();
    for (let i = 0; i < 3; i++) ch.sendToQueue('q-005', Buffer.from('x'));
    await ch.close();
  });
  afterEach(async () => {
    await f.close();
  });

  // byNameAbove: 50 makes these 130 queues a table "too big" (in use: 50,000 rows).
  const byName = (options: { filter?: string; memory?: TableMemory; fresh?: boolean } = {}) => listTable(management, 'queues', f.vhost, { firstPage: true, byNameAbove: 50, ...options });
  const plain = (filter?: string) => listTable(management, 'queues', f.vhost, { firstPage: true, byNameAbove: 1_000_000, filter });

  it("gives the same first page, counts and filtered page as the broker's page with statistics", async () => {
    const asked = vi.spyOn(management, 'get');
    for (const filter of [undefined, 'Q-01', '/^q-1[0-2]\\d$/', 'nothing-matches']) {
      asked.mockClear();
      const named = await byName({ filter });
      // One names page without statistics, then one read per row it names.
      expect(asked.mock.calls[0]?.[1]).toMatchObject({ disable_stats: true, page: 1 });
      expect(asked.mock.calls.slice(1).map(([path]) => path)).toEqual(names(named).map((n) => `/queues/${encodeURIComponent(f.vhost)}/${n}`));
      const paged = await plain(filter);
      expect(names(named), String(filter)).toEqual(names(paged));
      expect({ total: named.total, matched: named.matched, complete: named.complete }).toEqual({ total: paged.total, matched: paged.matched, complete: paged.complete });
    }
    expect(names(await byName())).toHaveLength(100);
    expect((await byName({ filter: '/^q-1[0-2]\\d$/' })).matched).toBe(30);
  });

  it('fills each row of the page with its own statistics (a queue holding 3 messages says 3)', async () => {
    await expect.poll(async () => rowsOf((await byName({ filter: 'q-005' })).data, 'queues')[0]?.total, { timeout: 15_000 }).toBe(3);
    const row = rowsOf((await byName({ filter: 'q-005' })).data, 'queues')[0];
    expect(row).toMatchObject({ name: 'q-005', vhost: f.vhost, type: 'classic', state: 'running', ready: 3, durable: false });
  });

  it('remembers the first page read by name and answers it again, marked remembered', async () => {
    const memory = new TableMemory();
    const read = await byName({ memory });
    expect(memory.getFirstPage(management, 'queues', f.vhost)).toBe(read);
    const again = await byName({ memory });
    expect(again).toMatchObject({ remembered: true, fetchedAt: read.fetchedAt, total: 130 });
  });
});

describe('topology: the filter of a table too big to read whole, from the names the service keeps', () => {
  let f: TopologyFixture;
  let management: ManagementClient;
  beforeEach(async () => {
    ({ f, management } = await hundredThirtyQueues('topo-names'));
  });
  afterEach(async () => {
    await f.close();
  });

  // namesAbove/byNameAbove: 50 make these 130 queues a table too big to read whole (in use: 50,000 / 2,000).
  const list = (memory: TableMemory, options: { filter?: string; fresh?: boolean } = {}) =>
    listTable(management, 'queues', f.vhost, { firstPage: true, byNameAbove: 50, namesAbove: 50, memory, ...options });

  it('keeps the names once a first page shows the table is that big, and answers a filter from them marked remembered; fresh asks the broker', async () => {
    const memory = new TableMemory();
    const asked = vi.spyOn(management, 'get');
    expect((await list(memory, { filter: 'q-12' })).remembered).toBeUndefined(); // nothing kept yet: the broker answers
    await list(memory);
    await expect.poll(() => memory.getNames(management, 'queues', f.vhost)?.names.length).toBe(130);
    const kept0 = memory.getNames(management, 'queues', f.vhost)!;
    // The names: one list without statistics.
    expect(asked.mock.calls.some(([path, params]) => path === `/queues/${encodeURIComponent(f.vhost)}` && params?.disable_stats === true && params.page === undefined)).toBe(true);

    asked.mockClear();
    const kept = await list(memory, { filter: 'q-12' });
    expect(kept).toMatchObject({ remembered: true, fetchedAt: kept0.readAt, total: 130, matched: 10, filter: 'q-12', complete: false });
    expect(names(kept)).toEqual(Array.from({ length: 10 }, (_, i) => `q-12${i}`));
    // Only the matching rows were read, each on its own.
    expect(asked.mock.calls.map(([path]) => path)).toEqual(names(kept).map((n) => `/queues/${encodeURIComponent(f.vhost)}/${n}`));

    // A queue another client declares since is not in the names; the broker's own (fresh) answer has it.
    const ch = await f.other.createChannel();
    await ch.assertQueue('q-12x', { durable: false });
    await ch.deleteQueue('q-120');
    await ch.close();
    const stale = await list(memory, { filter: 'q-12' });
    expect(names(stale)).not.toContain('q-12x');
    expect(names(stale)).not.toContain('q-120'); // deleted since: its row is gone, so it is left out
    const fresh = await list(memory, { filter: 'q-12', fresh: true });
    expect(fresh.remembered).toBeUndefined();
    expect(names(fresh)).toContain('q-12x');
    expect(names(fresh)).not.toContain('q-120');
  });

  it('a filter asked while the names are being read waits for them and is answered from them, without asking the broker to filter', async () => {
    const memory = new TableMemory();
    await list(memory); // the first page shows the table is that big: its names are read now
    expect(memory.namesBeingRead(management, 'queues', f.vhost)).toBeDefined();
    const asked = vi.spyOn(management, 'get');
    const filtered = await list(memory, { filter: 'q-12' });
    expect(filtered).toMatchObject({ remembered: true, matched: 10, filter: 'q-12' });
    expect(names(filtered)).toEqual(Array.from({ length: 10 }, (_, i) => `q-12${i}`));
    expect(asked.mock.calls.some(([, params]) => params?.name !== undefined)).toBe(false);
  });

  it('forgets the names when Warren changes the vhost', async () => {
    const memory = new TableMemory();
    await list(memory);
    await expect.poll(() => memory.getNames(management, 'queues', f.vhost)).toBeDefined();
    memory.forget(management, f.vhost);
    expect(memory.getNames(management, 'queues', f.vhost)).toBeUndefined();
    expect((await list(memory, { filter: 'q-12' })).remembered).toBeUndefined();
  });
});

describe('topology: exchanges read by name', () => {
  let f: TopologyFixture;
  beforeEach(async () => {
    f = await topologyFixture('topo-byname-x');
  });
  afterEach(async () => {
    await f.close();
  });

  it('reads the default exchange (named "" in lists) by its own path, amq.default', async () => {
    const b = testBroker();
    const management = new ManagementClient({ url: b.managementUrl, username: b.username, password: b.password });
    const named = await listTable(management, 'exchanges', f.vhost, { firstPage: true, byNameAbove: 2 });
    const paged = await listTable(management, 'exchanges', f.vhost, { firstPage: true, byNameAbove: 1_000 });
    expect(rowsOf(named.data, 'exchanges')).toEqual(rowsOf(paged.data, 'exchanges'));
    expect(rowsOf(named.data, 'exchanges').map((x) => x.name)).toContain('');
  });
});

