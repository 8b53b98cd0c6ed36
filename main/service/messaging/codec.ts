/**
 * Between Warren's typed messages (shared/messaging-types) and amqplib's: field tables with
 * explicit types, basic properties by their user names, bodies from the composer's modes.
 */
import type { ConsumeMessage, Options } from 'amqplib';
import type { EncodedBody, FieldEntry, FieldValue, MessageProperties, ReceivedMessage } from '../../../shared/messaging/types';
import { fail } from '../errors';

export type AmqpValue = unknown;

/** Nested deeper than this, a header is refused (and most brokers' clients would choke). */
const MAX_DEPTH = 32;

export function encodeValue(value: FieldValue, field: string, depth = 0): AmqpValue {
  if (depth > MAX_DEPTH) fail('BAD_INPUT', `Header ${field} is nested more than ${MAX_DEPTH} levels`, { field });
  switch (value.t) {
    case 'string':
      return value.v;
    case 'int':
      // amqplib picks the smallest signed type; RabbitMQ and other clients read any of them.
      return value.v;
    case 'float':
      return { '!': 'double', value: value.v };
    case 'bool':
      return value.v;
    case 'null':
      return null;
    case 'bytes':
      return Buffer.from(value.v, 'base64');
    case 'timestamp':
      return { '!': 'timestamp', value: value.v };
    case 'decimal':
      return { '!': 'decimal', value: { places: value.places, digits: value.digits } };
    case 'array':
      return value.v.map((item, i) => encodeValue(item, `${field}[${i}]`, depth + 1));
    case 'table':
      return encodeTable(value.v, field, depth + 1);
  }
}

export function encodeTable(entries: FieldEntry[], field = 'headers', depth = 0): Record<string, AmqpValue> {
  const table: Record<string, AmqpValue> = {};
  for (const entry of entries) {
    if (Object.hasOwn(table, entry.key)) fail('BAD_INPUT', `Header “${entry.key}” appears twice in ${field}`, { field });
    table[entry.key] = encodeValue(entry.value, `${field}.${entry.key}`, depth);
  }
  return table;
}

