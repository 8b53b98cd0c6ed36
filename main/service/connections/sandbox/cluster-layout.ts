/**
 * What makes three private nodes one cluster: their names, their folders, and the config lines
 * that tell each the others' names (classic_config peer discovery: the first to boot forms the
 * cluster, the others join it). Pure, so the names and lines are unit-tested.
 */
import path from 'node:path';
import { folderTag } from './node-files';

export interface ClusterNodeSpec {
  /** c1, c2, c3: what a card and an operation call the node. */
  name: string;
  nodeName: string;
  dir: string;
}

export const CLUSTER_SIZE = 3;

/** Node names carry the folder's tag, so two clusters (the app's, a test run's) never share a name. */
export function clusterNodes(dir: string, size = CLUSTER_SIZE): ClusterNodeSpec[] {
  const tag = folderTag(dir);
  return Array.from({ length: size }, (_, i) => {
    const name = `c${i + 1}`;
    return { name, nodeName: `warren-${name}-${tag}@localhost`, dir: path.join(dir, name) };
  });
}

export function clusterName(dir: string): string {
  return `warren-cluster-${folderTag(dir)}`;
}

export function peerDiscoveryConfig(nodes: ClusterNodeSpec[], name: string): string[] {
  return [
    '# One of a Warren sandbox cluster: these nodes find each other by name.',
    `cluster_name = ${name}`,
    'cluster_formation.peer_discovery_backend = classic_config',
    ...nodes.map((node, i) => `cluster_formation.classic_config.nodes.${i + 1} = ${node.nodeName}`),
  ];
}

/**
 * Which nodes are one cluster, from what each running node says its cluster is (its member
 * list): the biggest group that agrees. A node outside it runs alone — it did not join.
 */
export function joinedNodes(views: Record<string, string[]>): Set<string> {
  const groups = new Map<string, string[]>();
  for (const [node, members] of Object.entries(views)) {
    const key = [...new Set([...members, node])].sort().join(' ');
    groups.set(key, [...(groups.get(key) ?? []), node]);
  }
  let best: string[] = [];
  for (const group of groups.values()) if (group.length > best.length) best = group;
  return new Set(best);
}
