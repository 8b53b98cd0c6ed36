/**
 * Properties of the diff over generated definitions (fast-check): a definitions file compared
 * with itself has no change; making every change of diff(a, b) to a gives b; a user's password
 * hash never appears in a diff.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, canonical, diffDefinitions, identityKey, readDefinitions } from '../../../../shared/definitions';
import { DEFINITION_TYPES, type Definitions } from '../../../../shared/definitions/types';

// Few names, so that two generated files share objects and differ in their fields.
const nameOf = fc.constantFrom('a', 'b', 'c', 'orders', 'Ω');
const vhostOf = fc.constantFrom('/', 'shop', 'ops');
const args = fc.dictionary(fc.constantFrom('x-max-length', 'x-message-ttl', 'x-queue-type'), fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constantFrom('classic', 'quorum')), { maxKeys: 2 });
const pattern = fc.constantFrom('.*', '^$', '^a');

const raw = fc.record({
  rabbit_version: fc.constant('3.10.8'),
  vhosts: fc.array(fc.record({ name: vhostOf }), { maxLength: 3 }),
  users: fc.array(fc.record({ name: nameOf, password_hash: fc.string({ minLength: 8, maxLength: 12 }).map((s) => `HASH${s}`), hashing_algorithm: fc.constant('rabbit_password_hashing_sha256'), tags: fc.subarray(['administrator', 'monitoring']), limits: fc.constant({}) }), { maxLength: 3 }),
  permissions: fc.array(fc.record({ user: nameOf, vhost: vhostOf, configure: pattern, write: pattern, read: pattern }), { maxLength: 3 }),
  topic_permissions: fc.array(fc.record({ user: nameOf, vhost: vhostOf, exchange: nameOf, write: pattern, read: pattern }), { maxLength: 2 }),
  global_parameters: fc.array(fc.record({ name: nameOf, value: fc.integer({ min: 0, max: 3 }) }), { maxLength: 2 }),
  parameters: fc.array(fc.record({ vhost: vhostOf, component: fc.constantFrom('vhost-limits', 'shovel'), name: nameOf, value: fc.dictionary(fc.constantFrom('a', 'b'), fc.integer({ min: 0, max: 3 }), { maxKeys: 2 }) }), { maxLength: 3 }),
  policies: fc.array(fc.record({ vhost: vhostOf, name: nameOf, pattern, 'apply-to': fc.constantFrom('queues', 'exchanges', 'all'), definition: fc.dictionary(fc.constantFrom('max-length', 'message-ttl'), fc.integer({ min: 1, max: 9 }), { maxKeys: 2 }), priority: fc.integer({ min: 0, max: 3 }) }), { maxLength: 3 }),
  exchanges: fc.array(fc.record({ vhost: vhostOf, name: nameOf, type: fc.constantFrom('direct', 'topic', 'fanout'), durable: fc.boolean(), auto_delete: fc.boolean(), internal: fc.boolean(), arguments: args }), { maxLength: 4 }),
  queues: fc.array(fc.record({ vhost: vhostOf, name: nameOf, durable: fc.boolean(), auto_delete: fc.boolean(), arguments: args }), { maxLength: 4 }),
  bindings: fc.array(fc.record({ vhost: vhostOf, source: nameOf, destination: nameOf, destination_type: fc.constantFrom('queue', 'exchange'), routing_key: fc.constantFrom('', 'a.#', 'k'), arguments: args }), { maxLength: 4 }),
});

/** Generated files keep one object per identity, as a broker's export does. */
const definitions = raw.map((file): Definitions => {
  const read = readDefinitions(file);
  if (!read.ok) throw new Error(read.error.message);
  const defs = read.value;
  for (const type of DEFINITION_TYPES) defs.objects[type] = [...new Map(defs.objects[type].map((o) => [identityKey(type, o), o])).values()];
  return defs;
});

/** The objects of a Definitions, order-free: what "the same objects" means. */
function sameObjects(d: Definitions): Record<string, string[]> {
  return Object.fromEntries(DEFINITION_TYPES.map((t) => [t, d.objects[t].map(canonical).sort()]));
}

describe('the definitions diff (properties)', () => {
  it('diff(a, a) has no change', () => {
    fc.assert(
      fc.property(definitions, (a) => {
        expect(diffDefinitions(a, a)).toEqual([]);
      }),
    );
  });

  it('making every change of diff(a, b) to a gives the objects of b', () => {
    fc.assert(
      fc.property(definitions, definitions, (a, b) => {
        expect(sameObjects(applyChanges(a, b, diffDefinitions(a, b)))).toEqual(sameObjects(b));
      }),
    );
  });

  it('change ids are unique, and no change shows a password hash', () => {
    fc.assert(
      fc.property(definitions, definitions, (a, b) => {
        const changes = diffDefinitions(a, b);
        expect(new Set(changes.map((c) => c.id)).size).toBe(changes.length);
        expect(JSON.stringify(changes)).not.toContain('HASH');
        expect(JSON.stringify(changes)).not.toContain('"password_hash"');
      }),
    );
  });
});
