/**
 * Starts or stops the one sandbox cluster of a test run (used by scripts/test.mjs):
 *   tsx tests/support/cluster-cli.ts start DIR   → prints one JSON line: the nodes and their ports
 *   tsx tests/support/cluster-cli.ts stop DIR
 * The JSON line is what WARREN_TEST_CLUSTER carries to the tests (tests/support/cluster.ts).
 */
import { ClusterSandbox } from '../../main/service/connections/sandbox/cluster';

const [command, dir] = process.argv.slice(2);
if (!dir || (command !== 'start' && command !== 'stop')) {
  console.error('usage: cluster-cli.ts start|stop DIR');
  process.exit(2);
}
const cluster = new ClusterSandbox({ dir });
if (command === 'start') {
  const started = Date.now();
  const state = await cluster.start();
  if (state.status !== 'ready') {
    const lines = state.nodes.map((n) => `${n.name} ${n.status}: ${n.error?.message ?? ''}\n  ${(n.logTail ?? []).join('\n  ')}`);
    console.error(`cluster failed (${state.status}):\n${lines.join('\n')}`);
    await cluster.stop();
    process.exit(1);
  }
  const nodes = state.nodes.map(({ name, nodeName, amqpPort, managementPort, distPort }) => ({ name, nodeName, amqpPort, managementPort, distPort }));
  console.log(JSON.stringify({ dir, clusterName: state.clusterName, startMs: Date.now() - started, nodes }));
} else {
  await cluster.stop();
}
