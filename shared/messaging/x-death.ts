/**
 * The `x-death` header the broker adds when it dead-letters a message: one entry per
 * (queue, reason), newest first, each with how often it happened. Read into rows a table shows
 * (queue, reason, count, exchange, routing keys, time) — not the raw nested field table.
 */
import type { FieldEntry, FieldValue } from './types';

export interface DeathRow {
  queue: string;
  /** rejected, expired, maxlen or delivery_limit. */
  reason: string;
  count: number;
  exchange: string;
  routingKeys: string[];
  /** Milliseconds since the epoch (the header carries seconds), when the broker gave one. */
  time?: number;
}

function field(entries: readonly FieldEntry[], key: string): FieldValue | undefined {
  return entries.find((e) => e.key === key)?.value;
}

function text(value: FieldValue | undefined): string {
  return value?.t === 'string' ? value.v : '';
}

/** The x-death entries of a message's headers, or undefined when it has none (or not in the broker's shape). */
export function readXDeath(headers: readonly FieldEntry[] | undefined): DeathRow[] | undefined {
  const header = headers ? field(headers, 'x-death') : undefined;
  if (header?.t !== 'array') return undefined;
  const rows: DeathRow[] = [];
  for (const item of header.v) {
    if (item.t !== 'table') return undefined;
    const count = field(item.v, 'count');
    const time = field(item.v, 'time');
    const keys = field(item.v, 'routing-keys');
    rows.push({
      queue: text(field(item.v, 'queue')),
      reason: text(field(item.v, 'reason')),
      count: count?.t === 'int' || count?.t === 'float' ? count.v : 0,
      exchange: text(field(item.v, 'exchange')),
      routingKeys: keys?.t === 'array' ? keys.v.map((k) => text(k)) : [],
      ...(time?.t === 'timestamp' || time?.t === 'int' ? { time: time.v * 1000 } : {}),
    });
  }
  return rows;
}

/** What each reason means, for the table's tooltip. */
export const DEATH_REASONS: Record<string, string> = {
  rejected: 'rejected or nacked without requeue by a consumer',
  expired: 'its TTL ran out in the queue',
  maxlen: 'the queue was over its max length',
  delivery_limit: 'redelivered more often than the quorum queue’s delivery limit',
};
