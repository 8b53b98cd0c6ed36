/**
 * Create, edit and delete users. A password goes to the broker's own management API and nowhere
 * else. Editing tags or limits without a new password re-sends the hash the broker already has:
 * it is read here, passed straight back, and never returned, logged or stored.
 */
import type { z } from 'zod';
import type { saveUserInput } from '../../../shared/access/contract';
import type { AccessChange } from '../../../shared/access/types';
import { invalid } from '../../../shared/errors';
import type { ManagementClient } from '../broker/management';
import { WarrenFailure } from '../errors';
import { setLimits } from './limits';
import { exists } from './vhosts';

type SaveUser = z.output<typeof saveUserInput>;

const userPath = (name: string) => `/users/${encodeURIComponent(name)}`;

export async function saveUser(api: ManagementClient, input: SaveUser): Promise<AccessChange> {
  const existed = await exists(api, userPath(input.name));
  const tags = input.tags.join(',');
  let credentials: Record<string, string>;
  if (input.noPassword) credentials = { password_hash: '' };
  else if (input.password !== undefined && input.password !== '') credentials = { password: input.password };
  else if (existed) {
    const current = await api.get<{ password_hash?: string; hashing_algorithm?: string }>(userPath(input.name));
    credentials = { password_hash: current.password_hash ?? '', ...(current.hashing_algorithm ? { hashing_algorithm: current.hashing_algorithm } : {}) };
  } else {
    throw new WarrenFailure(invalid('A new user needs a password', { field: 'password', hint: 'Type one, or choose "No password" for a user that logs in with a certificate.' }));
  }
  await api.put(userPath(input.name), { ...credentials, tags });
  await setLimits(api, `/user-limits/${encodeURIComponent(input.name)}`, { 'max-connections': input.maxConnections, 'max-channels': input.maxChannels }, `user ${input.name}`);
  return { summary: `${existed ? 'Saved' : 'Created'} user ${input.name}` };
}

export async function deleteUser(api: ManagementClient, name: string): Promise<AccessChange> {
  await api.delete(userPath(name));
  return { summary: `Deleted user ${name}` };
}
