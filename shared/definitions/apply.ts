/**
 * Accepting some changes of a diff: the definitions that result, the check that the broker will
 * take them all (nothing refused, nothing missing) before anything is sent, and the import file
 * that carries the added and changed objects. Pure.
 */
import { invalid, warrenError, type Result } from '../errors';
import { identityKey, labelOf } from './fields';
import { missingDependency, stateOf } from './dependencies';
import { DEFINITION_TYPES, type DefinitionChange, type DefinitionObject, type DefinitionObjects, type Definitions } from './types';

/** `current` with `changes` made, the new and changed objects taken from `desired`. */
export function applyChanges(current: Definitions, desired: Definitions, changes: readonly Pick<DefinitionChange, 'type' | 'kind' | 'key'>[]): Definitions {
  const objects = {} as DefinitionObjects;
  for (const type of DEFINITION_TYPES) {
    const result = new Map(current.objects[type].map((o) => [identityKey(type, o), o]));
    const wanted = new Map(desired.objects[type].map((o) => [identityKey(type, o), o]));
    for (const c of changes) {
      if (c.type !== type) continue;
      if (c.kind === 'removed') result.delete(c.key);
      else {
        const object = wanted.get(c.key);
        if (object) result.set(c.key, object);
      }
    }
    objects[type] = [...result.values()];
  }
  return { ...current, objects };
}

/**
 * The accepted changes of `changes`, checked: every id is one of the diff's (else the broker
 * changed since: diff again), none is refused, and every new object finds what it needs once
 * the accepted changes are made (a binding whose queue is left out, or removed, is refused).
 */
export function checkAccepted(current: Definitions, desired: Definitions, changes: readonly DefinitionChange[], accepted: readonly string[]): Result<DefinitionChange[]> {
  const byId = new Map(changes.map((c) => [c.id, c]));
  const unknown = accepted.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    return {
      ok: false,
      error: invalid(`${unknown.length} accepted change${unknown.length === 1 ? ' is' : 's are'} no longer in the diff (${unknown.slice(0, 3).join(', ')})`, {
        field: 'accept',
        hint: 'The broker or the file changed since the diff was shown: compare again, then accept.',
      }),
    };
  }
  const selected = [...new Set(accepted)].map((id) => byId.get(id)!);
  const refused = selected.filter((c) => c.refusal);
  if (refused.length > 0) {
    return {
      ok: false,
      error: warrenError(refused[0]!.refusal!.code, `The broker will refuse ${refused.length === 1 ? refused[0]!.label : `${refused.length} of the accepted changes (${refused.map((c) => c.label).slice(0, 3).join('; ')}${refused.length > 3 ? ' …' : ''})`}: ${refused[0]!.refusal!.message}`, {
        hint: 'Nothing was applied. Untick the changes marked “will be refused”, then apply again.',
      }),
    };
  }
  const after = applyChanges(current, desired, selected);
  const result = stateOf(after);
  for (const c of selected) {
    if (c.kind === 'removed') continue;
    const object = desired.objects[c.type].find((o) => identityKey(c.type, o) === c.key)!;
    const missing = missingDependency(c.type, object, result, desired.scope);
    if (missing) {
      return {
        ok: false,
        error: warrenError('NOT_FOUND', `${c.label} needs ${missing}, which the accepted changes leave out or remove`, { hint: 'Nothing was applied. Accept that one too (or keep it), or untick this change.' }),
      };
    }
  }
  // A removal takes with it what depends on it (a queue its bindings, a vhost its queues): that
  // must be ticked too, so that nothing goes without being named.
  const before = stateOf(current);
  for (const type of DEFINITION_TYPES) {
    for (const object of after.objects[type]) {
      const missing = missingDependency(type, object, result, desired.scope);
      if (missing && !missingDependency(type, object, before, desired.scope)) {
        return {
          ok: false,
          error: warrenError('PRECONDITION_FAILED', `Removing ${missing} also removes ${labelOf(type, object)}, which the accepted changes keep`, { hint: 'Nothing was applied. Tick the removal of what goes with it too, or untick that removal.' }),
        };
      }
    }
  }
  // In import order, so a report reads as the broker did it.
  return { ok: true, value: DEFINITION_TYPES.flatMap((t) => selected.filter((c) => c.type === t)) };
}

/** The import file of the accepted additions and changes: the objects as the source has them. */
export function importBody(desired: Definitions, accepted: readonly DefinitionChange[]): Partial<Record<keyof DefinitionObjects, DefinitionObject[]>> {
  const body: Partial<Record<keyof DefinitionObjects, DefinitionObject[]>> = {};
  for (const c of accepted) {
    if (c.kind === 'removed') continue;
    const object = desired.objects[c.type].find((o) => identityKey(c.type, o) === c.key);
    if (object) (body[c.type] ??= []).push(object);
  }
  return body;
}
