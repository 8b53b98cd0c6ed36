/**
 * Reads the watched queues and the broker totals from the management API: per vhost ONE
 * request for all its watched queues (a regex name filter when the list fits in a URL, else the
 * whole vhost's list, both with `columns=` naming only the fields charted). Given `historySeconds`,
 * the same request also asks for the broker's per-second samples of that many seconds back
 * (broker-history.ts), for seconds whose own request could not be made in time.
 */
import type { ManagementClient } from '../broker/management';
import { vhostPath } from '../broker/management';
import { HISTORY_STEP_MS, historyAt, sumSamples, type BrokerHistory, type BrokerSample } from './broker-history';

export const QUEUE_COLUMNS = [
  'name',
  'messages_ready',
  'messages_unacknowledged',
  'messages',
  'consumers',
  'message_stats.publish',
  'message_stats.deliver_get',
  'message_stats.ack',
  'message_stats.redeliver',
];

/** The per-second samples a history request adds (counts, then cumulative counters). */
export const QUEUE_HISTORY_COLUMNS = [
  'messages_ready_details.samples',
  'messages_unacknowledged_details.samples',
  'messages_details.samples',
  'message_stats.publish_details.samples',
  'message_stats.deliver_get_details.samples',
  'message_stats.ack_details.samples',
  'message_stats.redeliver_details.samples',
];

export const OVERVIEW_COLUMNS = [
  'queue_totals.messages_ready',
  'queue_totals.messages_unacknowledged',
  'queue_totals.messages',
  'object_totals.consumers',
  'message_stats.publish',
  'message_stats.deliver_get',
  'message_stats.ack',
  'message_stats.redeliver',
  'message_stats.drop_unroutable',
  'message_stats.return_unroutable',
];

/** The management API pages at most 500 rows, and filters by name only when paging. */
const PAGE_LIMIT = 500;
/**
 * A URL-encoded regex of names longer than this does not fit the broker's request line (Cowboy
 * refuses long ones with 414): fetch the vhost's whole list (with columns=) instead.
 */
const MAX_FILTER_CHARS = 6000;

/** A field's `_details` object: `samples` only when the request asked for history. */
interface Details {
  samples?: BrokerSample[];
}

interface MessageStats {
  publish?: number;
  deliver_get?: number;
  ack?: number;
  redeliver?: number;
  drop_unroutable?: number;
  return_unroutable?: number;
  publish_details?: Details;
  deliver_get_details?: Details;
  ack_details?: Details;
  redeliver_details?: Details;
  drop_unroutable_details?: Details;
  return_unroutable_details?: Details;
}

interface Lengths {
  messages_ready?: number;
  messages_unacknowledged?: number;
  messages?: number;
  messages_ready_details?: Details;
  messages_unacknowledged_details?: Details;
  messages_details?: Details;
}

export interface RawQueue extends Lengths {
  name: string;
  consumers?: number;
  message_stats?: MessageStats;
}

export interface RawOverview {
  queue_totals?: Lengths;
  object_totals?: { consumers?: number };
  message_stats?: MessageStats;
}

/** Counts plus cumulative counters (rates are computed from these by the sampler). */
export interface QueueReading {
  ready: number | null;
  unacked: number | null;
  total: number | null;
  consumers: number | null;
  counters: { publish: number | null; deliver: number | null; ack: number | null; redeliver: number | null; unroutable: number | null };
  /** The broker's per-second samples, when the request asked for them. */
  history?: BrokerHistory;
}

