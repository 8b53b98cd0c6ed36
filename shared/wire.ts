/**
 * The wire between the renderer and the main process: the browser host's WebSocket frames, the
 * Electron host's IPC channel names, and the largest message either carries. Kept apart from the
 * contract's schemas (zod) so the page and the preload script load it without them: building
 * every operation's schema cost the page ~0.1 s before it could open its socket.
 */
import type { EventMessage } from './contract';
import type { Result } from './errors';

/** Largest message accepted over the bridge, in bytes; bigger ones are refused as BAD_INPUT. */
export const MAX_BRIDGE_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Wire format of the browser host (WebSocket) — the Electron host uses IPC with the same shapes. */
export interface CallRequest {
  id: number;
  op: string;
  input: unknown;
}
export interface CallResponse {
  id: number;
  result: Result<unknown>;
}
export interface EventBatch {
  events: EventMessage[];
}

/** Fixed channel names (never built at runtime). */
export const IPC_CALL_CHANNEL = 'warren:call';
export const IPC_EVENTS_CHANNEL = 'warren:events';
