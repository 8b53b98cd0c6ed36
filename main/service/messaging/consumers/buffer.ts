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
 *
 * A small body is copied into the consumer's current slab (BodySlabs) and kept as where it lies
 * there, not as a Buffer of its own: 10,000 kept Buffers are 10,000 more objects for each
 * collection to copy, and each one holds on to the socket read it was cut from. Over a
 * 200,000-message consume, keeping the newest 10,000 amqplib Buffers cost ~1 ms of CPU per 1,000
 * messages more than keeping none; copied into slabs and kept as offsets, ~0.4 ms (one process,
 * interleaved, 3 rounds each; copying 100 bytes costs far less than the collector's work).
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

/** What a kept message's arrival time counts from. */
const KEPT_EPOCH = Date.now();

/** Bodies up to this size are copied into a slab; a larger one is kept as amqplib's own Buffer. */
const SLAB_BODY_MAX = 4 * 1024;
const SLAB_BYTES = 256 * 1024;

/**
 * Where a consumer's small bodies are copied, one after another. A slab is never written again
 * once full (a new one is started), so every kept body stays as it came until it is dropped, and a
 * slab's memory goes once no kept message lies in it.
 */
export class BodySlabs {
  /** The slab the last copy went into. */
  current = Buffer.alloc(0);
  private used = 0;

  /** Copies `content` into the current slab (a new one when it does not fit); returns where it starts. */
  copy(content: Buffer): number {
    if (this.used + content.length > this.current.length) {
      this.current = Buffer.allocUnsafeSlow(SLAB_BYTES);
      this.used = 0;
    }
    const start = this.used;
    content.copy(this.current, start);
    this.used += content.length;
    return start;
  }
}

export interface Kept {
  id: number;
  /**
   * When it arrived, in ms after KEPT_EPOCH: a small integer fits in the record itself, where a
   * Date.now() would be one more object per kept message for the collector.
   */
  arrived: number;
  deliveryTag: number;
  redelivered: boolean;
  exchange: string;
  routingKey: string;
  properties: MessageProperties;
  /** The body is bytes start … start + size of `body` (a slab shared with other kept bodies, or its own Buffer). */
  body: Buffer;
  start: number;
  size: number;
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

/**
 * `previous` is the consumer's last kept message: its strings are reused when they are equal.
 * With `slabs`, a small body is copied into them; without, the body is kept as it came.
 */
export function keep(id: number, msg: ConsumeMessage, settled: ReceivedMessage['settled'], previous?: Kept, slabs?: BodySlabs): Kept {
  const { fields, content } = msg;
  let body = content;
  let start = 0;
  if (slabs && content.length <= SLAB_BODY_MAX) {
    start = slabs.copy(content);
    body = slabs.current;
  }
  return {
    id,
    arrived: Date.now() - KEPT_EPOCH,
    deliveryTag: fields.deliveryTag,
    redelivered: fields.redelivered,
    exchange: previous?.exchange === fields.exchange ? previous.exchange : fields.exchange,
    routingKey: previous?.routingKey === fields.routingKey ? previous.routingKey : fields.routingKey,
    properties: compact(msg.properties),
    body,
    start,
    size: content.length,
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
  const { deliveryTag, redelivered, exchange, routingKey, properties } = kept;
  const content = kept.body.subarray(kept.start, kept.start + kept.size);
  return toReceived(kept.id, { fields: { deliveryTag, redelivered, exchange, routingKey }, properties, content }, kept.settled, previewBytes, KEPT_EPOCH + kept.arrived);
}
