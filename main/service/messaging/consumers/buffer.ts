/**
 * What a consumer keeps of its deliveries: the whole body of each kept message (bounded by count
 * and KEEP_BYTES in the ring), and the previews the stream carries to the UI.
 */
import type { ReceivedMessage } from '../../../../shared/messaging/types';

/** Bytes of body sent with each delivery in the stream; the detail pane asks for the rest. */
export const PREVIEW_BYTES = 512;
/**
 * Bodies kept per consumer, at most (besides the `keep` count): 40 kept 10 MB messages once took
 * main from 73 to 559 MB. The newest message is always kept whatever its size.
 */
export const KEEP_BYTES = 64 * 1024 * 1024;

export interface Kept extends ReceivedMessage {
  content: Buffer;
}

export function preview(kept: Kept): ReceivedMessage {
  const { content, ...rest } = kept;
  if (content.length <= PREVIEW_BYTES && !rest.truncated) return { ...rest, ...fullBody(content) };
  return { ...rest, ...fullBody(content, PREVIEW_BYTES) };
}

export function fullBody(content: Buffer, limit?: number): Pick<ReceivedMessage, 'body' | 'truncated'> {
  const slice = limit !== undefined && content.length > limit ? content.subarray(0, limit) : content;
  const text = slice.toString('utf8');
  const valid = Buffer.byteLength(text, 'utf8') === slice.length && !text.includes('\uFFFD');
  return { body: valid ? { encoding: 'utf8', data: text } : { encoding: 'base64', data: slice.toString('base64') }, truncated: slice.length < content.length };
}
