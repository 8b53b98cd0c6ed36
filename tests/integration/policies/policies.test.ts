/**
 * Policies through the service against the real broker: saved and deleted as asked, a bad
 * pattern refused before anything is sent, and Warren's idea of which policy applies to which
 * queue or exchange (shared/policies/match.ts) agrees with the broker's own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { effectivePolicies } from '../../../shared/policies/match';
import { waitFor } from '../../support/broker';
import { adminApi } from '../../support/definitions';
import { topologyFixture, type TopologyFixture } from '../../support/topology';

const enc = encodeURIComponent;
const fixtures: TopologyFixture[] = [];
afterEach(async () => {
  for (const f of fixtures.splice(0)) await f.close();
});

async function fixture() {
  const f = await topologyFixture('policies');
  fixtures.push(f);
  return f;
}

interface BrokerRow {
  name: string;
  policy?: string | null;
  operator_policy?: string | null;
  effective_policy_definition?: Record<string, unknown> | unknown[] | null;
}

describe('policies against the real broker', () => {
  it('Warren names the same winning policy, operator policy and effective keys as the broker, for queues and exchanges', async () => {
    const f = await fixture();
    const http = adminApi();
    const v = enc(f.vhost);
    for (const q of ['orders.eu', 'orders.us', 'invoices', 'audit']) await http.put(`/queues/${v}/${q}`, { durable: true });
    await http.put(`/queues/${v}/votes`, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await http.put(`/exchanges/${v}/orders`, { type: 'topic', durable: true });
    await f.call('policies.save', { vhost: f.vhost, name: 'everything', pattern: '.*', applyTo: 'queues', priority: 0, definition: { 'max-length': 1000 } });
    await f.call('policies.save', { vhost: f.vhost, name: 'orders', pattern: '^orders\\.', applyTo: 'all', priority: 5, definition: { 'message-ttl': 60000, 'max-length': 500 } });
    await f.call('policies.save', { vhost: f.vhost, name: 'ae', pattern: '^orders$', applyTo: 'exchanges', priority: 1, definition: { 'alternate-exchange': 'amq.fanout' } });
    await f.call('policies.save', { vhost: f.vhost, name: 'cap', pattern: '^(orders|audit)', applyTo: 'queues', priority: 0, definition: { 'max-length': 100 }, operator: true });

    const view = await f.call('policies.view', { vhost: f.vhost });
    expect(view.policies.map((p) => `${p.name}${p.operator ? ' (operator)' : ''}`)).toContain('cap (operator)');
    const ours = effectivePolicies([...view.queues, ...view.exchanges], view.policies);
    /** Where the broker (GET of each queue and exchange) and Warren differ: policy, operator policy, effective keys. */
    const differences = async (): Promise<string[]> => {
      const out: string[] = [];
      for (const e of ours) {
        const row = (await http.get<BrokerRow>(`/${e.target.kind === 'queue' ? 'queues' : 'exchanges'}/${v}/${enc(e.target.name)}`)).data;
        const effective = Array.isArray(row.effective_policy_definition) ? {} : (row.effective_policy_definition ?? {});
        const theirs = { policy: row.policy ?? undefined, ...(e.target.kind === 'queue' ? { operator: row.operator_policy ?? undefined, keys: effective } : {}) };
        const mine = { policy: e.policy, ...(e.target.kind === 'queue' ? { operator: e.operatorPolicy, keys: Object.fromEntries(e.keys.map((k) => [k.key, k.value])) } : {}) };
        if (JSON.stringify(theirs) !== JSON.stringify(mine)) out.push(`${e.target.kind} ${e.target.name}: broker ${JSON.stringify(theirs)}, Warren ${JSON.stringify(mine)}`);
      }
      return out;
    };
    // The broker applies policies a moment after they are set: wait for it to settle, then compare.
    await waitFor(async () => (await differences()).length === 0, 20_000, 250).catch(() => undefined);
    expect(await differences()).toEqual([]);
    expect(ours.filter((e) => e.policy !== undefined)).toHaveLength(6);
    // The figures the test is about, spelled out.
    expect(ours.find((e) => e.target.name === 'orders.eu')!.keys).toEqual([
      { key: 'max-length', value: 100, from: 'cap' },
      { key: 'message-ttl', value: 60000, from: 'orders' },
    ]);
  });

  it('a pattern that is not a regular expression is refused before anything is sent; a key the broker does not know is its refusal; delete removes it', async () => {
    const f = await fixture();
    const bad = await f.refused('policies.save', { vhost: f.vhost, name: 'p', pattern: 'orders(', definition: { 'max-length': 1 } });
    expect(bad).toMatchObject({ code: 'BAD_INPUT', field: 'pattern', hint: expect.stringMatching(/regular expression/) });
    const unknownKey = await f.refused('policies.save', { vhost: f.vhost, name: 'p', pattern: '.*', definition: { 'max-lenght': 1 } });
    expect(unknownKey).toMatchObject({ code: 'BAD_INPUT', status: 400, message: expect.stringContaining('max-lenght') });
    expect((await f.call('policies.view', { vhost: f.vhost })).policies).toEqual([]);
    await f.call('policies.save', { vhost: f.vhost, name: 'p', pattern: '.*', definition: { 'max-length': 1 } });
    expect((await f.call('policies.view', { vhost: f.vhost })).policies.map((p) => p.name)).toEqual(['p']);
    await f.call('policies.delete', { vhost: f.vhost, name: 'p' });
    expect((await f.call('policies.view', { vhost: f.vhost })).policies).toEqual([]);
  });
});
