/** How an operation is declared: an input schema plus a phantom of its output type. */
import type { z } from 'zod';

export interface OperationSpec<I extends z.ZodType, O> {
  input: I;
  /** Never read at runtime; carries the output type. */
  output?: O;
  /** A short description, shown in errors and docs. */
  summary: string;
}

export function op<O>() {
  return <I extends z.ZodType>(input: I, summary: string): OperationSpec<I, O> => ({ input, summary });
}

/**
 * Whether a push of an event replaces the previous one ('state': only the latest matters, and a
 * new window is sent the latest) or adds to it ('stream': deliveries, samples).
 */
export type EventKind = 'state' | 'stream';

export interface EventSpec<P> {
  kind: EventKind;
  /** Never read at runtime; carries the payload type. */
  payload?: P;
}

export function stateEvent<P>(): EventSpec<P> {
  return { kind: 'state' };
}

export function streamEvent<P>(): EventSpec<P> {
  return { kind: 'stream' };
}
