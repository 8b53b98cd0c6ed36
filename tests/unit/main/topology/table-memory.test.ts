import { describe, expect, it } from 'vitest';
import type { TableResult } from '../../../../shared/topology/types';
import { TableMemory } from '../../../../main/service/topology/table-memory';

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
