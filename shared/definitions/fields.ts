/**
 * What each type of definition is: the fields that name one object (its identity), the fields
 * Warren knows (the rest is a newer RabbitMQ's and is left alone), and how to say it in words.
 */
import type { DefinitionObject, DefinitionType } from './types';

/** The fields that make two objects the same object; a binding is all of its fields. */
export const IDENTITY: Readonly<Record<DefinitionType, readonly string[]>> = {
  vhosts: ['name'],
  users: ['name'],
  permissions: ['user', 'vhost'],
  topic_permissions: ['user', 'vhost', 'exchange'],
  global_parameters: ['name'],
  parameters: ['vhost', 'component', 'name'],
  policies: ['vhost', 'name'],
  exchanges: ['vhost', 'name'],
  queues: ['vhost', 'name'],
  bindings: ['vhost', 'source', 'destination', 'destination_type', 'routing_key', 'arguments'],
};

/** Every field Warren compares (identity included), as RabbitMQ 3.x writes them. */
export const KNOWN_FIELDS: Readonly<Record<DefinitionType, readonly string[]>> = {
  vhosts: ['name', 'description', 'tags', 'metadata', 'limits', 'default_queue_type'],
  users: ['name', 'password_hash', 'hashing_algorithm', 'tags', 'limits'],
  permissions: ['user', 'vhost', 'configure', 'write', 'read'],
  topic_permissions: ['user', 'vhost', 'exchange', 'write', 'read'],
  global_parameters: ['name', 'value'],
  parameters: ['vhost', 'component', 'name', 'value'],
  policies: ['vhost', 'name', 'pattern', 'apply-to', 'definition', 'priority'],
  exchanges: ['vhost', 'name', 'type', 'durable', 'auto_delete', 'internal', 'arguments'],
  queues: ['vhost', 'name', 'durable', 'auto_delete', 'arguments'],
  bindings: ['vhost', 'source', 'destination', 'destination_type', 'routing_key', 'arguments'],
};

/** Fields that are kept for an import but never shown: a user's password hash. */
export const HIDDEN_FIELDS: Readonly<Partial<Record<DefinitionType, readonly string[]>>> = { users: ['password_hash'] };

/** A global parameter that is the broker's own identity: never compared, never imported elsewhere. */
export const BROKER_IDENTITY_PARAMETER = 'internal_cluster_id';

/** JSON with object keys sorted at every depth: equal values give equal text. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'undefined';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The identity of an object of `type` as one string (equal strings: the same object). */
export function identityKey(type: DefinitionType, object: DefinitionObject): string {
  return canonical(IDENTITY[type].map((f) => object[f] ?? null));
}

const str = (v: unknown) => (typeof v === 'string' ? v : canonical(v));
const inVhost = (o: DefinitionObject) => (typeof o.vhost === 'string' ? ` in vhost ${o.vhost}` : '');

/** The object in the user's words: "queue orders in vhost shop". */
export function labelOf(type: DefinitionType, o: DefinitionObject): string {
  switch (type) {
    case 'vhosts':
      return `vhost ${str(o.name)}`;
    case 'users':
      return `user ${str(o.name)}`;
    case 'permissions':
      return `permissions of ${str(o.user)} on vhost ${str(o.vhost)}`;
    case 'topic_permissions':
      return `topic permissions of ${str(o.user)} on exchange ${str(o.exchange)} in vhost ${str(o.vhost)}`;
    case 'global_parameters':
      return `global parameter ${str(o.name)}`;
    case 'parameters':
      return `parameter ${str(o.component)}/${str(o.name)}${inVhost(o)}`;
    case 'policies':
      return `policy ${str(o.name)}${inVhost(o)}`;
    case 'exchanges':
      return `exchange ${str(o.name)}${inVhost(o)}`;
    case 'queues':
      return `queue ${str(o.name)}${inVhost(o)}`;
    case 'bindings': {
      const args = canonical(o.arguments ?? {});
      return `binding ${str(o.source) || '(default exchange)'} → ${str(o.destination_type)} ${str(o.destination)} (key “${str(o.routing_key)}”${args === '{}' ? '' : `, arguments ${args}`})${inVhost(o)}`;
    }
  }
}

/** The object as Warren shows it: without the fields it never shows (a password hash). */
export function shown(type: DefinitionType, object: DefinitionObject): DefinitionObject {
  const hidden = HIDDEN_FIELDS[type];
  if (!hidden) return object;
  return Object.fromEntries(Object.entries(object).filter(([k]) => !hidden.includes(k)));
}
