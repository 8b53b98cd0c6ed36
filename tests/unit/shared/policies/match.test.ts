/** Which policy applies to which queue or exchange (RabbitMQ's rules), and the live preview of a draft. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, effectivePolicies, previewPolicy } from '../../../../shared/policies/match';
import type { Policy, PolicyTarget } from '../../../../shared/policies/types';

const policy = (name: string, pattern: string, priority: number, definition: Record<string, unknown>, extra: Partial<Policy> = {}): Policy => ({ vhost: 'v', name, pattern, applyTo: 'all', priority, definition, operator: false, ...extra });
const queue = (name: string, queueType = 'classic'): PolicyTarget => ({ kind: 'queue', name, queueType });
const exchange = (name: string): PolicyTarget => ({ kind: 'exchange', name });

describe('effective policies', () => {
  it('the highest priority of the matching policies wins; apply-to and the pattern decide who matches', () => {
    const policies = [policy('all', '.*', 0, { 'max-length': 100 }), policy('orders', '^orders\\.', 5, { 'message-ttl': 60000 }), policy('ex', '.*', 9, { 'alternate-exchange': 'ae' }, { applyTo: 'exchanges' })];
    const [q1, q2, e] = effectivePolicies([queue('orders.eu'), queue('invoices'), exchange('orders.x')], policies);
    expect(q1).toMatchObject({ policy: 'orders', tiedWith: [], keys: [{ key: 'message-ttl', value: 60000, from: 'orders' }] });
    expect(q2).toMatchObject({ policy: 'all', keys: [{ key: 'max-length', value: 100, from: 'all' }] });
    expect(e).toMatchObject({ policy: 'ex' });
  });

  it('names a tie of the top priority; quorum_queues applies only to quorum queues', () => {
    const [q] = effectivePolicies([queue('a')], [policy('b', 'a', 1, {}), policy('a', '.*', 1, {})]);
    expect(q).toMatchObject({ policy: 'a', tiedWith: ['b'] });
    const quorumOnly = [policy('qq', '.*', 0, { 'delivery-limit': 3 }, { applyTo: 'quorum_queues' })];
    expect(effectivePolicies([queue('x', 'quorum'), queue('y', 'classic')], quorumOnly).map((e) => e.policy)).toEqual(['qq', undefined]);
  });

  it('merges the winning operator policy: for a key both set, the smaller number wins', () => {
    const [q] = effectivePolicies([queue('q')], [policy('user', '.*', 0, { 'max-length': 500, 'dead-letter-exchange': 'dlx' }), policy('cap', '.*', 0, { 'max-length': 100, 'message-ttl': 1000 }, { operator: true })]);
    expect(q!.keys).toEqual([
      { key: 'dead-letter-exchange', value: 'dlx', from: 'user' },
      { key: 'max-length', value: 100, from: 'cap' },
      { key: 'message-ttl', value: 1000, from: 'cap' },
    ]);
    const [loose] = effectivePolicies([queue('q')], [policy('user', '.*', 0, { 'max-length': 50 }), policy('cap', '.*', 0, { 'max-length': 100 }, { operator: true })]);
    expect(loose!.keys).toEqual([{ key: 'max-length', value: 50, from: 'user' }]);
  });

  it('property: the winner is a matching policy of the highest priority, and no matching policy has a higher one', () => {
    const names = ['orders.eu', 'orders.us', 'invoices', 'audit.log', 'x'];
    const pat = fc.constantFrom('.*', '^orders', 'eu$', '^a', 'o', '^x$', '^$');
    const arb = fc.uniqueArray(fc.record({ name: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5'), pattern: pat, priority: fc.integer({ min: 0, max: 3 }) }), { selector: (p) => p.name, maxLength: 5 });
    fc.assert(
      fc.property(arb, (drafts) => {
        const policies = drafts.map((d) => policy(d.name, d.pattern, d.priority, {}));
        for (const e of effectivePolicies(names.map((n) => queue(n)), policies)) {
          const matching = policies.filter((p) => new RegExp(p.pattern).test(e.target.name));
          const top = Math.max(-1, ...matching.map((p) => p.priority));
          if (matching.length === 0) expect(e.policy).toBeUndefined();
          else expect(policies.find((p) => p.name === e.policy)!.priority).toBe(top);
          expect([e.policy, ...e.tiedWith].filter(Boolean).sort()).toEqual(matching.filter((p) => p.priority === top).map((p) => p.name).sort());
        }
      }),
    );
  });
});

describe('the live preview of a draft policy', () => {
  const targets = [queue('orders.eu'), queue('orders.us'), queue('invoices'), exchange('orders')];
  const existing = [policy('base', '.*', 1, { 'max-length': 10 })];

  it('lists what the pattern matches, what applies now and whether the draft would win', () => {
    const low = previewPolicy(policy('new', '^orders\\.', 0, { 'message-ttl': 5 }, { applyTo: 'queues' }), targets, existing);
    expect(low.ok && low.value.map((r) => [r.target.name, r.before.policy, r.after.policy, r.wins])).toEqual([
      ['orders.eu', 'base', 'base', false],
      ['orders.us', 'base', 'base', false],
    ]);
    const high = previewPolicy(policy('new', '^orders', 2, {}), targets, existing);
    expect(high.ok && high.value.map((r) => [r.target.name, r.wins])).toEqual([
      ['orders.eu', true],
      ['orders.us', true],
      ['orders', true],
    ]);
  });

  it('editing a policy replaces it; a pattern that is not a regular expression is refused with where and a hint', () => {
    const edit = previewPolicy(policy('base', '^invoices$', 1, { 'max-length': 3 }), targets, existing);
    expect(edit.ok && edit.value.map((r) => [r.target.name, r.before.keys, r.after.keys])).toEqual([['invoices', [{ key: 'max-length', value: 10, from: 'base' }], [{ key: 'max-length', value: 3, from: 'base' }]]]);
    expect(previewPolicy(policy('bad', 'orders(', 0, {}), targets, existing)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'pattern', hint: expect.stringMatching(/regular expression/) } });
    expect(compilePattern('[a-').ok).toBe(false);
  });
});
