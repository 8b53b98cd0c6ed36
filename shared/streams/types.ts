/**
 * Reading a stream queue by offset: where to start, and what a read answers. Pure data.
 * A stream keeps every message until its retention drops it; reading only moves a cursor.
 */
import type { ReceivedMessage } from '../messaging/types';

/** Where a read starts, as RabbitMQ's `x-stream-offset` consume argument takes it. */
export type StreamStart =
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'next' }
  | { kind: 'offset'; offset: number }
  /** Milliseconds since the epoch; the broker takes whole seconds and starts at the first chunk written then or later. */
  | { kind: 'timestamp'; at: number };

/** A message of a stream with its offset (the `x-stream-offset` header of the delivery). */
export interface StreamMessage extends ReceivedMessage {
  offset: number;
}

export interface StreamPage {
  queue: string;
  messages: StreamMessage[];
  /** Offsets of the first and last message of this page; absent when the page is empty. */
  firstOffset?: number;
  lastOffset?: number;
  /** The stream holds messages before firstOffset (the Older button). */
  hasOlder: boolean;
  /** The stream held a message after lastOffset when it was read (the Newer button). */
  hasNewer: boolean;
}
