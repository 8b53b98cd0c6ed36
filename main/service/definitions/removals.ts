/**
 * Removing what an import file cannot remove: one DELETE per object, in the reverse of import
 * order (bindings before their queues, vhosts last). A binding is found by its properties key;
 * a user's topic permissions in a vhost go as one, so the kept ones are written back.
 */
import { identityKey } from '../../../shared/definitions';
import type { DefinitionChange, DefinitionObject, Definitions } from '../../../shared/definitions/types';
import { vhostPath, type ManagementClient } from '../broker/management';
import { fail } from '../errors';

const seg = (v: unknown) => encodeURIComponent(String(v));

async function bindingPath(api: ManagementClient, b: DefinitionObject): Promise<string> {
  const kind = b.destination_type === 'exchange' ? 'e' : 'q';
  const base = `/bindings/${vhostPath(String(b.vhost))}/e/${seg(b.source)}/${kind}/${seg(b.destination)}`;
  const rows = await api.get<{ routing_key: string; arguments: Record<string, unknown>; properties_key: string }[]>(base);
  const row = rows.find((r) => identityKey('bindings', { ...b, routing_key: r.routing_key, arguments: r.arguments }) === identityKey('bindings', b));
  if (!row) fail('NOT_FOUND', `The binding ${String(b.source)} → ${String(b.destination)} (key “${String(b.routing_key)}”) is no longer on the broker`);
  return `${base}/${seg(row.properties_key)}`;
}

/** The DELETE that removes `o` (a topic permission removes all of its user's in that vhost). */
async function deletePath(api: ManagementClient, type: DefinitionChange['type'], o: DefinitionObject): Promise<string> {
  const v = () => vhostPath(String(o.vhost));
  switch (type) {
    case 'vhosts':
      return `/vhosts/${seg(o.name)}`;
    case 'users':
      return `/users/${seg(o.name)}`;
    case 'permissions':
      return `/permissions/${v()}/${seg(o.user)}`;
    case 'topic_permissions':
      return `/topic-permissions/${v()}/${seg(o.user)}`;
    case 'global_parameters':
      return `/global-parameters/${seg(o.name)}`;
    case 'parameters':
      return `/parameters/${seg(o.component)}/${v()}/${seg(o.name)}`;
    case 'policies':
      return `/policies/${v()}/${seg(o.name)}`;
    case 'exchanges':
      return `/exchanges/${v()}/${seg(o.name)}`;
    case 'queues':
      return `/queues/${v()}/${seg(o.name)}`;
    case 'bindings':
      return bindingPath(api, o);
  }
}

/**
 * Deletes each removed object of `removals` (their objects as `current` has them); `after` is
 * the broker once everything accepted is done (the topic permissions to write back). Calls
 * `done` after each, so a failure can say what was applied before it.
 */
export async function removeObjects(api: ManagementClient, current: Definitions, after: Definitions, removals: readonly DefinitionChange[], done: (change: DefinitionChange, request: string) => void): Promise<void> {
  for (const change of [...removals].reverse()) {
    const object = current.objects[change.type].find((o) => identityKey(change.type, o) === change.key);
    if (!object) continue;
    const path = await deletePath(api, change.type, object);
    await api.delete(path);
    if (change.type === 'topic_permissions') {
      for (const kept of after.objects.topic_permissions.filter((t) => t.user === object.user && t.vhost === object.vhost)) {
        await api.put(`/topic-permissions/${vhostPath(String(kept.vhost))}/${seg(kept.user)}`, { exchange: kept.exchange, write: kept.write, read: kept.read });
      }
    }
    done(change, `DELETE ${path}`);
  }
}
