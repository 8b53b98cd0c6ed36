/**
 * Issue 14.6 — EcomNow: a broker node fails. The three services on QUORUM queues across a
 * 3-node cluster: a node is killed (kill -9), the leaders move, orders keep flowing and are
 * emailed, the node comes back and catches up. Then the same with CLASSIC queues whose node is
 * killed: the outage shows, and what a non-replicated queue costs is counted. The cluster is
 * Warren's sandbox cluster in the app (where the charts look), one of the demo's own from the
 * command line, or the one a test hands over: never a cluster the user works on.
 */
import { check, type DemoDefinition } from './definition';
import { DEFAULT_TIMING, runVariant, variantNames, type QueueKind, type VariantResult, type VariantTiming } from './ecomnow-cluster-run';
import type { DemoCluster, DemoRuntime } from './runtime';

/** The figures each variant reports (the JSON line). */
const REPORTED = ['placed', 'delivered', 'lost', 'duplicates', 'outage_ms'] as const;
const KINDS: QueueKind[] = ['quorum', 'classic'];

export function ecomnowClusterDemo(timing: VariantTiming = DEFAULT_TIMING): DemoDefinition {
  let cluster: DemoCluster | undefined;
  let skipped: string | undefined;
  const results: Partial<Record<QueueKind, VariantResult>> = {};

  const release = async (rt: DemoRuntime) => {
    const c = cluster;
    cluster = undefined;
    if (c) {
      await c.release();
      rt.say('The cluster is released.');
    }
  };

  const variant = async (rt: DemoRuntime, kind: QueueKind, last: boolean) => {
    if (!cluster) return;
    const r = await runVariant(rt, cluster, kind, timing);
    results[kind] = r;
    // The figures of the command line's JSON line, shown under the charts (and in presenter mode).
    for (const key of REPORTED) rt.measured[`${kind} ${key}`] = r[key];
    rt.say(
      `${kind}: ${r.placed} placed, ${r.delivered} reached all three services, ${r.lost} lost, ${r.duplicates} duplicate deliveries, ` +
        `no new email for ${r.outage_ms} ms at most; ${r.refused} publishes refused.`,
      kind === 'quorum' ? (r.lost === 0 ? 'good' : 'bad') : 'info',
    );
    rt.say(`${kind} as JSON: ${JSON.stringify(Object.fromEntries(REPORTED.map((k) => [k, r[k]])))}`, 'info');
    // Done with the cluster: a private one stops now rather than at reset.
    if (last) await release(rt);
  };

  return {
    name: 'ecomnow-cluster',
    title: 'EcomNow: a broker node fails',
    summary: 'The three EcomNow services on a 3-node cluster: a node is killed while orders flow. Quorum queues lose nothing; classic queues on the dead node do.',
    toggles: [],
    actions: [],
    needsCluster: true,
    // The story is throughput (orders keep flowing, or stop): presenter mode draws the rates.
    presenterChart: 'rates',
    async setup(rt) {
      // Both variants' email queues are charted from the start, so every step's marker is on both
      // charts (the runner marks the queues charted when a step begins); each fills in its step.
      rt.watch(KINDS.map((kind) => variantNames(kind).queue('email')));
    },
    teardown: release,
    steps: [
      {
        title: 'A cluster of three nodes',
        narration:
          'Three RabbitMQ nodes joined into one cluster: in the app, Warren’s sandbox cluster (the broker the charts show); from the command line, a cluster of the demo’s own. ' +
          'A node is killed here, so never a cluster anyone else uses.',
        run: async (rt) => {
          if (!rt.broker.cluster) {
            skipped = 'no cluster can be started here (rabbitmq-server is not installed), and a demo never kills a node others use';
            rt.say(`Skipped: ${skipped}.`);
            return;
          }
          rt.say('Making sure the cluster’s three nodes run (a start takes a while on a busy machine)…');
          cluster = await rt.broker.cluster();
          rt.say(cluster.about);
          rt.say(`Cluster up: ${cluster.nodes.join(', ')}. The node to be killed: ${cluster.victim()}.`, 'good');
        },
      },
      {
        title: 'Quorum queues: kill the leader’s node',
        narration:
          'email, inventory and analytics consume quorum queues (one leader, two followers). Orders flow at a steady rate; the node holding the leaders ' +
          'is killed with kill -9 (watch its “down” marker). A follower is elected leader, orders keep flowing and are emailed — the deliver rate barely dips; ' +
          'the node comes back (“up”) and its replicas catch up. Nothing is lost.',
        run: (rt) => variant(rt, 'quorum', false),
      },
      {
        title: 'Classic queues: kill their node',
        narration:
          'The same with classic queues: each lives on one node only. When that node is killed the queues are gone until it returns — ' +
          'the deliver rate falls to zero, orders published meanwhile route to a queue that is not there, and no email goes out. The counts at the end say what that cost.',
        run: (rt) => variant(rt, 'classic', true),
      },
    ],
    outcome() {
      const q = results.quorum;
      const c = results.classic;
      const checks = skipped
        ? [check('the demo needs a cluster of its own', false, skipped)]
        : [
            check('quorum queues: zero orders lost through a node kill', !!q && q.lost === 0 && q.placed > 0, q ? `${q.placed} placed, ${q.lost} lost` : 'not run'),
            check(
              'quorum queues: the leader moved off the killed node',
              !!q && q.nodeBefore !== undefined && q.nodeDuring !== undefined && q.nodeDuring !== q.nodeBefore,
              q ? `leader ${q.nodeBefore ?? '?'} → ${q.nodeDuring ?? '?'} while down (${q.nodeAfter ?? '?'} after)` : 'not run',
            ),
            check('quorum queues: the killed node’s replica is online again', q?.replicaBack === true, q ? `replica on ${q.nodeBefore ?? '?'} ${q.replicaBack ? 'online' : 'not online'}` : 'not run'),
            check(
              'classic queues: the outage shows (orders lost or no email for the node’s downtime)',
              !!c && (c.lost > 0 || c.outage_ms >= timing.downMs),
              c ? `${c.lost} lost, no email for ${c.outage_ms} ms` : 'not run',
            ),
          ];
      return { checks, facts: { ...results, ...(skipped ? { skipped } : {}) } };
    },
  };
}
