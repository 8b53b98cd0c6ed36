/** Create, edit and delete virtual hosts, with their limits; count what a delete would lose first. */
import type { z } from 'zod';
import type { saveVhostInput } from '../../../shared/access/contract';
import type { AccessChange, VhostImpact } from '../../../shared/access/types';
import { vhostPath, type ManagementClient } from '../broker/management';
import { setLimits } from './limits';

type SaveVhost = z.output<typeof saveVhostInput>;

export async function saveVhost(api: ManagementClient, input: SaveVhost): Promise<AccessChange> {
  const existed = await exists(api, `/vhosts/${vhostPath(input.name)}`);
  await api.put(`/vhosts/${vhostPath(input.name)}`, {
    description: input.description,
    tags: input.tags.join(','),
    ...(input.defaultQueueType ? { default_queue_type: input.defaultQueueType } : {}),
  });
  await setLimits(api, `/vhost-limits/${vhostPath(input.name)}`, { 'max-connections': input.maxConnections, 'max-queues': input.maxQueues }, `virtual host ${input.name}`);
  return { summary: `${existed ? 'Saved' : 'Created'} virtual host ${input.name}` };
}

export async function vhostImpact(api: ManagementClient, name: string, warrenVhost: string | undefined): Promise<VhostImpact> {
  const path = vhostPath(name);
  await api.get(`/vhosts/${path}`); // a missing vhost is a NOT_FOUND here, before anything is counted
  const [queues, exchanges, connections] = await Promise.all([
    api.list<{ messages?: number }>(`/queues/${path}`, ['name', 'messages']),
    api.list<{ name: string }>(`/exchanges/${path}`, ['name']),
    api.list<{ name: string }>(`/vhosts/${path}/connections`, ['name']),
  ]);
  return {
    vhost: name,
    queues: queues.length,
    // The default exchange and the amq.* ones come with every vhost: count the user's own.
    exchanges: exchanges.filter((e) => e.name !== '' && !e.name.startsWith('amq.')).length,
    messages: queues.reduce((sum, q) => sum + (q.messages ?? 0), 0),
    connections: connections.length,
    warrenIsHere: warrenVhost === name,
  };
}

export async function deleteVhost(api: ManagementClient, name: string): Promise<AccessChange> {
  await api.delete(`/vhosts/${vhostPath(name)}`);
  return { summary: `Deleted virtual host ${name} and everything in it` };
}

export async function exists(api: ManagementClient, path: string): Promise<boolean> {
  try {
    await api.get(path);
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'NOT_FOUND') return false;
    throw err;
  }
}
