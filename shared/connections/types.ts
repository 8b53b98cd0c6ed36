/** Domain types shared by the main process and the renderer. Plain data only. */
import type { WarrenError } from '../errors';

export type HostKind = 'electron' | 'browser';

export interface AppInfo {
  version: string;
  host: HostKind;
  dataDir: string;
  /** Whether saved passwords are encrypted by the OS keychain (desktop) or kept in memory (browser). */
  passwordStorage: 'os-keychain' | 'memory';
  /** Whether "Remember password" is offered (browser host: sealed in a 0600 file on request). */
  canRememberPasswords: boolean;
}

/** sandbox: built in; detected: a broker found on localhost:5672; environment: WARREN_BROKER_URL; user: saved. */
/** The built-in profile of the sandbox cluster (its three nodes); the Demos page offers to connect to it. */
export const CLUSTER_PROFILE_ID = 'sandbox-cluster';

export type ProfileKind = 'sandbox' | 'detected' | 'environment' | 'user';

export interface TlsSettings {
  enabled: boolean;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  verifyPeer: boolean;
}

/** A connection profile as the renderer sees it: never carries the password. */
export interface ProfileSummary {
  id: string;
  kind: ProfileKind;
  name: string;
  host: string;
  port: number;
  vhost: string;
  username: string;
  hasPassword: boolean;
  /** The password is sealed on disk (keychain or the opt-in 0600 file), not only in memory. */
  passwordRemembered: boolean;
  tls: TlsSettings;
  /** Empty means derived from host (http://host:15672, https://host:15671 with TLS). */
  managementUrl: string;
  heartbeat: number;
}

export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface ServerInfo {
  product: string;
  version: string;
  clusterName?: string;
  node?: string;
}

export interface ConnectionState {
  status: ConnectionStatus;
  profileId?: string;
  profileName?: string;
  vhost?: string;
  server?: ServerInfo;
  /** With several hosts: "host:port" of the one Warren is connected to now. */
  endpoint?: string;
  /** Milliseconds until the next reconnect attempt, while reconnecting. */
  retryInMs?: number;
  attempt?: number;
  error?: WarrenError;
  /** A non-fatal error (e.g. a channel the broker closed, now replaced). */
  lastChannelError?: WarrenError;
  /** When lastChannelError happened (ms since epoch), so a repeat of the same error is news. */
  lastChannelErrorAt?: number;
  since: number;
  /** Set once, by a switch from another profile: what the old connection took with it. */
  switched?: { from: string; detached: string[] };
}

export type SandboxStatus = 'unavailable' | 'stopped' | 'starting' | 'ready' | 'stopping' | 'failed';

export interface SandboxState {
  status: SandboxStatus;
  dataDir: string;
  nodeName?: string;
  amqpPort?: number;
  managementPort?: number;
  keepRunning: boolean;
  /** True when Warren found the node already running (kept from an earlier launch). */
  reused?: boolean;
  /** Last lines of the node's log, when it failed. */
  logTail?: string[];
  error?: WarrenError;
}

export interface TestConnectionResult {
  message: string;
  server: ServerInfo;
  vhost: string;
}

/**
 * One node of the sandbox cluster. stopped: not started, or stopped by the user; down: it died
 * (killed, crashed) while running; failed: it did not start, or did not join the others.
 */
export type ClusterNodeStatus = 'stopped' | 'starting' | 'running' | 'stopping' | 'down' | 'failed';

export interface ClusterNodeState {
  /** Short name shown on its card: c1, c2, c3. */
  name: string;
  /** The Erlang node name (what RabbitMQ, rabbitmqctl and the management UI call it). */
  nodeName: string;
  status: ClusterNodeStatus;
  amqpPort?: number;
  managementPort?: number;
  distPort?: number;
  /** Last lines of the node's log, when it is down or failed. */
  logTail?: string[];
  error?: WarrenError;
}

/** ready: every node runs and is joined; degraded: some node is down or failed while others run. */
export type ClusterStatus = 'unavailable' | 'stopped' | 'starting' | 'ready' | 'degraded' | 'stopping' | 'failed';

export interface ClusterState {
  status: ClusterStatus;
  dataDir: string;
  clusterName: string;
  nodes: ClusterNodeState[];
  error?: WarrenError;
}
