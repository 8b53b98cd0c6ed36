/**
 * The one bounded ring buffer of the main process: the newest `capacity` items are kept, the
 * oldest is evicted (and handed back) when a new one arrives. Chart markers and request times,
 * and the consumers' kept messages (through IdRing) all use it.
 */

export class RingBuffer<T> {
  private items: (T | undefined)[];
  private start = 0;
  private count = 0;

  constructor(private cap: number) {
    if (!(cap >= 1)) throw new RangeError('capacity must be at least 1');
    this.items = new Array<T | undefined>(cap);
  }

  get capacity(): number {
    return this.cap;
  }

  get size(): number {
    return this.count;
  }

  /** Adds the newest item; when full, the oldest goes and is returned (so callers can count it). */
  push(item: T): T | undefined {
    if (this.count < this.cap) {
      this.items[(this.start + this.count) % this.cap] = item;
      this.count += 1;
      return undefined;
    }
    const evicted = this.items[this.start];
    this.items[this.start] = item;
    this.start = (this.start + 1) % this.cap;
    return evicted;
  }

  /** Removes and returns the oldest item. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const oldest = this.items[this.start];
    this.items[this.start] = undefined;
    this.start = (this.start + 1) % this.cap;
    this.count -= 1;
    return oldest;
  }

  /** The `index`-th oldest item (0 = oldest), in O(1). */
  at(index: number): T | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    return this.items[(this.start + index) % this.cap];
  }

  /** Oldest first; `limit` keeps only the newest that many. */
  toArray(limit = this.count): T[] {
    const out: T[] = [];
    for (let i = Math.max(0, this.count - limit); i < this.count; i++) out.push(this.items[(this.start + i) % this.cap] as T);
    return out;
  }

  last(): T | undefined {
    return this.count === 0 ? undefined : this.items[(this.start + this.count - 1) % this.cap];
  }

  clear(): void {
    this.items = new Array<T | undefined>(this.cap);
    this.start = 0;
    this.count = 0;
  }

  /** Changes the capacity, keeping the newest items. */
  resize(capacity: number): void {
    if (!(capacity >= 1)) throw new RangeError('capacity must be at least 1');
    const kept = this.toArray().slice(-capacity);
    this.cap = capacity;
    this.items = new Array<T | undefined>(capacity);
    this.start = 0;
    this.count = 0;
    for (const item of kept) this.push(item);
  }
}
