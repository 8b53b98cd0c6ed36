/** Topology domain types: rows of the tables, the snapshot the graph and the route explainer read. Plain data. */
import type { RouteResult } from './routing';

export const TABLE_KINDS = ['queues', 'exchanges', 'bindings', 'connections', 'channels', 'consumers'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

export type QueueType = 'classic' | 'quorum' | 'stream';

export interface QueueRow {
  vhost: string;
  name: string;
  type: string;
  /** running, idle, flow, down …; '' when the broker has not reported it yet. */
  state: string;
  ready: number;
  unacked: number;
  total: number;
  consumers: number;
  publishRate: number;
  deliverRate: number;
  arguments: Record<string, unknown>;
  policy: string;
  /** The operator policy in effect, if any: its limits win over the policy's when smaller. */
  operatorPolicy?: string;
  /** What the policy in effect sets (dead-letter-exchange, message-ttl …), the operator policy merged in; {} without one. */
  policyDefinition?: Record<string, unknown>;
  node: string;
  /** Quorum queues and streams: the leader, the members (replicas) and which of them are online. */
  leader?: string;
  members?: string[];
  online?: string[];
  durable: boolean;
  exclusive: boolean;
  autoDelete: boolean;
}

export interface ExchangeRow {
  vhost: string;
  /** '' is the default exchange. */
  name: string;
  type: string;
  durable: boolean;
  autoDelete: boolean;
  internal: boolean;
  arguments: Record<string, unknown>;
  publishInRate: number;
  publishOutRate: number;
  /** The policy in effect, if any ('' or absent: none). */
  policy?: string;
  /** The alternate exchange in effect: the argument's, else the policy's (set in snapshots). */
  alternateExchange?: string;
  /** Where `alternateExchange` comes from. */
  alternateFrom?: 'argument' | 'policy';
}

export interface BindingRow {
  vhost: string;
  source: string;
  destination: string;
  destinationType: 'queue' | 'exchange';
  routingKey: string;
  /** Void (AMQP "V") arguments are null here, as amqplib encodes them. */
  arguments: Record<string, unknown>;
  /** The management API's key for this binding (unique per source/destination). */
  propertiesKey: string;
}

export interface ConnectionRow {
  vhost: string;
  name: string;
  user: string;
  /** client_properties.connection_name, when the client set one. */
  clientName: string;
  /** client_properties.product: "amqplib", "Pika Python Client Library", "Warren" … */
  clientProduct: string;
  /** Opened by Warren (it reports product "Warren"). */
  warren: boolean;
  /** Opened by a program of this demo ("ecomnow" …; it reports product "Warren demo"); '' for others. */
  demo: string;
  /** The demo's program on this connection ("Email service", "producer" …); '' for others. */
  demoProgram: string;
  peer: string;
  state: string;
  channels: number;
  protocol: string;
  recvRate: number;
  sendRate: number;
}

export interface ChannelRow {
  vhost: string;
  name: string;
  user: string;
  connection: string;
  number: number;
  state: string;
  consumers: number;
  unacked: number;
  prefetch: number;
  confirm: boolean;
  publishRate: number;
}

export interface ConsumerRow {
  vhost: string;
  queue: string;
  consumerTag: string;
  channel: string;
  ackRequired: boolean;
  prefetch: number;
  active: boolean;
  exclusive: boolean;
}

export interface RowOf {
  queues: QueueRow;
  exchanges: ExchangeRow;
  bindings: BindingRow;
  connections: ConnectionRow;
  channels: ChannelRow;
  consumers: ConsumerRow;
}

export type TableRows = { [K in TableKind]: { kind: K; rows: RowOf[K][] } }[TableKind];

export interface TableResult {
  data: TableRows;
  /** How many rows the broker has in total (may exceed rows.length when only the first page was asked). */
  total: number;
  /** False when only the first page was fetched; the caller asks for the rest. */
  complete: boolean;
  /** The vhost listed, or undefined for all vhosts. */
  vhost?: string;
  fetchedAt: number;
  /** How long the broker took to answer (the renderer spaces its refreshes by it). */
  tookMs: number;
  /**
   * True when the rows come from the service's memory of the last full list (read at
   * `fetchedAt`), not from the broker just now: the page shows them as of that time.
   */
  remembered?: boolean;
  /** The filter these rows answer (only matching rows, at most one page), when one was asked. */
  filter?: string;
  /** With `filter`: how many rows match in all (the rows given are at most one page of them). */
  matched?: number;
  /** A slice of the full list (asked with `slice`): the index of its first row. */
  sliceFrom?: number;
}

/**
 * Above this many rows a table is never read whole: the broker closes a request that sends
 * nothing for 60 s (cowboy's idle timeout), and 100,000 queues took it 37 s alone and over 60 s
 * on a loaded 2-core machine — a read that fails, and goes on costing the broker after it was
 * closed. Such a table shows the broker's first page, and its filter asks the broker.
 */
export const FULL_LIST_MAX_ROWS = 50_000;

/** The most rows one slice of a full list may ask for. */
export const TABLE_SLICE_MAX = 100_000;

export interface TopologySnapshot {
  vhost: string;
  exchanges: ExchangeRow[];
  queues: QueueRow[];
  bindings: BindingRow[];
  fetchedAt: number;
}

export interface DeclareResult {
  kind: 'exchange' | 'queue';
  name: string;
  vhost: string;
  /** For queues: what the broker reported at declare time. */
  messageCount?: number;
  consumerCount?: number;
}

export interface BindResult {
  source: string;
  destination: string;
  destinationType: 'queue' | 'exchange';
  routingKey: string;
  arguments: Record<string, unknown>;
  vhost: string;
}

export interface DeleteResult {
  kind: 'exchange' | 'queue';
  name: string;
  vhost: string;
  /** Messages lost with a deleted queue. */
  messagesDeleted?: number;
}

export interface PurgeResult {
  queue: string;
  vhost: string;
  purged: number;
}

export interface ExplainResult extends RouteResult {
  vhost: string;
  exchange: string;
  routingKey: string;
  headers: Record<string, unknown>;
  snapshotAt: number;
}

export interface TopologyChanged {
  vhost: string;
  what: string;
  at: number;
}

/** A passive declare's answer: the queue exists, with these counts. */
export interface QueueCheck {
  queue: string;
  messageCount: number;
  consumerCount: number;
}