export function decodeValue(value: unknown): FieldValue {
  if (value === null || value === undefined) return { t: 'null' };
  if (typeof value === 'string') return { t: 'string', v: value };
  if (typeof value === 'boolean') return { t: 'bool', v: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { t: 'int', v: value } : { t: 'float', v: value };
  if (typeof value === 'bigint') return { t: 'int', v: Number(value) };
  if (Buffer.isBuffer(value)) return { t: 'bytes', v: value.toString('base64') };
  if (Array.isArray(value)) return { t: 'array', v: value.map(decodeValue) };
  if (typeof value === 'object') {
    const typed = value as { '!'?: unknown; value?: unknown };
    if (typed['!'] === 'timestamp' && typeof typed.value === 'number') return { t: 'timestamp', v: typed.value };
    if (typed['!'] === 'decimal') {
      const d = typed.value as { places: number; digits: number };
      return { t: 'decimal', places: d.places, digits: d.digits };
    }
    return { t: 'table', v: decodeTable(value as Record<string, unknown>) };
  }
  return { t: 'string', v: String(value) };
}

export function decodeTable(table: Record<string, unknown> | undefined): FieldEntry[] {
  if (!table) return [];
  return Object.entries(table).map(([key, value]) => ({ key, value: decodeValue(value) }));
}

/** Warren properties → amqplib publish options (only what is set). */
export function toPublishOptions(p: MessageProperties, mandatory: boolean): Options.Publish {
  const o: Options.Publish = { mandatory };
  if (p.contentType !== undefined) o.contentType = p.contentType;
  if (p.contentEncoding !== undefined) o.contentEncoding = p.contentEncoding;
  if (p.deliveryMode !== undefined) o.deliveryMode = p.deliveryMode;
  if (p.priority !== undefined) o.priority = p.priority;
  if (p.correlationId !== undefined) o.correlationId = p.correlationId;
  if (p.replyTo !== undefined) o.replyTo = p.replyTo;
  if (p.expiration !== undefined) o.expiration = p.expiration;
  if (p.messageId !== undefined) o.messageId = p.messageId;
  if (p.timestamp !== undefined) o.timestamp = p.timestamp;
  if (p.type !== undefined) o.type = p.type;
  if (p.userId !== undefined) o.userId = p.userId;
  if (p.appId !== undefined) o.appId = p.appId;
  // amqplib sends an empty table when headers is undefined; say nothing only when none were given.
  o.headers = p.headers ? encodeTable(p.headers) : undefined;
  return o;
}

type AmqpProps = ConsumeMessage['properties'];

export function fromAmqpProperties(p: AmqpProps): MessageProperties {
  const out: MessageProperties = {};
  const text = (v: unknown) => (v === undefined || v === null ? undefined : Buffer.isBuffer(v) ? v.toString('utf8') : String(v));
  const set = <K extends keyof MessageProperties>(key: K, value: MessageProperties[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set('contentType', text(p.contentType));
  set('contentEncoding', text(p.contentEncoding));
  if (p.deliveryMode === 1 || p.deliveryMode === 2) out.deliveryMode = p.deliveryMode;
  if (typeof p.priority === 'number') out.priority = p.priority;
  set('correlationId', text(p.correlationId));
  set('replyTo', text(p.replyTo));
  set('expiration', text(p.expiration));
  set('messageId', text(p.messageId));
  if (typeof p.timestamp === 'number') out.timestamp = p.timestamp;
  set('type', text(p.type));
  set('userId', text(p.userId));
  set('appId', text(p.appId));
  const headers = p.headers as Record<string, unknown> | undefined;
  if (headers && Object.keys(headers).length > 0) out.headers = decodeTable(headers);
  return out;
}

/** The composer's body → bytes, or BAD_INPUT naming body.data. */
export function composeBody(body: { mode: 'text' | 'json' | 'base64' | 'hex'; data: string }): Buffer {
  switch (body.mode) {
    case 'text':
      return Buffer.from(body.data, 'utf8');
    case 'json':
      try {
        JSON.parse(body.data);
      } catch (err) {
        fail('BAD_INPUT', `The body is not valid JSON: ${(err as Error).message}`, {
          field: 'body.data',
          hint: 'Fix the JSON (quotes around names, no trailing commas), or choose Text to send it as it is.',
        });
      }
      return Buffer.from(body.data, 'utf8');
    case 'base64': {
      const clean = body.data.replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
        fail('BAD_INPUT', 'The body is not valid base64', { field: 'body.data', hint: 'Use A–Z, a–z, 0–9, + and /, padded with =; or load a file.' });
      }
      return Buffer.from(clean, 'base64');
    }
    case 'hex': {
      const clean = body.data.replace(/\s+|0x/gi, '');
      if (!/^[0-9a-fA-F]*$/.test(clean) || clean.length % 2 !== 0) {
        fail('BAD_INPUT', 'The body is not valid hex', { field: 'body.data', hint: 'Use pairs of 0–9 and a–f, e.g. "de ad be ef".' });
      }
      return Buffer.from(clean, 'hex');
    }
  }
}

/** Bytes → text when they are valid UTF-8, else base64. */
export function encodeBody(bytes: Buffer, limit?: number): { body: EncodedBody; truncated: boolean } {
  const slice = limit !== undefined && bytes.length > limit ? bytes.subarray(0, limit) : bytes;
  const truncated = slice.length < bytes.length;
  const text = slice.toString('utf8');
  // A cut in the middle of a multi-byte character is still text; only the last char may be off.
  const valid = Buffer.byteLength(text, 'utf8') === slice.length && !text.includes('\uFFFD');
  return { body: valid ? { encoding: 'utf8', data: text } : { encoding: 'base64', data: slice.toString('base64') }, truncated };
}

/** What toReceived reads of a delivery (amqplib's message has more). */
export interface Delivered {
  fields: Pick<ConsumeMessage['fields'], 'deliveryTag' | 'redelivered' | 'exchange' | 'routingKey'>;
  properties: ConsumeMessage['properties'];
  content: Buffer;
}

export function toReceived(
  id: number,
  msg: Delivered,
  settled: ReceivedMessage['settled'],
  previewBytes?: number,
  receivedAt = Date.now(),
): ReceivedMessage {
  const { body, truncated } = encodeBody(msg.content, previewBytes);
  return {
    id,
    receivedAt,
    exchange: msg.fields.exchange,
    routingKey: msg.fields.routingKey,
    redelivered: msg.fields.redelivered,
    deliveryTag: msg.fields.deliveryTag,
    size: msg.content.length,
    properties: fromAmqpProperties(msg.properties),
    body,
    truncated,
    settled,
  };
}
