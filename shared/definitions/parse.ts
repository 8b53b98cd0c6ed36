/**
 * Reads a definitions file (the management API's JSON) into Definitions. Tolerant the way an
 * operator needs: keys a newer RabbitMQ writes are kept and reported as ignored, never fatal;
 * missing lists are empty; a queue or exchange without its flags gets the broker's defaults.
 * Anything that is not a definitions file is BAD_INPUT naming where it went wrong.
 */
import { z } from 'zod';
import { invalid, type Checked } from '../errors';
import { BROKER_IDENTITY_PARAMETER, KNOWN_FIELDS } from './fields';
import { DEFINITION_TYPES, type DefinitionObject, type DefinitionObjects, type Definitions, type DefinitionType } from './types';
import { tagList } from '../access/tags';

export const DEFINITIONS_HINT =
  'Use a definitions file as RabbitMQ writes it: the management UI’s “Export definitions”, GET /api/definitions, or rabbitmqctl export_definitions.';

const META_KEYS = ['rabbit_version', 'rabbitmq_version', 'product_name', 'product_version'] as const;

const name = z.string();
const args = z.record(z.string(), z.unknown());
const json = z.unknown().optional();

/** The known fields of each type, checked; any other field passes through untouched. */
const OBJECT_SCHEMAS: Record<DefinitionType, z.ZodType<DefinitionObject>> = {
  vhosts: z.looseObject({ name, description: z.string().optional(), tags: json, metadata: json, limits: json, default_queue_type: z.string().optional() }),
  users: z.looseObject({
    name,
    password_hash: z.string().optional(),
    hashing_algorithm: z.string().optional(),
    // Older brokers wrote tags as "a,b"; 3.9+ as a list.
    tags: z.union([z.string(), z.array(z.string())]).optional(),
    limits: json,
  }),
  permissions: z.looseObject({ user: name, vhost: name, configure: z.string(), write: z.string(), read: z.string() }),
  topic_permissions: z.looseObject({ user: name, vhost: name, exchange: z.string(), write: z.string(), read: z.string() }),
  global_parameters: z.looseObject({ name, value: json }),
  parameters: z.looseObject({ vhost: name.optional(), component: name, name, value: json }),
  policies: z.looseObject({
    vhost: name.optional(),
    name,
    pattern: z.string(),
    'apply-to': z.enum(['queues', 'exchanges', 'all', 'classic_queues', 'quorum_queues', 'streams']).optional(),
    definition: args,
    priority: z.number().int().optional(),
  }),
  exchanges: z.looseObject({
    vhost: name.optional(),
    name,
    type: z.string(),
    durable: z.boolean().optional(),
    auto_delete: z.boolean().optional(),
    internal: z.boolean().optional(),
    arguments: args.optional(),
  }),
  queues: z.looseObject({ vhost: name.optional(), name, durable: z.boolean().optional(), auto_delete: z.boolean().optional(), arguments: args.optional() }),
  bindings: z.looseObject({
    vhost: name.optional(),
    source: z.string(),
    destination: name,
    destination_type: z.enum(['queue', 'exchange']),
    routing_key: z.string().optional(),
    arguments: args.optional(),
  }),
};

/** What the broker assumes for a field a file leaves out, so a file and an export compare equal. */
const DEFAULTS: Partial<Record<DefinitionType, DefinitionObject>> = {
  queues: { durable: true, auto_delete: false, arguments: {} },
  exchanges: { durable: true, auto_delete: false, internal: false, arguments: {} },
  bindings: { routing_key: '', arguments: {} },
  policies: { 'apply-to': 'all', priority: 0 },
};

function normalize(type: DefinitionType, object: DefinitionObject): DefinitionObject {
  const withDefaults = { ...DEFAULTS[type], ...object };
  if (type === 'users') {
    withDefaults.tags = tagList(withDefaults.tags).sort();
  }
  return withDefaults;
}

/** Where in the file an issue is: `queues[3].durable`. */
function where(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** Parses the text of a definitions file. */
export function parseDefinitions(text: string): Checked<Definitions> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: invalid(`The file is not JSON: ${err instanceof Error ? err.message : String(err)}`, { field: 'file', hint: DEFINITIONS_HINT }) };
  }
  return readDefinitions(data);
}

/** Reads definitions already parsed from JSON (the management API's answer). */
export function readDefinitions(data: unknown): Checked<Definitions> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, error: invalid('The file is not a definitions file: it must be one JSON object with lists such as "queues" and "exchanges"', { field: 'file', hint: DEFINITIONS_HINT }) };
  }
  const record = data as Record<string, unknown>;
  const known = new Set<string>([...META_KEYS, ...DEFINITION_TYPES]);
  if (!DEFINITION_TYPES.some((t) => t in record) && !('rabbit_version' in record)) {
    return { ok: false, error: invalid('The file has none of the lists of a definitions file (vhosts, users, queues, exchanges, bindings, policies …)', { field: 'file', hint: DEFINITIONS_HINT }) };
  }
  const meta: Record<string, string> = {};
  for (const key of META_KEYS) if (typeof record[key] === 'string') meta[key] = record[key];
  const ignored: Record<string, unknown> = {};
  for (const key of Object.keys(record)) if (!known.has(key)) ignored[key] = record[key];

  const objects = {} as DefinitionObjects;
  for (const type of DEFINITION_TYPES) {
    const list = record[type] ?? [];
    if (!Array.isArray(list)) {
      return { ok: false, error: invalid(`"${type}" must be a list, not ${list === null ? 'null' : typeof list}`, { field: `file.${type}`, hint: DEFINITIONS_HINT }) };
    }
    const read: DefinitionObject[] = [];
    for (const [i, item] of list.entries()) {
      const parsed = OBJECT_SCHEMAS[type].safeParse(item);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const at = where([type, i, ...issue.path]);
        return { ok: false, error: invalid(`${at}: ${issue.message}`, { field: `file.${at}`, hint: DEFINITIONS_HINT }) };
      }
      read.push(normalize(type, parsed.data));
    }
    objects[type] = read;
  }
  return { ok: true, value: { meta, objects, ignored } };
}

/**
 * Keys of `defs` Warren leaves alone: unknown top-level keys, unknown fields of objects
 * (`queues[].type`), and the broker's own cluster id.
 */
export function ignoredKeys(defs: Definitions): string[] {
  const keys = new Set(Object.keys(defs.ignored));
  for (const type of DEFINITION_TYPES) {
    const knownFields = new Set(KNOWN_FIELDS[type]);
    for (const o of defs.objects[type]) {
      for (const field of Object.keys(o)) if (!knownFields.has(field)) keys.add(`${type}[].${field}`);
      if (type === 'global_parameters' && o.name === BROKER_IDENTITY_PARAMETER) keys.add(`global_parameters[${BROKER_IDENTITY_PARAMETER}]`);
    }
  }
  return [...keys].sort();
}
