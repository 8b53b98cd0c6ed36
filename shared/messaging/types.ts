/**
 * Messaging domain types: messages as Warren shows and sends them, consumers, repeat runs.
 * Pure data (no Node, no DOM). Header values are a typed tree so every AMQP field type
 * survives the trip through JSON (the bridge) without guessing.
 */

/** One AMQP field-table value with its type made explicit. */
export type FieldValue =
  | { t: 'string'; v: string }
  | { t: 'int'; v: number }
  | { t: 'float'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'null' }
  /** A byte array ('x'), base64. */
  | { t: 'bytes'; v: string }
  /** Seconds since the epoch ('T'). */
  | { t: 'timestamp'; v: number }
  | { t: 'decimal'; places: number; digits: number }
  | { t: 'array'; v: FieldValue[] }
  | { t: 'table'; v: FieldEntry[] };

export type FieldType = FieldValue['t'];

export interface FieldEntry {
  key: string;
  value: FieldValue;
}

/** The basic properties of AMQP 0-9-1, as the user names them. All optional. */
export interface MessageProperties {
  contentType?: string;
  contentEncoding?: string;
  /** 2 is persistent, 1 transient. */
  deliveryMode?: 1 | 2;
  priority?: number;
  correlationId?: string;
  replyTo?: string;
  /** Milliseconds as a string of digits (the spec makes it a shortstr). */
  expiration?: string;
  messageId?: string;
  /** Seconds since the epoch. */
  timestamp?: number;
  type?: string;
  userId?: string;
  appId?: string;
  headers?: FieldEntry[];
}

/** How a body crosses the bridge: text (UTF-8) or raw bytes in base64. */
export interface EncodedBody {
  encoding: 'utf8' | 'base64';
  data: string;
}

/** A message Warren received (or peeked). `id` is Warren's delivery id, unique per consumer. */
export interface ReceivedMessage {
  id: number;
  receivedAt: number;
  exchange: string;
  routingKey: string;
  redelivered: boolean;
  /** The AMQP delivery tag on the consumer's channel at the time (0 for a peek). */
  deliveryTag: number;
  size: number;
  properties: MessageProperties;
  /** Full body (detail) or a preview of the first bytes (stream); `truncated` says which. */
  body: EncodedBody;
  truncated: boolean;
  /** 'unacked' until the user settles it (manual mode); 'acked' in auto mode. */
  settled: 'unacked' | 'acked' | 'nacked' | 'rejected' | 'requeued' | 'lost';
  /** Messages still on the queue after a peek, or how many others were in the queue. */
  messageCount?: number;
}

export type AckMode = 'manual' | 'auto' | 'simulated';

export interface ConsumerOptions {
  prefetch: number;
  ackMode: AckMode;
  /** Simulated processing: fixed milliseconds per message, or one second per '.' in the body. */
  simulate?: { kind: 'fixed'; ms: number } | { kind: 'dots' };
  exclusive: boolean;
  consumerTag?: string;
  arguments?: FieldEntry[];
  /** How many messages the list keeps (older ones are counted, not kept). */
  keep: number;
  /**
   * What the page is sent as messages stream in: a preview of every delivery ('every', up to
   * 2,000 an update; beyond that the rest are counted, not shown), or only the newest of each
   * update ('newest', NEWEST_PER_UPDATE of them; the rest counted, not shown). Both keep every
   * message in Warren's list (`keep`). Absent means 'every'.
   */
  show?: ConsumerShow;
}

export type ConsumerShow = 'every' | 'newest';
/** Messages a consumer keeps to open in full (ConsumerOptions.keep): the default and its bounds. */
export const KEEP_DEFAULT = 10_000;
export const KEEP_MIN = 10;
export const KEEP_MAX = 100_000;
/**
 * The main process sends what its consumers got (deliveries, settle changes, counts) at most once
 * per UPDATE_MS: a delivery after a quiet spell goes at once, a stream goes in updates this far
 * apart. Every 33 ms, a 200,000-message consume with the Consumers page open cost Warren main 5.3
 * ms of CPU per 1,000 messages and Chromium 4.3 (median of 5 rounds); every 100 ms, 4.7 and 3.4
 * (npm run bench -- consume, one machine, one afternoon): CPU the broker did not get.
 */
