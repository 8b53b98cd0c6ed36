/**
 * What a consumer keeps of its deliveries: what amqplib parsed (the deliver frame's fields,
 * properties, the whole body; bounded by count and KEEP_BYTES in the ring) and when it came.
 * Turning one into Warren's ReceivedMessage (properties decoded, body as text or base64) is done
 * only when a preview is sent or a message is asked for: at tens of thousands a second most kept
 * messages are never looked at, and decoding each on arrival cost the main process more than
 * amqplib did.
 *
 * A kept message is one flat record holding the body, not amqplib's message: the 10,000 kept
 * live long enough for the garbage collector to copy them (twice, young to old), and every object
 * they hold is copied with them. amqplib's message brings three (itself, its fields, its
 * properties), a fresh string for the same routing key, and a properties object whose fields are
 * all unset for most messages. Kept flat, with the previous message's strings reused when equal
 * and one shared object for "no properties", a 200,000-message consume cost a raw consumer that
 * keeps 10,000 ~1 ms less CPU per 1,000 messages than keeping amqplib's messages (of ~2 ms that
 * keeping costs at all; tests/bench/consume.ts measures Warren's).
 */
import type { ConsumeMessage, MessageProperties } from 'amqplib';
import type { ReceivedMessage } from '../../../../shared/messaging/types';
import { toReceived } from '../codec';

/** Bytes of body sent with each delivery in the stream; the detail pane asks for the rest. */
export const PREVIEW_BYTES = 512;
/**
 * Bodies kept per consumer, at most (besides the `keep` count): 40 kept 10 MB messages once took
 * main from 73 to 559 MB. The newest message is always kept whatever its size.
 */
export const KEEP_BYTES = 64 * 1024 * 1024;

export interface Kept {
  id: number;
  receivedAt: number;
  deliveryTag: number;
  redelivered: boolean;
  exchange: string;
  routingKey: string;
  properties: MessageProperties;
  content: Buffer;
  settled: ReceivedMessage['settled'];
  /** A window was sent its preview (or the whole message), so it is told when it is settled. */
  sent: boolean;
}

/** One object for every message that sets no property (an empty headers table counts as none). */
const NO_PROPERTIES = Object.freeze({}) as MessageProperties;

function compact(properties: MessageProperties): MessageProperties {
  for (const key in properties) {
    const value: unknown = properties[key as keyof MessageProperties];
    if (value === undefined) continue;
    if (key === 'headers' && typeof value === 'object' && value !== null && Object.keys(value).length === 0) continue;
    return properties;
  }
  return NO_PROPERTIES;
}

/** `previous` is the consumer's last kept message: its strings are reused when they are equal. */
export function keep(id: number, msg: ConsumeMessage, settled: ReceivedMessage['settled'], previous?: Kept): Kept {
  const { fields } = msg;
  return {
    id,
    receivedAt: Date.now(),
    deliveryTag: fields.deliveryTag,
    redelivered: fields.redelivered,
    exchange: previous?.exchange === fields.exchange ? previous.exchange : fields.exchange,
    routingKey: previous?.routingKey === fields.routingKey ? previous.routingKey : fields.routingKey,
    properties: compact(msg.properties),
    content: msg.content,
    settled,
    sent: false,
  };
}

/** What the stream carries: the first PREVIEW_BYTES of the body. */
function preview(kept: Kept): ReceivedMessage {
  return received(kept, PREVIEW_BYTES);
}

/** A preview for a window, remembering that a window now shows the message. */
export function sentPreview(kept: Kept): ReceivedMessage {
  kept.sent = true;
  return preview(kept);
}

/** The whole message, for the detail pane and exports. */
export function whole(kept: Kept): ReceivedMessage {
  return received(kept);
}

function received(kept: Kept, previewBytes?: number): ReceivedMessage {
  const { deliveryTag, redelivered, exchange, routingKey, properties, content } = kept;
  return toReceived(kept.id, { fields: { deliveryTag, redelivered, exchange, routingKey }, properties, content }, kept.settled, previewBytes, kept.receivedAt);
}
