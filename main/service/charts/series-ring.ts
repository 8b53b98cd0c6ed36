/**
 * One chart series, stored column-wise in typed arrays (time as float64, values as float32 with
 * NaN for gaps): 8 + 4 × fields bytes per sample, no object per sample, so a stated memory cap
 * holds. Items that are objects (markers, request times) go in the generic RingBuffer instead.
 */

export class SeriesRing {
  private t: Float64Array;
  private v: Float32Array;
  private start = 0;
  private count = 0;

  constructor(
    private cap: number,
    readonly width: number,
  ) {
    if (!(cap >= 1) || !(width >= 1)) throw new RangeError('capacity and width must be at least 1');
    this.t = new Float64Array(cap);
    this.v = new Float32Array(cap * width);
  }

  static bytesPerSample(width: number): number {
    return 8 + 4 * width;
  }

  get capacity(): number {
    return this.cap;
  }

  get size(): number {
    return this.count;
  }

  get bytes(): number {
    return this.t.byteLength + this.v.byteLength;
  }

  /** Appends a row (null and missing values become gaps). Times must not go backwards. */
  push(time: number, row: readonly (number | null | undefined)[]): void {
    const slot = this.count < this.cap ? (this.start + this.count) % this.cap : this.start;
    if (this.count < this.cap) this.count += 1;
    else this.start = (this.start + 1) % this.cap;
    this.t[slot] = time;
    const base = slot * this.width;
    for (let f = 0; f < this.width; f++) {
      const value = row[f];
      this.v[base + f] = value === null || value === undefined ? Number.NaN : value;
    }
  }

  timeAt(i: number): number {
    return this.t[(this.start + i) % this.cap]!;
  }

  valueAt(i: number, field: number): number | null {
    const value = this.v[((this.start + i) % this.cap) * this.width + field]!;
    return Number.isNaN(value) ? null : value;
  }

  rowAt(i: number): (number | null)[] {
    const row: (number | null)[] = [];
    for (let f = 0; f < this.width; f++) row.push(this.valueAt(i, f));
    return row;
  }

  lastTime(): number | undefined {
    return this.count === 0 ? undefined : this.timeAt(this.count - 1);
  }

  /** Index of the first sample at or after `time` (binary search; times are ascending). */
  indexFrom(time: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.timeAt(mid) < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Samples at or after `since` (all when undefined), oldest first. */
  read(since?: number): { t: number[]; rows: (number | null)[][] } {
    const from = since === undefined ? 0 : this.indexFrom(since);
    const t: number[] = [];
    const rows: (number | null)[][] = [];
    for (let i = from; i < this.count; i++) {
      t.push(this.timeAt(i));
      rows.push(this.rowAt(i));
    }
    return { t, rows };
  }

  /** Changes the capacity, keeping the newest samples. */
  resize(capacity: number): void {
    if (!(capacity >= 1)) throw new RangeError('capacity must be at least 1');
    if (capacity === this.cap) return;
    const keep = Math.min(this.count, capacity);
    const t = new Float64Array(capacity);
    const v = new Float32Array(capacity * this.width);
    for (let k = 0; k < keep; k++) {
      const i = this.count - keep + k;
      const slot = (this.start + i) % this.cap;
      t[k] = this.t[slot]!;
      v.set(this.v.subarray(slot * this.width, slot * this.width + this.width), k * this.width);
    }
    this.t = t;
    this.v = v;
    this.cap = capacity;
    this.start = 0;
    this.count = keep;
  }
}
