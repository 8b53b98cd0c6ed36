/**
 * Why a cluster node did not join, in the user's terms, read from the nodes' log lines. Erlang
 * says "Invalid challenge reply" (on the node that was asked) when cookies differ, and a node
 * whose data folder remembers another cluster says it is "inconsistent" with it.
 */
import { warrenError, type WarrenError } from '../../../../shared/errors';

interface Fault {
  pattern: RegExp;
  message: (node: string) => string;
  hint: string;
}

const FAULTS: Fault[] = [
  {
    pattern: /invalid challenge reply|cookie/i,
    message: (node) => `Node ${node} was refused by the others: its Erlang cookie is not the cluster's`,
    hint: "Nodes of one cluster must share one cookie (the .erlang.cookie in each node's folder). Stop the cluster and start it again: Warren writes the cluster's cookie to every node.",
  },
  {
    pattern: /inconsistent_cluster|thinks it's clustered|does not think it's clustered|not_a_cluster_node|no_running_cluster_nodes/i,
    message: (node) => `Node ${node} remembers another cluster in its data folder (stale data) and would not join this one`,
    hint: 'Delete the mnesia folder inside that node’s folder (it holds only this sandbox’s queues and messages), and start the node again: it joins as a new member.',
  },
  {
    pattern: /eaddrinuse|address already in use/i,
    message: (node) => `Node ${node} could not listen: one of its ports is used by another program`,
    hint: 'Stop the program using the port, or start the node again: Warren chooses a free port when its own is taken.',
  },
];

/** The first known fault in `lines`, if any. */
export function knownClusterFault(node: string, lines: string[]): WarrenError | undefined {
  const fault = FAULTS.find((f) => lines.some((line) => f.pattern.test(line)));
  return fault ? warrenError('SANDBOX_UNAVAILABLE', fault.message(node), { hint: fault.hint }) : undefined;
}

/** The first known fault in `lines`, or a plain "did not join" with what to read. */
export function explainJoinFailure(node: string, lines: string[]): WarrenError {
  return knownClusterFault(node, lines) ?? warrenError('SANDBOX_UNAVAILABLE', `Node ${node} runs but did not join the cluster`, {
    hint: 'Read the log lines below; stop that node and start it again to retry the join.',
  });
}
