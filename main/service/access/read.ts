/** Reads everything the Access page lists, in four requests, with nothing secret in the answer. */
import type { AccessLists, PermissionRow, TopicPermissionRow, UserLimits, UserRow, VhostLimits, VhostRow } from '../../../shared/access/types';
import { tagList } from '../../../shared/access/tags';
import { expectRows, type ManagementClient } from '../broker/management';

interface RawVhost {
  name: string;
  description?: string;
  tags?: string[] | string;
  default_queue_type?: string;
  metadata?: { description?: string; tags?: string[] };
}
/** The API's user row carries a password hash: only the fields named here are ever read from it. */
interface RawUser {
  name: string;
  tags?: string[] | string;
  password_hash?: string;
}
interface RawLimits {
  vhost?: string;
  user?: string;
  value: Record<string, number>;
}

const limitValue = (value: number | undefined) => (value === undefined || value < 0 ? undefined : value);

function vhostLimits(value: Record<string, number> | undefined): VhostLimits {
  return { maxConnections: limitValue(value?.['max-connections']), maxQueues: limitValue(value?.['max-queues']) };
}
function userLimits(value: Record<string, number> | undefined): UserLimits {
  return { maxConnections: limitValue(value?.['max-connections']), maxChannels: limitValue(value?.['max-channels']) };
}

export async function readAccess(api: ManagementClient, warrenUser: string | undefined): Promise<AccessLists> {
  const [vhosts, users, permissions, topicPermissions, vhostLimitRows, userLimitRows] = await Promise.all([
    api.get<unknown>('/vhosts').then((a) => expectRows<RawVhost>(a, '/vhosts')),
    api.get<unknown>('/users').then((a) => expectRows<RawUser>(a, '/users')),
    api.get<unknown>('/permissions').then((a) => expectRows<PermissionRow>(a, '/permissions')),
    api.get<unknown>('/topic-permissions').then((a) => expectRows<TopicPermissionRow>(a, '/topic-permissions')),
    api.get<unknown>('/vhost-limits').then((a) => expectRows<RawLimits>(a, '/vhost-limits')),
    api.get<unknown>('/user-limits').then((a) => expectRows<RawLimits>(a, '/user-limits')),
  ]);
  const vhostLimit = new Map(vhostLimitRows.map((r) => [r.vhost, r.value]));
  const userLimit = new Map(userLimitRows.map((r) => [r.user, r.value]));
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  return {
    vhosts: vhosts
      .map(
        (v): VhostRow => ({
          name: v.name,
          description: v.description ?? v.metadata?.description ?? '',
          tags: tagList(v.tags ?? v.metadata?.tags),
          defaultQueueType: v.default_queue_type && v.default_queue_type !== 'undefined' ? v.default_queue_type : 'classic',
          limits: vhostLimits(vhostLimit.get(v.name)),
        }),
      )
      .sort(byName),
    users: users
      .map(
        (u): UserRow => ({
          name: u.name,
          tags: tagList(u.tags),
          passwordLogin: (u.password_hash ?? '') !== '',
          limits: userLimits(userLimit.get(u.name)),
          isWarrensUser: u.name === warrenUser,
        }),
      )
      .sort(byName),
    permissions: permissions
      .map(({ user, vhost, configure, write, read }) => ({ user, vhost, configure, write, read }))
      .sort((a, b) => a.vhost.localeCompare(b.vhost) || a.user.localeCompare(b.user)),
    topicPermissions: topicPermissions
      .map(({ user, vhost, exchange, write, read }) => ({ user, vhost, exchange, write, read }))
      .sort((a, b) => a.vhost.localeCompare(b.vhost) || a.user.localeCompare(b.user) || a.exchange.localeCompare(b.exchange)),
  };
}
