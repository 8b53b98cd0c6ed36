/**
 * "EcomNow: a broker node fails" on the run's cluster: orders at a steady rate while the node
 * holding the queues is killed (kill -9) and started again. Quorum queues: every order reaches
 * all three services, the leader moved. Classic queues: the outage shows in what is counted.
 */
import amqp from 'amqplib';
import { afterAll, describe, expect, it } from 'vitest';
import type { DemoBroker } from '../../../demos/runtime';
import type { VariantResult } from '../../../demos/ecomnow-cluster-run';
import { runHeadless } from '../../../main/service/demos/headless';
import { demoClusterOf } from '../../../main/service/demos/private-cluster';
import { clusterEngine, clusterFor } from '../../support/cluster';

const cluster = clusterFor(import.meta.url);

const engine = cluster ? clusterEngine(cluster) : undefined;
afterAll(async () => {
  // Leave the run's cluster whole for the next file.
  if (engine && engine.state.status !== 'ready') await engine.start();
});

describe.skipIf(!cluster)('EcomNow: a broker node fails, on the run’s cluster', () => {
  it('quorum queues lose no order through a kill -9, the leader moves and the killed node’s replica is online again; classic queues on the killed node show the outage', async () => {
    const survivor = cluster!.nodes[1]!;
    let released = false;
    const broker: DemoBroker = {
      open: () => amqp.connect(`amqp://guest:guest@127.0.0.1:${survivor.amqpPort}/`),
      // start() finds the run's running nodes (it starts none of them).
      cluster: async () => (await engine!.start(), demoClusterOf(engine!, 'ecomnow-cluster', async () => void (released = true), { about: 'The run’s cluster, handed to the demo.' })),
      describe: { host: '127.0.0.1', port: survivor.amqpPort, vhost: '/', username: 'guest', tls: false },
    };
    const lines: string[] = [];
    const o = await runHeadless('ecomnow-cluster', { broker, onLine: (l) => lines.push(l.text) });
    const quorum = o.facts.quorum as VariantResult;
    const classic = o.facts.classic as VariantResult;
    console.log(JSON.stringify({ quorum, classic }));
    expect(o.checks.filter((c) => !c.ok), lines.join('\n')).toEqual([]);
    expect(quorum.placed).toBeGreaterThan(0);
    expect(quorum.lost).toBe(0);
    expect(quorum.delivered).toBe(quorum.placed);
    expect(quorum.nodeBefore).toBe('c1');
    expect(quorum.nodeDuring).not.toBe('c1');
    expect(quorum.replicaBack).toBe(true);
    expect(classic.lost > 0 || classic.outage_ms >= 6000).toBe(true);
    // The cluster was handed over: the demo leaves it running, all three nodes up.
    expect(released).toBe(true);
    expect(engine!.state.nodes.map((n) => n.status)).toEqual(['running', 'running', 'running']);
  }, 300_000);
});
