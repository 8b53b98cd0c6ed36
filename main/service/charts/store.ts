/**
 * Where the samples live: one SeriesRing per watched queue plus one for the overview, and a
 * ring of markers. Memory is capped: the rings share MEMORY_CAP_BYTES, so the more queues are
 * watched the fewer samples each keeps (between MIN_CAPACITY and MAX_CAPACITY, i.e. 5 min to
 * 1 h at 1 Hz). The typed arrays are allocated at full size up front, so memory is flat as
 * they fill.
 */
import { SAMPLE_FIELDS, refKey, type ChartMarker, type QueueRef, type SampleRow, type SampleSource, type SeriesHistory } from '../../../shared/charts/types';
import { downsample } from '../../../shared/charts/downsample';
import { RingBuffer } from '../ring';
import { SeriesRing } from './series-ring';
import { CHART_MEMORY_CAP_BYTES, MAX_WATCHED_QUEUES } from '../../../shared/charts/contract';

export const MEMORY_CAP_BYTES = CHART_MEMORY_CAP_BYTES;
export const MAX_CAPACITY = 3600;
export const MIN_CAPACITY = 300;
export const MAX_MARKERS = 500;
/**
 * Most queues the store holds in all: MAX_WATCHED_QUEUES (1,000) plus the overview series, so
 * every series keeps at least MIN_CAPACITY samples and all of them still fit MEMORY_CAP_BYTES
 * (1,001 × 1,524 samples × 44 bytes ≈ 64 MiB; the floor would only bind past ~5,000).
 */
export const MAX_SERIES = MAX_WATCHED_QUEUES + 1;

interface Series {
  ref?: QueueRef;
  ring: SeriesRing;
  source: SampleSource;
}

export function capacityFor(seriesCount: number, capBytes = MEMORY_CAP_BYTES): number {
  const perSeries = Math.floor(capBytes / (Math.max(1, seriesCount) * SeriesRing.bytesPerSample(SAMPLE_FIELDS.length)));
  return Math.max(MIN_CAPACITY, Math.min(MAX_CAPACITY, perSeries));
}

export class ChartStore {
  private readonly queues = new Map<string, Series>();
  private readonly overviewSeries: Series;
  private readonly markerRing = new RingBuffer<ChartMarker>(MAX_MARKERS);
  private nextMarkerId = 1;
  private cap = capacityFor(1);

  constructor() {
    this.overviewSeries = { ring: new SeriesRing(this.cap, SAMPLE_FIELDS.length), source: 'management' };
  }

  get capacity(): number {
    return this.cap;
  }

  get memoryBytes(): number {
    let bytes = this.overviewSeries.ring.bytes;
    for (const s of this.queues.values()) bytes += s.ring.bytes;
    return bytes;
  }

  watched(): QueueRef[] {
    return [...this.queues.values()].map((s) => s.ref!);
  }

  has(ref: QueueRef): boolean {
    return this.queues.has(refKey(ref));
  }

  get size(): number {
    return this.queues.size;
  }

  /** How many of `refs` are not watched yet (what `add` would add). */
  countNew(refs: QueueRef[]): number {
    return new Set(refs.map(refKey).filter((k) => !this.queues.has(k))).size;
  }

  /** Adds queues; returns those that were new. Refuses (RangeError) to go past MAX_SERIES. */
  add(refs: QueueRef[]): QueueRef[] {
    const seen = new Set<string>();
    const added = refs.filter((r) => {
      const key = refKey(r);
      if (this.queues.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (added.length === 0) return added;
    if (this.queues.size + added.length + 1 > MAX_SERIES) throw new RangeError(`at most ${MAX_SERIES - 1} queues can be watched`);
    this.setCapacity(capacityFor(this.queues.size + added.length + 1));
    for (const ref of added) {
      this.queues.set(refKey(ref), { ref, ring: new SeriesRing(this.cap, SAMPLE_FIELDS.length), source: 'management' });
    }
    return added;
  }

  remove(refs: QueueRef[]): QueueRef[] {
    const removed = refs.filter((r) => this.queues.delete(refKey(r)));
    if (removed.length > 0) this.setCapacity(capacityFor(this.queues.size + 1));
    return removed;
  }

  pushQueue(ref: QueueRef, t: number, row: SampleRow, source: SampleSource): void {
    const series = this.queues.get(refKey(ref));
    if (!series) return;
    series.ring.push(t, row);
    series.source = source;
  }

  pushOverview(t: number, row: SampleRow): void {
    this.overviewSeries.ring.push(t, row);
  }

  /** The newest sample's values of a queue (for change detection). */
  lastRow(ref: QueueRef): SampleRow | undefined {
    const ring = this.queues.get(refKey(ref))?.ring;
    return ring && ring.size > 0 ? ring.rowAt(ring.size - 1) : undefined;
  }

  addMarker(marker: Omit<ChartMarker, 'id'>): ChartMarker {
    const full = { ...marker, id: this.nextMarkerId++ };
    this.markerRing.push(full);
    return full;
  }

  markers(since?: number, refs?: QueueRef[]): ChartMarker[] {
    const keys = refs ? new Set(refs.map(refKey)) : undefined;
    return this.markerRing
      .toArray()
      .filter((m) => (since === undefined || m.t >= since) && (!m.ref || !keys || keys.has(refKey(m.ref))));
  }

  queueHistory(ref: QueueRef, since?: number, maxPoints?: number): SeriesHistory {
    const series = this.queues.get(refKey(ref));
    if (!series) return { ref, source: 'management', t: [], rows: [] };
    return { ref, source: series.source, ...read(series.ring, since, maxPoints) };
  }

  overviewHistory(since?: number, maxPoints?: number): SeriesHistory {
    return { source: 'management', ...read(this.overviewSeries.ring, since, maxPoints) };
  }

  private setCapacity(capacity: number): void {
    if (capacity === this.cap) return;
    this.cap = capacity;
    this.overviewSeries.ring.resize(capacity);
    for (const s of this.queues.values()) s.ring.resize(capacity);
  }
}

function read(ring: SeriesRing, since?: number, maxPoints?: number) {
  const points = ring.read(since);
  return maxPoints ? downsample(points, maxPoints) : points;
}