export const UPDATE_MS = 100;
/** With show 'newest': previews sent per update (one update per UPDATE_MS at most). */
export const NEWEST_PER_UPDATE = 50;
/**
 * Simulated work of 0 ms acks finished messages together: a quarter of the prefetch window at a
 * time, or what finished within this many ms (main/service/messaging/consumers/simulated-work.ts).
 */
export const ACK_WAIT_MS = 20;

export type ConsumerStatus = 'starting' | 'consuming' | 'paused' | 'crashed' | 'waiting' | 'closed';

export interface ConsumerInfo {
  id: string;
  queue: string;
  /** Set for a tap: the exchange and binding key Warren bound its temporary queue with. */
  tap?: { exchange: string; bindingKey: string };
  options: ConsumerOptions;
  status: ConsumerStatus;
  consumerTag?: string;
  /** Why it is closed or waiting, in the user's terms. */
  reason?: string;
  received: number;
  unacked: number;
  acked: number;
  nacked: number;
  rejected: number;
  kept: number;
  /** Received but no longer kept in the list (over `keep`). */
  dropped: number;
  createdAt: number;
}

/** One flush of new deliveries for one consumer (previews, newest last). */
export interface DeliveryBatch {
  consumerId: string;
  messages: ReceivedMessage[];
  /** Deliveries in this flush not sent to the UI (more than a flush carries); still in the ring. */
  skipped: number;
  /**
   * Sent early because the deliveries paused (none for a few tens of ms) before the update was
   * due: the stream paused or ended, so a page draws it at once rather than waiting to see.
   */
  paused?: boolean;
}

export interface SettleChange {
  consumerId: string;
  ids: number[];
  settled: ReceivedMessage['settled'];
}

export type PublishStatus = 'confirmed' | 'nacked' | 'returned' | 'sent';

export interface PublishOutcome {
  status: PublishStatus;
  bytes: number;
  /** The broker's reply when it returned the message (mandatory, unroutable). */
  returned?: { replyCode: number; replyText: string; reasons: string[] };
}

export interface RepeatProgress {
  runId: string;
  total: number;
  sent: number;
  confirmed: number;
  nacked: number;
  returned: number;
  /** Messages per second over the last second. */
  rate: number;
  /** Since the run's first publish (its channel open), until the broker holds every message. */
  elapsedMs: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  error?: { code: string; message: string; hint: string };
  /** The route explainer's reason for the first returned message. */
  firstReturn?: { replyText: string; reasons: string[] };
  /**
   * Set when the connection was lost mid-run (a broker restart): messages 1..resumeFrom were
   * confirmed; the same run carries on with `resumeFrom` once Warren has reconnected.
   */
  resumeFrom?: number;
}

export interface TopologyHints {
  exchanges: { name: string; type: string }[];
  queues: string[];
  /** Binding keys seen, per exchange (for routing-key autocomplete). */
  bindingKeys: Record<string, string[]>;
  /** The broker's max message size in bytes, as far as Warren knows. */
  maxMessageBytes: number;
}

/**
 * The export format (`warren.messages`, version 1): a JSON file that Warren re-imports to
 * re-publish. Bodies are always base64 so binary survives; properties are as above.
 *   { "format": "warren.messages", "version": 1, "exportedAt": "<ISO>",
 *     "messages": [ { "exchange", "routingKey", "redelivered", "receivedAt",
 *                     "properties": MessageProperties, "body": { "encoding": "base64", "data" } } ] }
 */
export interface ExportedMessage {
  exchange: string;
  routingKey: string;
  redelivered: boolean;
  receivedAt: number;
  properties: MessageProperties;
  body: EncodedBody;
}

export interface MessageExport {
  format: 'warren.messages';
  version: 1;
  exportedAt: string;
  messages: ExportedMessage[];
}
