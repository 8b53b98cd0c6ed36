import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../../shared/topology/rows';
import { topologyFixture, type TopologyFixture } from '../../support/topology';

const names = (r: { data: Parameters<typeof rowsOf>[0] }) => rowsOf(r.data, 'queues').map((q) => q.name);

describe('topology: a first page and a filter before every row is here', () => {
  let f: TopologyFixture;
  beforeEach(async () => {
    f = await topologyFixture('topo-first');
    const ch = await f.other.createChannel();
    for (let i = 0; i < 130; i++) await ch.assertQueue(`q-${String(i).padStart(3, '0')}`, { durable: false });
    await ch.close();
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
