/** Reading, scoping, diffing and accepting definitions: the cases an operator meets. */
import { describe, expect, it } from 'vitest';
import { checkAccepted, diffDefinitions, ignoredKeys, importBody, parseDefinitions, readDefinitions, scopeTo } from '../../../../shared/definitions';
import type { Definitions } from '../../../../shared/definitions/types';

function read(file: unknown): Definitions {
  const r = readDefinitions(file);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const queue = (name: string, extra: Record<string, unknown> = {}) => ({ name, vhost: 'shop', durable: true, auto_delete: false, arguments: {}, ...extra });

describe('reading a definitions file', () => {
  it('keeps keys of a newer RabbitMQ and reports them as ignored, never fatal', () => {
    const r = parseDefinitions(JSON.stringify({ rabbit_version: '4.1.0', deprecated_features: [], queues: [queue('q', { type: 'quorum' })], exchanges: [] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.ignored).toEqual({ deprecated_features: [] });
    expect(r.value.objects.queues[0]).toMatchObject({ name: 'q', type: 'quorum' });
    expect(ignoredKeys(r.value)).toEqual(['deprecated_features', 'queues[].type']);
  });

  it('refuses what is not a definitions file with BAD_INPUT, where it went wrong, and a hint', () => {
    expect(parseDefinitions('{"queues": [')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'file', message: expect.stringMatching(/^The file is not JSON/), hint: expect.stringMatching(/Export definitions/) } });
    expect(parseDefinitions('[1, 2]')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'file' } });
    expect(parseDefinitions('{"hello": "world"}')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/none of the lists/) } });
    expect(parseDefinitions('{"queues": {"name": "q"}}')).toMatchObject({ ok: false, error: { field: 'file.queues', message: '"queues" must be a list, not object' } });
    const bad = parseDefinitions(JSON.stringify({ queues: [queue('ok'), queue('q', { durable: 'yes' })] }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'file.queues[1].durable' } });
  });

  it('fills in what the broker assumes for a field a file leaves out, and reads old comma-separated user tags', () => {
    const d = read({ queues: [{ name: 'q', vhost: '/' }], users: [{ name: 'u', tags: 'monitoring, administrator' }] });
    expect(d.objects.queues[0]).toEqual({ name: 'q', vhost: '/', durable: true, auto_delete: false, arguments: {} });
    expect(d.objects.users[0]!.tags).toEqual(['administrator', 'monitoring']);
  });
});

describe('scoping a file to where it is imported', () => {
  it('into a vhost: only the vhost types, each moved into that vhost; users are named as not carried', () => {
    const d = read({ users: [{ name: 'u' }], queues: [queue('q')], policies: [{ vhost: 'shop', name: 'p', pattern: '.*', definition: {} }] });
    const s = scopeTo(d, 'copy');
    expect(s.ok && s.value.defs.objects.queues[0]!.vhost).toBe('copy');
    expect(s.ok && s.value.defs.objects.users).toEqual([]);
    expect(s.ok && s.value.notCarried).toEqual(['users']);
  });

  it('a file of two vhosts into one vhost must name which, and a vhost export into the broker is refused', () => {
    const two = read({ queues: [queue('q'), { ...queue('r'), vhost: 'ops' }] });
    expect(scopeTo(two, 'copy')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'from', message: expect.stringContaining('ops, shop') } });
    const fromOps = scopeTo(two, 'copy', 'ops');
    expect(fromOps.ok && fromOps.value.defs.objects.queues.map((q) => q.name)).toEqual(['r']);
    const vhostExport = read({ queues: [{ name: 'q', durable: true, auto_delete: false, arguments: {} }] });
    expect(scopeTo(vhostExport, undefined)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', hint: expect.stringMatching(/into a virtual host/) } });
  });

  it('never compares or imports the broker’s cluster id', () => {
    const d = read({ global_parameters: [{ name: 'internal_cluster_id', value: 'rabbitmq-cluster-id-x' }, { name: 'g', value: 1 }] });
    const s = scopeTo(d, undefined);
    expect(s.ok && s.value.defs.objects.global_parameters.map((p) => p.name)).toEqual(['g']);
    expect(ignoredKeys(d)).toEqual(['global_parameters[internal_cluster_id]']);
  });
});

