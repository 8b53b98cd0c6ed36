/**
 * Get messages through the management API: POST /api/queues/{vhost}/{queue}/get with the ack
 * mode asked (shared/messaging/get-modes.ts). Peek is a get with requeue: the messages go back
 * to the queue, but the broker marks them redelivered and may put them back in another order —
 * the UI says so beside the button.
 */
import type { ReceivedMessage } from '../../../shared/messaging/types';
import { GET_MODE, type GetAckMode, type GetEncoding } from '../../../shared/messaging/get-modes';
import type { ServiceContext } from '../context';
import { toWarrenError, WarrenFailure } from '../errors';
import { vhostPath } from '../broker/management';
import { decodeTable } from './codec';

interface GetRow {
  payload_bytes: number;
  redelivered: boolean;
  exchange: string;
  routing_key: string;
  message_count: number;
  properties: Record<string, unknown>;
  payload: string;
  payload_encoding: 'string' | 'base64';
}

const NAMES: Record<string, string> = {
  content_type: 'contentType',
  content_encoding: 'contentEncoding',
  delivery_mode: 'deliveryMode',
  priority: 'priority',
  correlation_id: 'correlationId',
  reply_to: 'replyTo',
  expiration: 'expiration',
  message_id: 'messageId',
  timestamp: 'timestamp',
  type: 'type',
  user_id: 'userId',
  app_id: 'appId',
};

export function peek(ctx: ServiceContext, queue: string, count: number): Promise<ReceivedMessage[]> {
  return getMessages(ctx, { queue, count, ackMode: 'requeue', encoding: 'auto' });
}

export async function getMessages(
  ctx: ServiceContext,
  { queue, count, ackMode, encoding }: { queue: string; count: number; ackMode: GetAckMode; encoding: GetEncoding },
): Promise<ReceivedMessage[]> {
  const management = ctx.connection.requireManagement();
  const vhost = ctx.connection.state.vhost ?? '/';
  try {
    const rows = await management.post<GetRow[]>(`/queues/${vhostPath(vhost)}/${encodeURIComponent(queue)}/get`, {
      count,
      ackmode: GET_MODE[ackMode].management,
      encoding,
      truncate: 50_000,
    });
    return rows.map((row, i) => toMessage(row, i + 1, GET_MODE[ackMode].settled));
  } catch (err) {
    const error = toWarrenError(err);
    throw new WarrenFailure(error.code === 'NOT_FOUND' ? { ...error, message: `No queue “${queue}” in virtual host ${vhost}` } : error);
  }
}

function toMessage(row: GetRow, id: number, settled: ReceivedMessage['settled']): ReceivedMessage {
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row.properties ?? {})) {
    if (key === 'headers') properties.headers = decodeTable(value as Record<string, unknown>);
    else if (NAMES[key]) properties[NAMES[key]!] = value;
  }
  const bytes = row.payload_encoding === 'base64' ? Buffer.from(row.payload, 'base64').length : Buffer.byteLength(row.payload);
  return {
    id,
    receivedAt: Date.now(),
    exchange: row.exchange,
    routingKey: row.routing_key,
    redelivered: row.redelivered,
    deliveryTag: 0,
    size: row.payload_bytes,
    properties,
    body: { encoding: row.payload_encoding === 'base64' ? 'base64' : 'utf8', data: row.payload },
    truncated: bytes < row.payload_bytes,
    settled,
    messageCount: row.message_count,
  };
}