/** The management API's parameters for `seconds` of per-second samples (counts and counters). */
export function historyParams(seconds: number): Record<string, number> {
  const incr = HISTORY_STEP_MS / 1000;
  return { lengths_age: seconds, lengths_incr: incr, msg_rates_age: seconds, msg_rates_incr: incr };
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function readQueues(management: ManagementClient, vhost: string, names: string[], historySeconds?: number): Promise<Map<string, QueueReading>> {
  const wanted = new Set(names);
  const filter = `^(?:${names.map(escapeRegex).join('|')})$`;
  const columns = historySeconds === undefined ? QUEUE_COLUMNS : [...QUEUE_COLUMNS, ...QUEUE_HISTORY_COLUMNS];
  const history = historySeconds === undefined ? {} : historyParams(historySeconds);
  let rows: RawQueue[];
  if (names.length <= PAGE_LIMIT && encodeURIComponent(filter).length <= MAX_FILTER_CHARS) {
    const page = await management.page<RawQueue>(`/queues/${vhostPath(vhost)}`, columns, 1, PAGE_LIMIT, { name: filter, use_regex: true, ...history });
    rows = page.items;
  } else {
    rows = await management.list<RawQueue>(`/queues/${vhostPath(vhost)}`, columns, history);
  }
  const out = new Map<string, QueueReading>();
  // The broker's regex match ignores case: pick exact names here.
  for (const row of rows) if (wanted.has(row.name)) out.set(row.name, queueReading(row));
  return out;
}

export async function readOverviewCounters(management: ManagementClient, historySeconds?: number): Promise<QueueReading> {
  const raw = await management.get<RawOverview>('/overview', {
    columns: OVERVIEW_COLUMNS.join(','),
    ...(historySeconds === undefined ? {} : historyParams(historySeconds)),
  });
  const stats = raw.message_stats;
  const totals = raw.queue_totals;
  return {
    ready: raw.queue_totals?.messages_ready ?? 0,
    unacked: raw.queue_totals?.messages_unacknowledged ?? 0,
    total: raw.queue_totals?.messages ?? 0,
    consumers: raw.object_totals?.consumers ?? 0,
    counters: {
      publish: stats?.publish ?? 0,
      deliver: stats?.deliver_get ?? 0,
      ack: stats?.ack ?? 0,
      redeliver: stats?.redeliver ?? 0,
      unroutable: (stats?.drop_unroutable ?? 0) + (stats?.return_unroutable ?? 0),
    },
    ...(historySeconds === undefined
      ? {}
      : {
          history: {
            ...lengthsHistory(totals),
            ...countersHistory(stats),
            unroutable: sumSamples(stats?.drop_unroutable_details?.samples, stats?.return_unroutable_details?.samples),
          },
        }),
  };
}

function queueReading(row: RawQueue): QueueReading {
  // A queue with no traffic yet has no message_stats at all: its counters are zero.
  const stats = row.message_stats;
  return {
    ready: row.messages_ready ?? null,
    unacked: row.messages_unacknowledged ?? null,
    total: row.messages ?? null,
    consumers: row.consumers ?? null,
    counters: {
      publish: stats?.publish ?? 0,
      deliver: stats?.deliver_get ?? 0,
      ack: stats?.ack ?? 0,
      redeliver: stats?.redeliver ?? 0,
      unroutable: null,
    },
    ...(row.messages_details?.samples ? { history: { ...lengthsHistory(row), ...countersHistory(stats) } } : {}),
  };
}

function lengthsHistory(lengths: Lengths | undefined): BrokerHistory {
  return {
    ready: lengths?.messages_ready_details?.samples,
    unacked: lengths?.messages_unacknowledged_details?.samples,
    total: lengths?.messages_details?.samples,
  };
}

function countersHistory(stats: MessageStats | undefined): BrokerHistory {
  return {
    publish: stats?.publish_details?.samples,
    deliver: stats?.deliver_get_details?.samples,
    ack: stats?.ack_details?.samples,
    redeliver: stats?.redeliver_details?.samples,
  };
}

/**
 * What the broker held at `at` (its clock), from the reading's history (see broker-history.ts);
 * undefined without history. A field the history does not reach is null ("not known"), and so
 * are consumers (the broker keeps no history of them). A counter that is 0 with no samples
 * belongs to a queue without that traffic yet (the broker then lists no such stats): it was 0
 * before too.
 */
export function readingAt(reading: QueueReading, at: number): QueueReading | undefined {
  if (!reading.history) return undefined;
  const past = historyAt(reading.history, at);
  const counter = (field: keyof QueueReading['counters']) => {
    const now = reading.counters[field];
    if (now === null) return null;
    return now === 0 && !reading.history?.[field] ? 0 : past[field];
  };
  return {
    ready: past.ready,
    unacked: past.unacked,
    total: past.total,
    consumers: null,
    counters: { publish: counter('publish'), deliver: counter('deliver'), ack: counter('ack'), redeliver: counter('redeliver'), unroutable: counter('unroutable') },
  };
}

