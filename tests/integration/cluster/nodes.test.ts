import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterState } from '../../../shared/connections/types';
import { vmPidsOfNode } from '../../../main/service/connections/sandbox/node-process';
import type { ClusterSandbox } from '../../../main/service/connections/sandbox/cluster';
import { waitFor } from '../../support/broker';
import { clusterEngine, clusterFor, nodesSeenBy } from '../../support/cluster';

const cluster = clusterFor(import.meta.url);

describe.skipIf(!cluster)('the sandbox cluster', () => {
  let engine: ClusterSandbox;
  beforeAll(async () => {
    engine = clusterEngine(cluster!);
  });
  afterAll(async () => {
    // Leave the run's cluster whole for the next file.
    if (engine.state.status !== 'ready') await engine.start();
  });

  it('has three running nodes joined into one cluster, as each node’s management API says', async () => {
    const state = await engine.start();
    expect(state.status).toBe('ready');
    expect(state.nodes.map((n) => n.status)).toEqual(['running', 'running', 'running']);
    const names = state.nodes.map((n) => n.nodeName).sort();
    for (const node of cluster!.nodes) {
      const seen = await nodesSeenBy(node.managementPort);
      expect(seen.map((n) => n.name).sort()).toEqual(names);
      expect(seen.every((n) => n.running)).toBe(true);
    }
    const ports = state.nodes.flatMap((n) => [n.amqpPort, n.managementPort, n.distPort]);
    expect(new Set(ports).size).toBe(9);
  });

  it('shows a node killed with kill -9 as down within 2 s, and that node rejoins when started again', async () => {
    const victim = cluster!.nodes[2]!;
    const vms = vmPidsOfNode(victim.nodeName);
    expect(vms).toHaveLength(1);
    let downAt: number | undefined;
    const off = engine.onChange((s: ClusterState) => {
      if (s.nodes[2]!.status === 'down') downAt ??= Date.now();
    });
    const killedAt = Date.now();
    engine.killNode(victim.name);
    await waitFor(() => downAt !== undefined, 10_000, 20);
    off();
    expect(downAt! - killedAt).toBeLessThan(2000);
    expect(vmPidsOfNode(victim.nodeName)).toEqual([]);
    expect(engine.state.status).toBe('degraded');
    expect(engine.state.nodes[2]!.error?.message).toBe('Node c3 stopped unexpectedly');
    await waitFor(async () => (await nodesSeenBy(cluster!.nodes[0]!.managementPort)).find((n) => n.name === victim.nodeName)?.running === false, 30_000, 250);

    const back = await engine.startNode(victim.name);
    expect(back.nodes[2]!.status).toBe('running');
    expect(back.nodes[2]!.amqpPort).toBe(victim.amqpPort);
    expect(back.status).toBe('ready');
    await waitFor(async () => (await nodesSeenBy(cluster!.nodes[0]!.managementPort)).every((n) => n.running), 30_000, 250);
  });

  it('refuses an unknown node and a kill of a stopped node with what to do', async () => {
    expect(() => engine.killNode('c9')).toThrow(/no node c9/);
    await engine.stopNode('c2');
    expect(engine.state.nodes[1]!.status).toBe('stopped');
    expect(() => engine.killNode('c2')).toThrow(/not running/);
    expect((await engine.startNode('c2')).status).toBe('ready');
  });
});
