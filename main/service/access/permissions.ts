/** A user's permissions and topic permissions in one virtual host. */
import type { z } from 'zod';
import type { setPermissionInput, setTopicPermissionInput } from '../../../shared/access/contract';
import type { AccessChange } from '../../../shared/access/types';
import { vhostPath, type ManagementClient } from '../broker/management';

const pairPath = (kind: 'permissions' | 'topic-permissions', vhost: string, user: string) =>
  `/${kind}/${vhostPath(vhost)}/${encodeURIComponent(user)}`;

export async function setPermission(api: ManagementClient, p: z.output<typeof setPermissionInput>): Promise<AccessChange> {
  await api.put(pairPath('permissions', p.vhost, p.user), { configure: p.configure, write: p.write, read: p.read });
  return { summary: `Set the permissions of ${p.user} in ${p.vhost}` };
}

export async function clearPermission(api: ManagementClient, user: string, vhost: string): Promise<AccessChange> {
  await api.delete(pairPath('permissions', vhost, user));
  return { summary: `Removed the permissions of ${user} in ${vhost}` };
}

export async function setTopicPermission(api: ManagementClient, p: z.output<typeof setTopicPermissionInput>): Promise<AccessChange> {
  await api.put(pairPath('topic-permissions', p.vhost, p.user), { exchange: p.exchange, write: p.write, read: p.read });
  return { summary: `Set the topic permissions of ${p.user} on ${p.exchange} in ${p.vhost}` };
}

/** The management API removes a user's topic permissions in a vhost all at once (every exchange). */
export async function clearTopicPermissions(api: ManagementClient, user: string, vhost: string): Promise<AccessChange> {
  await api.delete(pairPath('topic-permissions', vhost, user));
  return { summary: `Removed the topic permissions of ${user} in ${vhost}` };
}
