/**
 * The consumers' kept messages: the one RingBuffer, plus lookup by id. Messages arrive with ids
 * increasing by one, so a kept message is found by its distance from the oldest, in O(1); the
 * evicted ones are counted (`dropped`) so the page can say "counted, not kept".
 */
import { RingBuffer } from '../ring';

export class IdRing<T extends { id: number }> {
  private readonly ring: RingBuffer<T>;
  dropped = 0;

  constructor(readonly capacity: number) {
    this.ring = new RingBuffer<T>(capacity);
  }

  get length(): number {
    return this.ring.size;
  }

  /** Items must arrive with ids increasing by one. */
  push(item: T): void {
    if (this.ring.push(item) !== undefined) this.dropped++;
  }

  get(id: number): T | undefined {
    const oldest = this.ring.at(0);
    return oldest === undefined ? undefined : this.ring.at(id - oldest.id);
  }

  /** The newest `limit` items, oldest first. */
  newest(limit: number): T[] {
    return this.ring.toArray(limit);
  }

  clear(): void {
    this.dropped += this.ring.size;
    this.ring.clear();
  }
}
