/**
 * Simulated work for a consumer in 'simulated' ack mode (the tutorial's worker.py): one message
 * at a time, in delivery order, acked after a fixed time or one second per '.' of its body.
 *
 * Work of 0 ms is acked in batches, each one ack frame with multiple=true (the order makes that
 * exact): a batch goes once a quarter of the prefetch window is done (at most ACK_BATCH_MAX), or
 * ACK_WAIT_MS after its first message finished, whichever comes first. Acking whatever one network
 * read delivered instead sent an ack every ~20 messages: over a 200,000-message consume main spent
 * 230 ms of CPU writing ack frames (59 ms in batches; each write on loopback also pays for the
 * broker's receive). A quarter of the window keeps three quarters of it in flight, so the broker
 * never waits for an ack.
 */
import { ACK_WAIT_MS } from '../../../../shared/messaging/types';
import type { Unacked } from './settle';

type Entry = Unacked extends Map<number, infer E> ? E : never;

/** Most acks held back for one frame (also with prefetch 0: no window). */
export const ACK_BATCH_MAX = 250;

/** Finished messages acked together: a quarter of the prefetch window, 1 to ACK_BATCH_MAX. */
export function ackBatchFor(prefetch: number): number {
  if (prefetch === 0) return ACK_BATCH_MAX;
  return Math.min(ACK_BATCH_MAX, Math.max(1, Math.floor(prefetch / 4)));
}

/** What the worker needs of its consumer. */
export interface WorkSubject {
  /** The unacked message of a delivery id (gone once settled elsewhere). */
  entry(id: number): Entry | undefined;
  /** How long the work on this message takes. */
  durationMs(entry: Entry): number;
  /** False once the consumer is detached or replaced: its work stops. */
  alive(): boolean;
  /** Whether the message can still be acked on the channel it came on. */
  ackable(id: number, entry: Entry): boolean;
  ack(ids: number[]): void;
  /** Finished messages of 0 ms work acked together (ackBatchFor the consumer's prefetch). */
  ackBatch: number;
  /**
   * Every message's work takes 0 ms (fixed 0): each is finished as it arrives, in delivery order,
   * so it goes straight to the acks held back, with no pass over it. A message settled meanwhile
   * by other means is not acked twice: settling skips ids no longer unacked.
   */
  instant?: boolean;
}

export class SimulatedWork {
  private queue: number[] = [];
  private working = false;
  /** A pass is due on the next turn of the event loop. */
  private scheduled = false;
  /** Finished, not yet acked (in delivery order). */
  private ready: number[] = [];
  private ackTimer?: NodeJS.Timeout;

  constructor(private readonly subject: WorkSubject) {}

  add(id: number): void {
    if (this.subject.instant) this.ready.push(id);
    else this.queue.push(id);
    if (this.working || this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.pass);
  }

  /** Once a turn of the event loop: what arrived during it (one network read, usually) is worked on. */
  private readonly pass = (): void => {
    this.scheduled = false;
    if (!this.subject.instant) void this.process();
    else if (this.subject.alive()) this.holdAcks();
  };

  /** Drops the waiting work and the acks not yet sent (the messages went back to the broker or were settled). */
  clear(): void {
    this.queue = [];
    this.ready = [];
    clearTimeout(this.ackTimer);
    this.ackTimer = undefined;
  }

  private readonly sendAcks = (): void => {
    clearTimeout(this.ackTimer);
    this.ackTimer = undefined;
    const ids = this.ready;
    this.ready = [];
    if (ids.length > 0 && this.subject.alive()) this.subject.ack(ids);
  };

  /** After a pass: a full batch goes now; a partial one waits at most ACK_WAIT_MS for more. */
  private holdAcks(): void {
    if (this.ready.length >= this.subject.ackBatch) this.sendAcks();
    else if (this.ready.length > 0) this.ackTimer ??= setTimeout(this.sendAcks, ACK_WAIT_MS);
  }

  private async process(): Promise<void> {
    if (this.working) return;
    this.working = true;
    try {
      for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
        const entry = this.subject.entry(next);
        if (!entry) continue;
        const ms = this.subject.durationMs(entry);
        if (ms > 0) {
          // Real work: what finished before it is acked first, and this message as soon as it is done.
          this.sendAcks();
          await new Promise((r) => setTimeout(r, ms));
        }
        if (!this.subject.alive()) return;
        if (this.subject.ackable(next, entry)) this.ready.push(next);
        if (ms > 0) this.sendAcks();
      }
      this.holdAcks();
    } finally {
      this.working = false;
    }
  }
}
