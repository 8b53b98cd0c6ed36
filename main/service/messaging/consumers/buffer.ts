/**
 * What a consumer keeps of its deliveries: amqplib's message as it arrived (fields, properties,
 * the whole body; bounded by count and KEEP_BYTES in the ring) and when it came. Turning one into
 * Warren's ReceivedMessage (properties decoded, body as text or base64) is done only when a
 * preview is sent or a message is asked for: at tens of thousands a second most kept messages
 * are never looked at, and decoding each on arrival cost the main process more than amqplib did.
 */
import type { ConsumeMessage } from 'amqplib';
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
  msg: ConsumeMessage;
  settled: ReceivedMessage['settled'];
  /** A window was sent its preview (or the whole message), so it is told when it is settled. */
  sent?: boolean;
}

export function keep(id: number, msg: ConsumeMessage, settled: ReceivedMessage['settled']): Kept {
  return { id, receivedAt: Date.now(), msg, settled };
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
  return toReceived(kept.id, kept.msg, kept.settled, previewBytes, kept.receivedAt);
}
