/**
 * The Overview of the run's cluster through a profile naming its three nodes: every node with its
 * state and the one Warren is on; a node killed with kill -9 shows down within 2 s, and running
 * again once started.
 */
import { describe, expect, it } from 'vitest';
import { waitFor } from '../../support/broker';
import { cleanupAfterAll, clusterEngine, clusterFor, clusterProfile } from '../../support/cluster';
import { makeService, valueCaller } from '../../support/service';

const cluster = clusterFor(import.meta.url);

const cleanup = cleanupAfterAll();

describe.skipIf(!cluster)('the overview of a cluster', () => {
  it('lists three running nodes with the one Warren is on; a killed node is down within 2 s and running after start, each a marker on the charts', async () => {
    const engine = clusterEngine(cluster!);
    cleanup(async () => (engine.state.status === 'ready' ? undefined : engine.start()));
    const svc = makeService();
    cleanup(() => svc.service.shutdown());
    const call = valueCaller(svc);
    const profile = await call('profiles.save', clusterProfile(cluster!));
    await call('connection.connect', { id: profile.id });

    const first = await call('overview.get', {});
    expect(first.management.available && first.management.clusterName).toBe(cluster!.clusterName);
    expect(first.nodes.map((n) => n.name).sort()).toEqual(cluster!.nodes.map((n) => n.nodeName).sort());
    expect(first.nodes.every((n) => n.running && n.partitions.length === 0)).toBe(true);
    expect(first.nodes.map((n) => n.version)).toEqual(['3.10.8', '3.10.8', '3.10.8']);
    expect(first.nodes.filter((n) => n.connected).map((n) => n.name)).toEqual([cluster!.nodes[0]!.nodeName]);

    // The charts know the nodes once their sampler has read them (it marks changes, not the first reading).
    await waitFor(async () => ((await call('charts.status', {})).requestStats?.count ?? 0) >= 2, 10_000, 100);
    const victim = cluster!.nodes[2]!;
    const killedAt = Date.now();
    engine.killNode(victim.name);
    await waitFor(async () => (await call('overview.get', {})).nodes.find((n) => n.name === victim.nodeName)?.running === false, 10_000, 100);
    expect(Date.now() - killedAt).toBeLessThan(2000);

    // The charts mark it too, on every chart, by the node's short name.
    const short = victim.nodeName.split('@')[0];
    const markers = async () => (await call('charts.history', {})).markers.filter((m) => m.kind === 'node').map((m) => m.label);
    await waitFor(async () => (await markers()).includes(`${short} down`), 10_000, 100);

    await engine.startNode(victim.name);
    await waitFor(async () => (await call('overview.get', {})).nodes.every((n) => n.running), 30_000, 250);
    await waitFor(async () => (await markers()).includes(`${short} up`), 10_000, 100);
  }, 120_000);
});
