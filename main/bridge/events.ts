/**
 * Batches events for the hosts: at most one batch every ~33 ms (≈30 a second), never one
 * message per event; after a quiet spell the first batch goes on the next turn of the event loop.
 * State events (as the contract marks them) are "latest wins" within a batch.
 */
import { isStateEvent, type EventMessage, type EventName, type EventPayload } from '../../shared/contract';
import { Throttle } from '../service/throttle';
export const BATCH_INTERVAL_MS = 33;

export class EventHub {
  private pending: EventMessage[] = [];
  private readonly batches = new Throttle(BATCH_INTERVAL_MS, () => this.flush());
  private readonly listeners = new Set<(batch: EventMessage[]) => void>();
  private readonly latest = new Map<EventName, EventMessage>();

  emit<K extends EventName>(event: K, payload: EventPayload<K>): void {
    const message = { event, payload } as EventMessage;
    if (isStateEvent(event)) {
      this.latest.set(event, message);
      this.pending = this.pending.filter((m) => m.event !== event);
    }
    this.pending.push(message);
    this.batches.request();
  }

  /** The latest value of each state event, so a new window starts from the present. */
  snapshot(): EventMessage[] {
    return [...this.latest.values()];
  }

  subscribe(listener: (batch: EventMessage[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    for (const listener of this.listeners) listener(batch);
  }
}
