/**
 * The consumers' kept messages: the one RingBuffer, plus lookup by id and a byte budget.
 * Messages arrive with ids increasing by one, so a kept message is found by its distance from
 * the oldest, in O(1). With a byte budget the oldest are also dropped while the kept items weigh
 * more than `maxBytes` (the newest one is always kept), so a few huge messages cannot hold the
 * memory a count alone would allow. Dropped ones are counted so the page can say "counted, not kept".
 */
import { RingBuffer } from '../ring';

export class IdRing<T extends { id: number }> {
  private readonly ring: RingBuffer<T>;
  dropped = 0;
  /** What the kept items weigh, by `weigh`. */
  bytes = 0;

  constructor(
    readonly capacity: number,
    readonly maxBytes = Infinity,
    private readonly weigh: (item: T) => number = () => 0,
  ) {
    this.ring = new RingBuffer<T>(capacity);
  }

  get length(): number {
    return this.ring.size;
  }

  /** Items must arrive with ids increasing by one. */
  push(item: T): void {
    const evicted = this.ring.push(item);
    this.bytes += this.weigh(item);
    if (evicted !== undefined) this.forget(evicted);
    while (this.bytes > this.maxBytes && this.ring.size > 1) this.forget(this.ring.shift()!);
  }

  private forget(item: T): void {
    this.bytes -= this.weigh(item);
    this.dropped++;
  }

  get(id: number): T | undefined {
    const oldest = this.ring.at(0);
    return oldest === undefined ? undefined : this.ring.at(id - oldest.id);
  }

  /** The newest item, if any. */
  newestItem(): T | undefined {
    return this.ring.at(this.ring.size - 1);
  }

  /** The newest `limit` items, oldest first. */
  newest(limit: number): T[] {
    return this.ring.toArray(limit);
  }

  clear(): void {
    this.dropped += this.ring.size;
    this.ring.clear();
    this.bytes = 0;
  }
}
