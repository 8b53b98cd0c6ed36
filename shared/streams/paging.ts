/**
 * Paging through a stream by offset: the page before and the page after the one on screen.
 * Pure; the renderer's store uses it and the unit tests pin it.
 */
import type { StreamPage, StreamStart } from './types';

export interface StreamRequest {
  queue: string;
  from: StreamStart;
  count: number;
}

/** The page just before `page`, never overlapping it; an empty page (read past the end) goes to the last chunk. */
export function olderRequest(page: StreamPage, count: number): StreamRequest {
  if (page.firstOffset === undefined) return { queue: page.queue, from: { kind: 'last' }, count };
  const start = Math.max(0, page.firstOffset - count);
  return { queue: page.queue, from: { kind: 'offset', offset: start }, count: Math.max(1, page.firstOffset - start) };
}

/** The page just after `page`. */
export function newerRequest(page: StreamPage, count: number): StreamRequest {
  const offset = page.lastOffset === undefined ? 0 : page.lastOffset + 1;
  return { queue: page.queue, from: page.lastOffset === undefined ? { kind: 'first' } : { kind: 'offset', offset }, count };
}
