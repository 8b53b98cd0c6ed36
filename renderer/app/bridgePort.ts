/**
 * What a store needs of the bridge: the typed client, the pushed events and (browser host) the
 * link's state. The real bridge (bridge.ts) and the unit tests' fake both implement it.
 */
import type { EventName, EventPayload } from '../../shared/contract';
import type { WarrenClient } from '../../shared/client';

export interface BridgePort extends WarrenClient {
  /** Listens to an event; a state event's latest payload is delivered at once. Returns the unsubscribe. */
  on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void;
  /** Browser host only: whether the link to the main process is up. */
  onTransport(listener: (up: boolean) => void): () => void;
}
