/**
 * A definitions file seen from where it is imported. Into a broker: every object names its
 * vhost. Into one vhost: only the vhost's own types travel, each moved into that vhost (as
 * POST /api/definitions/{vhost} does); a file of several vhosts must say which one to take.
 */
import { invalid, type Checked } from '../errors';
import { BROKER_IDENTITY_PARAMETER } from './fields';
import { DEFINITION_TYPES, VHOST_TYPES, type DefinitionObjects, type Definitions, type DefinitionType } from './types';

export interface Scoped {
  defs: Definitions;
  /** Types the file holds that this import does not carry. */
  notCarried: DefinitionType[];
}

/** `vhost` undefined: the whole broker. `from`: the vhost of a many-vhost file to take. */
export function scopeTo(defs: Definitions, vhost: string | undefined, from?: string): Checked<Scoped> {
  const objects = {} as DefinitionObjects;
  // The cluster id is the broker's identity, not a definition: never compared, never imported.
  const globals = defs.objects.global_parameters.filter((p) => p.name !== BROKER_IDENTITY_PARAMETER);
  if (vhost === undefined) {
    for (const type of DEFINITION_TYPES) objects[type] = type === 'global_parameters' ? globals : defs.objects[type];
    for (const type of VHOST_TYPES) {
      const homeless = objects[type].find((o) => typeof o.vhost !== 'string');
      if (homeless) {
        return {
          ok: false,
          error: invalid(`The file's ${type} name no vhost: it is one vhost's export`, { field: 'vhost', hint: 'Import it into a virtual host (choose one), not into the whole broker.' }),
        };
      }
    }
    return { ok: true, value: { defs: { ...defs, objects }, notCarried: [] } };
  }

  const vhostsInFile = new Set(VHOST_TYPES.flatMap((t) => defs.objects[t].map((o) => o.vhost)).filter((v): v is string => typeof v === 'string'));
  if (from !== undefined && !vhostsInFile.has(from) && vhostsInFile.size > 0) {
    return { ok: false, error: invalid(`The file has nothing in vhost ${from}`, { field: 'from', hint: `It holds vhost${vhostsInFile.size > 1 ? 's' : ''} ${[...vhostsInFile].sort().join(', ')}.` }) };
  }
  if (from === undefined && vhostsInFile.size > 1) {
    return {
      ok: false,
      error: invalid(`The file holds objects of ${vhostsInFile.size} vhosts (${[...vhostsInFile].sort().join(', ')}); a vhost import takes one`, {
        field: 'from',
        hint: 'Name the vhost of the file to import (“from vhost”), or import the file into the whole broker.',
      }),
    };
  }
  for (const type of DEFINITION_TYPES) {
    objects[type] = VHOST_TYPES.includes(type)
      ? defs.objects[type].filter((o) => from === undefined || o.vhost === undefined || o.vhost === from).map((o) => ({ ...o, vhost }))
      : [];
  }
  const notCarried = DEFINITION_TYPES.filter((t) => !VHOST_TYPES.includes(t) && (t === 'global_parameters' ? globals : defs.objects[t]).length > 0);
  return { ok: true, value: { defs: { ...defs, objects, scope: vhost }, notCarried } };
}
