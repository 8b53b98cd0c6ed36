/**
 * Definitions as the management API writes them (GET /api/definitions), and what Warren makes of
 * two of them: a diff per type, changes the broker will refuse, and the report of an import.
 * Objects stay plain records so that fields a newer RabbitMQ adds travel through untouched.
 */

/** The object lists of a definitions file, in the order an import creates them. */
export const DEFINITION_TYPES = [
  'vhosts',
  'users',
  'permissions',
  'topic_permissions',
  'global_parameters',
  'parameters',
  'policies',
  'exchanges',
  'queues',
  'bindings',
] as const;
export type DefinitionType = (typeof DEFINITION_TYPES)[number];

/** Types that live in one vhost: the only ones a vhost's export and import carry. */
export const VHOST_TYPES: readonly DefinitionType[] = ['parameters', 'policies', 'exchanges', 'queues', 'bindings'];

/** One object of a definitions file (a queue, a user, …), as read. */
export type DefinitionObject = Record<string, unknown>;

export type DefinitionObjects = Record<DefinitionType, DefinitionObject[]>;

export interface Definitions {
  /** rabbit_version, rabbitmq_version, product_name, product_version: who wrote the file. */
  meta: Record<string, string>;
  objects: DefinitionObjects;
  /** Keys Warren does not know (from a newer RabbitMQ): kept, reported, never sent. */
  ignored: Record<string, unknown>;
  /** The vhost the file was scoped to (a vhost's export has no vhost on its queues …). */
  scope?: string;
}

export type ChangeKind = 'added' | 'changed' | 'removed';

export interface FieldChange {
  field: string;
  /** Absent when the field is new; a password hash is never here (see HIDDEN). */
  before?: unknown;
  after?: unknown;
}

export interface Refusal {
  code: 'PRECONDITION_FAILED' | 'NOT_FOUND';
  message: string;
}

export interface DefinitionChange {
  /** Stable for the same two definitions: `type|kind|identity`; an apply names its changes by it. */
  id: string;
  type: DefinitionType;
  kind: ChangeKind;
  /** The object's identity (see fields.ts identityKey). */
  key: string;
  /** The object's identity in words: "queue orders in vhost shop". */
  label: string;
  /** The object as shown (a user without its password hash): the new one, or the removed one. */
  object: DefinitionObject;
  /** Field by field, for a change. */
  fields: FieldChange[];
  /** Set when the broker will refuse this change, before anything is sent. */
  refusal?: Refusal;
}

export interface DefinitionsDiff {
  changes: DefinitionChange[];
  /** Per type: how many added, changed, removed, and unchanged. */
  counts: Record<DefinitionType, { added: number; changed: number; removed: number; same: number }>;
  /** Keys of the source Warren left alone (unknown top-level keys, objects' unknown fields). */
  ignoredKeys: string[];
  /** Types the source holds that this import does not carry (users in a vhost import …). */
  notCarried: DefinitionType[];
}

export interface ApplyReport {
  dryRun: boolean;
  /** The changes applied (or, in a dry run, that would be), in the order they were sent. */
  applied: { id: string; label: string; kind: ChangeKind }[];
  /** What was sent: one import (POST) and one DELETE per removal. */
  requests: string[];
}

export interface ExportedDefinitions {
  /** A file name to save it under: warren-definitions-<vhost|broker>-<date>.json. */
  fileName: string;
  /** The file as the management API wrote it (pretty-printed), password hashes included for import. */
  text: string;
  counts: Record<DefinitionType, number>;
}
