/**
 * A network partition (issue 14, faults), made for real: c3 drops its distribution links to c1
 * and c2 (erlang:disconnect_node), the nodes reconnect and Mnesia finds they ran apart. The
 * Overview says who is partitioned from whom — from the node Warren is on and from c3 — and the
 * fix it hints at (restart the minority side) heals it: c3 restarted, every list is empty again.
 */
import { describe, expect, it } from 'vitest';
import { waitFor } from '../../support/broker';
import { cleanupAfterAll, clusterEngine, clusterFor, clusterProfile, evalOnNode, nodesSeenBy } from '../../support/cluster';
import { makeService, valueCaller } from '../../support/service';

const cluster = clusterFor(import.meta.url);

const cleanup = cleanupAfterAll();

describe.skipIf(!cluster)('a network partition in the cluster', () => {
  it('shows on the Overview as each side partitioned from the other, and restarting the minority node clears it', async () => {
    const [c1, c2, c3] = cluster!.nodes as [NonNullable<typeof cluster>['nodes'][number], NonNullable<typeof cluster>['nodes'][number], NonNullable<typeof cluster>['nodes'][number]];
    const engine = clusterEngine(cluster!);
    await engine.start(); // adopts the running nodes
    // Whatever happens, the run's cluster is left whole: c3 restarted (it rejoins and the partition heals).
    const heal = async () => {
      await engine.stopNode('c3');
      await engine.startNode('c3');
    };
    let healed = false;
    cleanup(async () => (healed ? undefined : heal()));
    const svc = makeService();
    cleanup(() => svc.service.shutdown());
    const call = valueCaller(svc);
    const profile = await call('profiles.save', clusterProfile(cluster!));
    await call('connection.connect', { id: profile.id });
    expect((await call('overview.get', {})).nodes.every((n) => n.partitions.length === 0)).toBe(true);

    evalOnNode(cluster!, c3, `erlang:disconnect_node('${c1.nodeName}'), erlang:disconnect_node('${c2.nodeName}').`);
    const partitionsOf = async () => Object.fromEntries((await call('overview.get', {})).nodes.map((n) => [n.name, [...n.partitions].sort()]));
    // Each node finds the partition on its own, a moment apart.
    const seen = (await waitFor(async () => {
      const p = await partitionsOf();
      return p[c1.nodeName]?.includes(c3.nodeName) && p[c2.nodeName]?.includes(c3.nodeName) ? p : undefined;
    }, 30_000, 250))!;
    // Warren is on c1: c1 and c2 are cut off from c3, and c3 (as c1 last heard) from them.
    expect(seen[c1.nodeName]).toEqual([c3.nodeName]);
    expect(seen[c2.nodeName]).toEqual([c3.nodeName]);
    const fromC3 = await nodesSeenBy(c3.managementPort);
    expect(fromC3.filter((n) => n.name !== c3.nodeName).every((n) => !n.running)).toBe(true);

    await heal();
    healed = true;
    await waitFor(async () => Object.values(await partitionsOf()).every((p) => p.length === 0), 30_000, 250);
    expect((await call('overview.get', {})).nodes.map((n) => n.running)).toEqual([true, true, true]);
  }, 180_000);
});
