/**
 * Simulated work for a consumer in 'simulated' ack mode (the tutorial's worker.py): one message
 * at a time, in delivery order, acked after a fixed time or one second per '.' of its body.
 * Work of 0 ms is acked in batches: everything one network read delivered goes out as one ack
 * with multiple=true (the order makes that exact), which is what lets a 0 ms worker keep up
 * with the broker.
 */
import type { Unacked } from './settle';

type Entry = Unacked extends Map<number, infer E> ? E : never;

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
}

export class SimulatedWork {
  private queue: number[] = [];
  private working = false;
  /** A pass is due on the next turn of the event loop. */
  private scheduled = false;

  constructor(private readonly subject: WorkSubject) {}

  add(id: number): void {
    this.queue.push(id);
    if (this.working || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.process();
    });
  }

  /** Drops the waiting work (the messages went back to the broker or were settled). */
  clear(): void {
    this.queue = [];
  }

  private async process(): Promise<void> {
    if (this.working) return;
    this.working = true;
    let ready: number[] = [];
    const ackReady = () => {
      if (ready.length > 0 && this.subject.alive()) this.subject.ack(ready);
      ready = [];
    };
    try {
      for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
        const entry = this.subject.entry(next);
        if (!entry) continue;
        const ms = this.subject.durationMs(entry);
        if (ms > 0) {
          ackReady();
          await new Promise((r) => setTimeout(r, ms));
        }
        if (!this.subject.alive()) return;
        if (this.subject.ackable(next, entry)) ready.push(next);
        if (ms > 0) ackReady();
      }
      ackReady();
    } finally {
      this.working = false;
    }
  }
}
