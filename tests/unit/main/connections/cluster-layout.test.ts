import { describe, expect, it } from 'vitest';
import { explainJoinFailure, knownClusterFault } from '../../../../main/service/connections/sandbox/cluster-faults';
import { clusterName, clusterNodes, joinedNodes, peerDiscoveryConfig } from '../../../../main/service/connections/sandbox/cluster-layout';
import { renderConfig } from '../../../../main/service/connections/sandbox/node-files';

describe('the sandbox cluster layout', () => {
  it('names three nodes after the folder, each in its own sub-folder', () => {
    const nodes = clusterNodes('/data/cluster');
    expect(nodes.map((n) => n.name)).toEqual(['c1', 'c2', 'c3']);
    expect(nodes.map((n) => n.dir)).toEqual(['/data/cluster/c1', '/data/cluster/c2', '/data/cluster/c3']);
    const tag = nodes[0]!.nodeName.match(/^warren-c1-([0-9a-f]{8})@localhost$/)?.[1];
    expect(tag).toBeDefined();
    expect(nodes[2]!.nodeName).toBe(`warren-c3-${tag}@localhost`);
    expect(clusterNodes('/other/cluster')[0]!.nodeName).not.toBe(nodes[0]!.nodeName);
  });

  it('writes classic_config peer discovery with every node, after the node’s own lines', () => {
    const nodes = clusterNodes('/data/cluster');
    const config = renderConfig({ amqp: 1, management: 2, dist: 3 }, undefined, peerDiscoveryConfig(nodes, clusterName('/data/cluster')));
    expect(config).toContain('cluster_formation.peer_discovery_backend = classic_config');
    for (const [i, n] of nodes.entries()) expect(config).toContain(`cluster_formation.classic_config.nodes.${i + 1} = ${n.nodeName}`);
    expect(config).toMatch(/cluster_name = warren-cluster-[0-9a-f]{8}/);
    expect(config).toContain('collect_statistics_interval = 1000');
  });

  it('takes the biggest group of nodes that agree on their members as the cluster', () => {
    expect([...joinedNodes({ a: ['a', 'b', 'c'], b: ['a', 'b', 'c'], c: ['a', 'b', 'c'] })].sort()).toEqual(['a', 'b', 'c']);
    expect([...joinedNodes({ a: ['a', 'c'], b: ['b'], c: ['a', 'c'] })].sort()).toEqual(['a', 'c']);
    expect([...joinedNodes({})]).toEqual([]);
  });
});

describe('why a cluster node did not join', () => {
  it('names a cookie mismatch, stale data and a port in use in the user’s terms', () => {
    expect(knownClusterFault('c2', ["** Connection attempt from node 'x@localhost' rejected. Invalid challenge reply. **"])?.message).toMatch(/cookie/);
    expect(knownClusterFault('c2', ['{inconsistent_cluster,"Node x thinks it\'s clustered with node y, but y disagrees"}'])?.message).toMatch(/stale data/);
    expect(knownClusterFault('c2', ['Failed to start Ranch listener: eaddrinuse'])?.message).toMatch(/port/);
    expect(knownClusterFault('c2', ['all fine'])).toBeUndefined();
    const plain = explainJoinFailure('c2', []);
    expect(plain.message).toBe('Node c2 runs but did not join the cluster');
    expect(plain.hint).toMatch(/start it again/);
  });
});
