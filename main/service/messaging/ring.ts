/**
 * A bounded ring of messages with contiguous ids: the newest `capacity` are kept, older ones are
 * counted (`dropped`), and any kept message is found by id in O(1). With a byte budget the
 * oldest are also dropped while the kept items weigh more than `maxBytes` (the newest one is
 * always kept), so a few huge messages cannot hold the memory a count alone would allow.
 */
export class IdRing<T extends { id: number }> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private size = 0;
  dropped = 0;
  /** What the kept items weigh, by `weigh`. */
  bytes = 0;

  constructor(
    readonly capacity: number,
    readonly maxBytes = Infinity,
    private readonly weigh: (item: T) => number = () => 0,
  ) {
    this.items = new Array<T | undefined>(capacity);
  }

  get length(): number {
    return this.size;
  }

  /** Items must arrive with ids increasing by one. */
  push(item: T): void {
    if (this.size === this.capacity) this.dropOldest();
    this.items[(this.start + this.size) % this.capacity] = item;
    this.size++;
    this.bytes += this.weigh(item);
    while (this.bytes > this.maxBytes && this.size > 1) this.dropOldest();
  }

  private dropOldest(): void {
    const oldest = this.items[this.start]!;
    this.bytes -= this.weigh(oldest);
    this.items[this.start] = undefined;
    this.start = (this.start + 1) % this.capacity;
    this.size--;
    this.dropped++;
  }

  get(id: number): T | undefined {
    if (this.size === 0) return undefined;
    const first = this.items[this.start]!.id;
    const offset = id - first;
    if (offset < 0 || offset >= this.size) return undefined;
    return this.items[(this.start + offset) % this.capacity];
  }

  /** The newest `limit` items, oldest first. */
  newest(limit: number): T[] {
    const n = Math.min(limit, this.size);
    const out: T[] = [];
    for (let i = this.size - n; i < this.size; i++) out.push(this.items[(this.start + i) % this.capacity]!);
    return out;
  }

  clear(): void {
    this.dropped += this.size;
    this.items.fill(undefined);
    this.start = 0;
    this.size = 0;
    this.bytes = 0;
  }
}
