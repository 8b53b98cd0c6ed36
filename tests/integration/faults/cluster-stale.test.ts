/**
 * Stale data (issue 14, faults), made for real: c3 is stopped and the cluster forgets it
 * (forget_cluster_node on c1), so c3's data folder still says it is clustered with nodes that no
 * longer count it in. Started again, it refuses to boot; Warren marks it failed with that reason
 * in the user's terms and what to do — and doing it (its mnesia folder removed) lets it join again.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../../support/broker';
import { cleanupAfterAll, clusterEngine, clusterFor, evalOnNode, nodesSeenBy } from '../../support/cluster';

const cluster = clusterFor(import.meta.url);

const cleanup = cleanupAfterAll();

describe.skipIf(!cluster)('a node whose data folder remembers a cluster that forgot it', () => {
  it('is marked failed as stale data with what to do, and joins again once its mnesia folder is removed', async () => {
    const [c1, , c3] = cluster!.nodes as [NonNullable<typeof cluster>['nodes'][number], unknown, NonNullable<typeof cluster>['nodes'][number]];
    const engine = clusterEngine(cluster!);
    await engine.start(); // adopts the running nodes
    const mnesia = path.join(cluster!.dir, c3.name, 'mnesia');
    // Whatever happens, the run's cluster is left whole: c3 with a fresh folder joins again.
    const heal = async () => {
      await engine.stopNode('c3').catch(() => undefined);
      rmSync(mnesia, { recursive: true, force: true });
      await engine.startNode('c3');
    };
    let healed = false;
    cleanup(async () => (healed ? undefined : heal()));

    await engine.stopNode('c3');
    evalOnNode(cluster!, c1, `rabbit_mnesia:forget_cluster_node('${c3.nodeName}', false).`);
    await engine.startNode('c3').catch(() => undefined);

    const failed = await waitFor(() => {
      const node = engine.state.nodes.find((n) => n.name === 'c3');
      return node?.status === 'failed' ? node : undefined;
    }, 60_000, 250);
    expect(failed?.error?.message).toBe('Node c3 remembers another cluster in its data folder (stale data) and would not join this one');
    expect(failed?.error?.hint).toContain('mnesia');

    await heal();
    healed = true;
    const seen = await waitFor(async () => {
      const nodes = await nodesSeenBy(c1.managementPort);
      return nodes.find((n) => n.name === c3.nodeName)?.running ? nodes : undefined;
    }, 60_000, 500);
    expect(seen?.filter((n) => n.running)).toHaveLength(3);
  });
});
