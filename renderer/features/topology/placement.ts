/** Where a queue lives on a cluster, in words the table's Node column and the graph's hover both use. */
import type { QueueRow } from '../../../shared/topology/types';

const shortNode = (node: string) => node.replace(/^rabbit@/, '');
/**
 * Where a queue lives: a quorum queue or stream by its leader and how many of its members are
 * online; a classic queue by its node, "unavailable" while that node is down.
 */
export const nodeText = (q: Pick<QueueRow, 'node' | 'state' | 'leader' | 'members' | 'online'>) => {
  if (q.members && q.members.length > 0) {
    const online = q.online?.length ?? 0;
    return `${q.leader ? `leader ${shortNode(q.leader)}` : 'no leader'} · ${online}/${q.members.length} online`;
  }
  return q.state === 'down' ? `${shortNode(q.node)} (unavailable)` : shortNode(q.node);
};