describe('the diff names what the broker will refuse', () => {
  const current = read({ vhosts: [{ name: 'shop' }], queues: [queue('orders', { arguments: { 'x-max-length': 10 } })], exchanges: [] });

  it('a queue redeclared with other arguments is a change the broker refuses (406), field by field', () => {
    const desired = read({ vhosts: [{ name: 'shop' }], queues: [queue('orders', { arguments: { 'x-max-length': 99 } })] });
    const [change] = diffDefinitions(current, desired);
    expect(change).toMatchObject({ type: 'queues', kind: 'changed', label: 'queue orders in vhost shop', fields: [{ field: 'arguments', before: { 'x-max-length': 10 }, after: { 'x-max-length': 99 } }], refusal: { code: 'PRECONDITION_FAILED' } });
  });

  it('a binding to a queue that is nowhere is refused (404); a policy change is not', () => {
    const desired = read({
      vhosts: [{ name: 'shop' }],
      queues: [queue('orders', { arguments: { 'x-max-length': 10 } })],
      bindings: [{ vhost: 'shop', source: 'amq.topic', destination: 'missing', destination_type: 'queue', routing_key: 'k', arguments: {} }],
      policies: [{ vhost: 'shop', name: 'p', pattern: '.*', definition: { 'max-length': 1 } }],
    });
    const changes = diffDefinitions(current, desired);
    expect(changes.find((c) => c.type === 'bindings')).toMatchObject({ kind: 'added', refusal: { code: 'NOT_FOUND', message: expect.stringContaining('queue missing in vhost shop') } });
    expect(changes.find((c) => c.type === 'policies')!.refusal).toBeUndefined();
  });

  it('shows that a user’s password changed without showing either hash', () => {
    const a = read({ users: [{ name: 'u', password_hash: 'OLDHASH', tags: [] }] });
    const b = read({ users: [{ name: 'u', password_hash: 'NEWHASH', tags: ['administrator'] }] });
    const [change] = diffDefinitions(a, b);
    expect(change!.fields).toEqual([{ field: 'password' }, { field: 'tags', before: [], after: ['administrator'] }]);
    expect(JSON.stringify(change)).not.toMatch(/OLDHASH|NEWHASH/);
  });
});

describe('accepting changes', () => {
  const current = read({ vhosts: [{ name: 'shop' }], queues: [queue('old', { arguments: { 'x-max-length': 1 } })] });
  const desired = read({
    vhosts: [{ name: 'shop' }],
    queues: [queue('old', { arguments: { 'x-max-length': 2 } }), queue('new')],
    bindings: [{ vhost: 'shop', source: 'amq.direct', destination: 'new', destination_type: 'queue', routing_key: 'new', arguments: {} }],
  });
  const changes = diffDefinitions(current, desired);
  const id = (label: RegExp) => changes.find((c) => label.test(c.label))!.id;

  it('refuses a selection with a refused change, naming it, before anything is sent', () => {
    expect(checkAccepted(current, desired, changes, [id(/queue new/), id(/queue old/)])).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED', message: expect.stringContaining('queue old in vhost shop'), hint: expect.stringMatching(/^Nothing was applied/) } });
  });

  it('refuses a binding whose queue is left out, and an id that is not in the diff (stale)', () => {
    expect(checkAccepted(current, desired, changes, [id(/binding/)])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('queue new in vhost shop') } });
    expect(checkAccepted(current, desired, changes, ['queues|added|["shop","gone"]'])).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'accept' } });
  });

  it('refuses a removal that would take a kept object with it (a queue and its binding), naming both', () => {
    const both = read({ vhosts: [{ name: 'shop' }], queues: [queue('q')], bindings: [{ vhost: 'shop', source: 'amq.direct', destination: 'q', destination_type: 'queue', routing_key: 'k' }] });
    const none = read({ vhosts: [{ name: 'shop' }] });
    const removals = diffDefinitions(both, none);
    const queueOnly = removals.filter((c) => c.type === 'queues').map((c) => c.id);
    expect(checkAccepted(both, none, removals, queueOnly)).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', message: 'Removing queue q in vhost shop also removes binding amq.direct → queue q (key “k”) in vhost shop, which the accepted changes keep' },
    });
    expect(checkAccepted(both, none, removals, removals.map((c) => c.id)).ok).toBe(true);
  });

  it('builds the import file of the accepted additions, in import order', () => {
    const ok = checkAccepted(current, desired, changes, [id(/binding/), id(/queue new/)]);
    expect(ok.ok && ok.value.map((c) => c.type)).toEqual(['queues', 'bindings']);
    if (!ok.ok) return;
    expect(importBody(desired, ok.value)).toEqual({ queues: [queue('new')], bindings: [desired.objects.bindings[0]] });
  });
});
