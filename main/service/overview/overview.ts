/** The overview page's data: one request each for overview, nodes and vhosts. */
import type { ServerInfo } from '../../../shared/connections/types';
import type { NodeSummary, Overview } from '../../../shared/overview/types';
import { warrenError } from '../../../shared/errors';
import { toWarrenError } from '../errors';
import type { ManagementClient } from '../broker/management';
import { vhostPath } from '../broker/management';

interface ApiOverview {
  rabbitmq_version: string;
  erlang_version: string;
  cluster_name: string;
  node: string;
  object_totals?: { connections: number; channels: number; exchanges: number; queues: number; consumers: number };
  queue_totals?: { messages?: number; messages_ready?: number; messages_unacknowledged?: number };
  message_stats?: MessageStats;
}

interface ApiVhost {
  name: string;
  messages?: number;
  messages_ready?: number;
  messages_unacknowledged?: number;
  message_stats?: MessageStats;
}

interface MessageStats {
  publish_details?: { rate: number };
  deliver_get_details?: { rate: number };
  ack_details?: { rate: number };
}

interface ApiNode {
  name: string;
  running: boolean;
  uptime?: number;
  mem_used?: number;
  mem_limit?: number;
  mem_alarm?: boolean;
  disk_free?: number;
  disk_free_limit?: number;
  disk_free_alarm?: boolean;
  partitions?: string[];
  /** The node's running applications; RabbitMQ's own ("rabbit") carries the node's version. */
  applications?: { name: string; version: string }[];
}

const NODE_COLUMNS = ['name', 'running', 'uptime', 'mem_used', 'mem_limit', 'mem_alarm', 'disk_free', 'disk_free_limit', 'disk_free_alarm', 'partitions', 'applications'];

export async function readOverview(
  management: ManagementClient | undefined,
  server: ServerInfo | undefined,
  vhost: string | undefined,
): Promise<Overview> {
  const base = { server, sampledAt: Date.now(), vhost: vhost ?? '' };
  if (!management) {
    return {
      ...base,
      management: { available: false, error: warrenError('NOT_CONNECTED', 'Not connected to a broker') },
      nodes: [],
      vhosts: [],
    };
  }
  try {
    const [overview, nodes, vhosts, scoped] = await Promise.all([
      management.get<ApiOverview>('/overview'),
      management.list<ApiNode>('/nodes', NODE_COLUMNS),
      management.list<ApiVhost>('/vhosts', ['name']),
      vhost ? management.get<ApiVhost>(`/vhosts/${vhostPath(vhost)}`) : Promise.resolve(undefined),
    ]);
    const counts = scoped ?? {
      messages: overview.queue_totals?.messages,
      messages_ready: overview.queue_totals?.messages_ready,
      messages_unacknowledged: overview.queue_totals?.messages_unacknowledged,
      message_stats: overview.message_stats,
    };
    return {
      ...base,
      server: server ?? { product: 'RabbitMQ', version: overview.rabbitmq_version, clusterName: overview.cluster_name },
      management: {
        available: true,
        rabbitmqVersion: overview.rabbitmq_version,
        erlangVersion: overview.erlang_version,
        clusterName: overview.cluster_name,
      },
      nodes: nodes.map((n) => nodeSummary(n, overview.node)),
      totals: overview.object_totals,
      messages: {
        ready: counts.messages_ready ?? 0,
        unacked: counts.messages_unacknowledged ?? 0,
        total: counts.messages ?? 0,
      },
      rates: {
        publish: counts.message_stats?.publish_details?.rate ?? 0,
        deliver: counts.message_stats?.deliver_get_details?.rate ?? 0,
        ack: counts.message_stats?.ack_details?.rate ?? 0,
      },
      vhosts: vhosts.map((v) => v.name).sort(),
    };
  } catch (err) {
    const error = toWarrenError(err);
    // A vhost-scoped failure is the user's to fix; an unreachable API means "no management plugin".
    if (error.code === 'NOT_FOUND' && vhost) throw err;
    return {
      ...base,
      management: {
        available: false,
        error: {
          ...error,
          message: `Management API unavailable: ${error.message}`,
          hint:
            'Publishing, consuming and declaring still work over AMQP. To see totals and rates, enable the management plugin (rabbitmq-plugins enable rabbitmq_management) or set the management URL in the profile.',
        },
      },
      nodes: [],
      vhosts: [],
    };
  }
}

function versionOf(n: ApiNode): { version?: string } {
  const version = n.applications?.find((a) => a.name === 'rabbit')?.version;
  return version ? { version } : {};
}

function nodeSummary(n: ApiNode, connectedNode: string): NodeSummary {
  return {
    name: n.name,
    running: n.running,
    uptimeMs: n.uptime ?? 0,
    memUsed: n.mem_used ?? 0,
    memLimit: n.mem_limit ?? 0,
    memAlarm: n.mem_alarm ?? false,
    diskFree: n.disk_free ?? 0,
    diskFreeLimit: n.disk_free_limit ?? 0,
    diskAlarm: n.disk_free_alarm ?? false,
    partitions: n.partitions ?? [],
    // A node in the middle of an upgrade runs another version than its peers: each says its own.
    ...versionOf(n),
    connected: n.name === connectedNode,
  };
}
