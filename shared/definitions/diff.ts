/**
 * Two definitions compared per type: what an import of `desired` into the broker holding
 * `current` adds, changes (field by field) and leaves there that the file does not have. Pure.
 * A change the broker will refuse is named here, before anything is sent.
 */
import { canonical, HIDDEN_FIELDS, IDENTITY, identityKey, KNOWN_FIELDS, labelOf, shown } from './fields';
import { missingDependency, stateOf, type State } from './dependencies';
import { DEFINITION_TYPES, type DefinitionChange, type DefinitionObject, type Definitions, type DefinitionsDiff, type DefinitionType, type FieldChange, type Refusal } from './types';

/** Fields the broker checks on a redeclare: any difference is a 406, and the old object stays. */
const REDECLARE_CHECKED: Partial<Record<DefinitionType, string>> = { queues: 'queue', exchanges: 'exchange' };

export function changeId(type: DefinitionType, kind: DefinitionChange['kind'], key: string): string {
  return `${type}|${kind}|${key}`;
}

function fieldChanges(type: DefinitionType, before: DefinitionObject, after: DefinitionObject): FieldChange[] {
  const identity = new Set(IDENTITY[type]);
  const hidden = HIDDEN_FIELDS[type] ?? [];
  const changes: FieldChange[] = [];
  for (const field of KNOWN_FIELDS[type]) {
    if (identity.has(field) || canonical(before[field]) === canonical(after[field])) continue;
    if (hidden.includes(field)) changes.push({ field: field === 'password_hash' ? 'password' : field });
    else changes.push({ field, ...(before[field] === undefined ? {} : { before: before[field] }), ...(after[field] === undefined ? {} : { after: after[field] }) });
  }
  return changes;
}

function refusalOf(type: DefinitionType, kind: DefinitionChange['kind'], object: DefinitionObject, fields: FieldChange[], state: State, scope: string | undefined): Refusal | undefined {
  const what = REDECLARE_CHECKED[type];
  if (kind === 'changed' && what) {
    return {
      code: 'PRECONDITION_FAILED',
      message: `The ${what} exists with other ${fields.map((f) => f.field).join(', ')}: the broker keeps it as it is and refuses a redeclare (406 PRECONDITION_FAILED). Delete it first to replace it (its messages and bindings go with it).`,
    };
  }
  if (kind !== 'removed') {
    const missing = missingDependency(type, object, state, scope);
    if (missing) return { code: 'NOT_FOUND', message: `It needs ${missing}, which is neither on the broker nor in the file (404 NOT_FOUND).` };
  }
  return undefined;
}

/** The changes that turn `current` into `desired` (both scoped the same way), per type in import order. */
export function diffDefinitions(current: Definitions, desired: Definitions): DefinitionChange[] {
  // What exists once the import is done, removals aside: what a new object may refer to.
  const state = stateOf(current, desired);
  const changes: DefinitionChange[] = [];
  for (const type of DEFINITION_TYPES) {
    const before = new Map(current.objects[type].map((o) => [identityKey(type, o), o]));
    const after = new Map(desired.objects[type].map((o) => [identityKey(type, o), o]));
    const push = (kind: DefinitionChange['kind'], key: string, object: DefinitionObject, fields: FieldChange[]) => {
      const refusal = refusalOf(type, kind, object, fields, state, desired.scope);
      changes.push({ id: changeId(type, kind, key), type, kind, key, label: labelOf(type, object), object: shown(type, object), fields, ...(refusal ? { refusal } : {}) });
    };
    for (const [key, object] of after) {
      const old = before.get(key);
      if (!old) push('added', key, object, []);
      else {
        const fields = fieldChanges(type, old, object);
        if (fields.length > 0) push('changed', key, object, fields);
      }
    }
    for (const [key, object] of before) if (!after.has(key)) push('removed', key, object, []);
  }
  return changes;
}

/** The diff with its counts per type and what the source holds that Warren leaves alone. */
export function summarize(current: Definitions, desired: Definitions, changes: DefinitionChange[], extra: Pick<DefinitionsDiff, 'ignoredKeys' | 'notCarried'>): DefinitionsDiff {
  const counts = Object.fromEntries(DEFINITION_TYPES.map((t) => [t, { added: 0, changed: 0, removed: 0, same: 0 }])) as DefinitionsDiff['counts'];
  for (const c of changes) counts[c.type][c.kind]++;
  for (const type of DEFINITION_TYPES) {
    const currentKeys = new Set(current.objects[type].map((o) => identityKey(type, o)));
    counts[type].same = desired.objects[type].filter((o) => currentKeys.has(identityKey(type, o))).length - counts[type].changed;
  }
  return { changes, counts, ...extra };
}
