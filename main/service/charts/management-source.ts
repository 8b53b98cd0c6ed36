/**
 * Reads the watched queues and the broker totals from the management API: per vhost ONE
 * request for all its watched queues (a regex name filter when the list fits in a URL, else the
 * whole vhost's list, both with `columns=` naming only the fields charted).
 */
import type { ManagementClient } from '../broker/management';
import { vhostPath } from '../broker/management';

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

interface MessageStats {
  publish?: number;
  deliver_get?: number;
  ack?: number;
  redeliver?: number;
  drop_unroutable?: number;
  return_unroutable?: number;
}

export interface RawQueue {
  name: string;
  messages_ready?: number;
  messages_unacknowledged?: number;
  messages?: number;
  consumers?: number;
  message_stats?: MessageStats;
}

export interface RawOverview {
  queue_totals?: { messages_ready?: number; messages_unacknowledged?: number; messages?: number };
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
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function readQueues(management: ManagementClient, vhost: string, names: string[]): Promise<Map<string, QueueReading>> {
  const wanted = new Set(names);
  const filter = `^(?:${names.map(escapeRegex).join('|')})$`;
  let rows: RawQueue[];
  if (names.length <= PAGE_LIMIT && encodeURIComponent(filter).length <= MAX_FILTER_CHARS) {
    const page = await management.page<RawQueue>(`/queues/${vhostPath(vhost)}`, QUEUE_COLUMNS, 1, PAGE_LIMIT, { name: filter, use_regex: true });
    rows = page.items;
  } else {
    rows = await management.list<RawQueue>(`/queues/${vhostPath(vhost)}`, QUEUE_COLUMNS);
  }
  const out = new Map<string, QueueReading>();
  // The broker's regex match ignores case: pick exact names here.
  for (const row of rows) if (wanted.has(row.name)) out.set(row.name, queueReading(row));
  return out;
}

export async function readOverviewCounters(management: ManagementClient): Promise<QueueReading> {
  const raw = await management.get<RawOverview>('/overview', { columns: OVERVIEW_COLUMNS.join(',') });
  const stats = raw.message_stats;
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
  };
}
