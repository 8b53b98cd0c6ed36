/** What the Overview shows: the broker, its nodes, totals and rates. */
import type { WarrenError } from '../errors';
import type { ServerInfo } from '../connections/types';

export interface NodeSummary {
  name: string;
  running: boolean;
  uptimeMs: number;
  memUsed: number;
  memLimit: number;
  memAlarm: boolean;
  diskFree: number;
  diskFreeLimit: number;
  diskAlarm: boolean;
  /** Nodes this one cannot reach while they run (a network partition); empty when whole. */
  partitions: string[];
  /** The node Warren's connection (and management API) is on. */
  connected: boolean;
  /** RabbitMQ's version on this node (absent for a node that is down). */
  version?: string;
}

export interface Overview {
  server?: ServerInfo;
  management:
    | { available: true; rabbitmqVersion: string; erlangVersion: string; clusterName: string; statisticsIntervalMs?: number }
    | { available: false; error: WarrenError };
  nodes: NodeSummary[];
  totals?: { connections: number; channels: number; exchanges: number; queues: number; consumers: number };
  messages?: { ready: number; unacked: number; total: number };
  rates?: { publish: number; deliver: number; ack: number };
  vhosts: string[];
  vhost: string;
  sampledAt: number;
}
