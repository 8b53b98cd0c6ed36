/**
 * What an object needs to exist before the broker takes it: a binding its exchange and its
 * destination, a permission its user and vhost, a queue (in a broker import) its vhost. An
 * import that names a missing one fails on the broker with 404, so Warren says so first.
 */
import { identityKey } from './fields';
import { DEFINITION_TYPES, type DefinitionObject, type Definitions, type DefinitionType } from './types';

/** The identity keys present, per type. */
export type State = Record<DefinitionType, Set<string>>;

/** The objects of all of `sources` together. */
export function stateOf(...sources: Definitions[]): State {
  return Object.fromEntries(DEFINITION_TYPES.map((t) => [t, new Set(sources.flatMap((d) => d.objects[t].map((o) => identityKey(t, o))))])) as State;
}

/** Exchanges every vhost has from its creation (never in an export). */
export function isBuiltInExchange(name: string): boolean {
  return name === '' || name.startsWith('amq.');
}

/** The first thing `object` needs that `state` lacks, in words; undefined when all is there. */
export function missingDependency(type: DefinitionType, object: DefinitionObject, state: State, scope: string | undefined): string | undefined {
  const vhost = object.vhost as string;
  const has = (t: DefinitionType, o: DefinitionObject) => state[t].has(identityKey(t, o));
  // In a vhost import the vhost is the target, there already; users are not part of it.
  if (scope === undefined && type !== 'vhosts' && type !== 'users' && type !== 'global_parameters' && !has('vhosts', { name: vhost })) return `vhost ${vhost}`;
  if ((type === 'permissions' || type === 'topic_permissions') && !has('users', { name: object.user })) return `user ${String(object.user)}`;
  if (type === 'bindings') {
    const source = object.source as string;
    if (!isBuiltInExchange(source) && !has('exchanges', { vhost, name: source })) return `exchange ${source} in vhost ${vhost}`;
    const destination = object.destination as string;
    if (object.destination_type === 'queue' && !has('queues', { vhost, name: destination })) return `queue ${destination} in vhost ${vhost}`;
    if (object.destination_type === 'exchange' && !isBuiltInExchange(destination) && !has('exchanges', { vhost, name: destination })) return `exchange ${destination} in vhost ${vhost}`;
  }
  return undefined;
}
