/**
 * The `warren.messages` export format, version 1 (see MessageExport in messaging-types): build
 * it from received messages, read it back (checked, with the failing place named), and turn an
 * exported message into a publish input that re-sends it with its properties. Pure.
 */
import { z } from 'zod';
import { messageProperties } from '../../../shared/messaging/contract';
import type { EncodedBody, ExportedMessage, MessageExport, MessageProperties, ReceivedMessage } from '../../../shared/messaging/types';

/** Bytes → base64 without Node (the renderer builds exports too). */
function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A body as the format stores it: always base64, so binary survives any editor. */
export function toBase64Body(body: EncodedBody): EncodedBody {
  return body.encoding === 'base64' ? body : { encoding: 'base64', data: bytesToBase64(new TextEncoder().encode(body.data)) };
}

/** Received messages (with whole bodies) → the export document. */
export function toExport(messages: ReceivedMessage[], now = new Date()): MessageExport {
  return {
    format: 'warren.messages',
    version: 1,
    exportedAt: now.toISOString(),
    messages: messages.map((m) => ({
      exchange: m.exchange,
      routingKey: m.routingKey,
      redelivered: m.redelivered,
      receivedAt: m.receivedAt,
      properties: m.properties,
      body: toBase64Body(m.body),
    })),
  };
}

const exportedMessage = z.object({
  exchange: z.string().max(255),
  routingKey: z.string().max(255),
  redelivered: z.boolean().default(false),
  receivedAt: z.number().default(0),
  properties: messageProperties.default({}),
  body: z.object({ encoding: z.enum(['utf8', 'base64']), data: z.string() }),
});

const exportDocument = z.object({
  format: z.literal('warren.messages', { error: 'not a Warren export (its "format" is not "warren.messages")' }),
  version: z.literal(1, { error: 'an export version this Warren does not read (it reads version 1)' }),
  exportedAt: z.string().optional(),
  messages: z.array(exportedMessage).max(100_000, 'at most 100,000 messages per file'),
});

export type ParsedExport = { ok: true; messages: ExportedMessage[] } | { ok: false; message: string };

/** Reads an export file's text; a bad file says where and why (e.g. `messages[3].properties.priority`). */
export function parseExport(text: string): ParsedExport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `The file is not JSON: ${(err as Error).message}` };
  }
  const parsed = exportDocument.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    return { ok: false, message: where ? `${where}: ${issue.message}` : issue.message };
  }
  for (const [i, m] of parsed.data.messages.entries()) {
    if (m.body.encoding === 'base64' && !/^[A-Za-z0-9+/]*={0,2}$/.test(m.body.data)) return { ok: false, message: `messages[${i}].body.data: not valid base64` };
  }
  return { ok: true, messages: parsed.data.messages as ExportedMessage[] };
}

export interface RepublishTarget {
  /** Where to send; undefined keeps the message's own exchange / routing key. */
  exchange?: string;
  routingKey?: string;
  /** false sends the body alone (no properties, no headers). */
  keepProperties: boolean;
}

/** An exported message → the input of `messaging.publish`, body bytes unchanged. */
export function toPublishInput(m: ExportedMessage, target: RepublishTarget) {
  const properties: MessageProperties = target.keepProperties ? m.properties : {};
  return {
    exchange: target.exchange ?? m.exchange,
    routingKey: target.routingKey ?? m.routingKey,
    properties,
    body: m.body.encoding === 'base64' ? { mode: 'base64' as const, data: m.body.data } : { mode: 'text' as const, data: m.body.data },
    mandatory: true,
  };
}
