/**
 * The series of some queues (and the broker-wide one when asked): their history from the main
 * process (so a reload shows the past) followed by the samples pushed every second, plus the
 * markers. Runs while read (first subscriber → last unsubscribe). Kept bounded like the main
 * process' rings.
 */
import { refKey, type ChartMarker, type QueueRef, type SampleRow } from '../../../shared/charts/types';
import type { BridgePort } from '../../app/bridgePort';
import { StateStore } from '../../app/store';

export interface SeriesData {
  t: number[];
  rows: SampleRow[];
}

export interface ChartSeriesState {
  /** Keyed by refKey(ref); OVERVIEW_KEY for the broker-wide series. */
  series: Map<string, SeriesData>;
  markers: ChartMarker[];
  /** Changes on every update (cheap dependency for memoized chart data). */
  version: number;
  loading: boolean;
  /** When this snapshot was taken: the right edge of live charts. */
  now: number;
}

export const OVERVIEW_KEY = 'overview';
/** Most samples kept per series in the renderer (1 h at 1 Hz, like the main process' maximum). */
const MAX_SAMPLES = 3600;
/** Kept beyond a live window's span, so a slow second or a redraw never lacks its left edge. */
const KEEP_MARGIN_MS = 5_000;
/** Samples dropped at once when trimming to the kept span. */
const TRIM_STEP = 30;
/** Series remembered between feeds (a new set of shown queues starts from what is on screen). */
const KNOWN_MAX = 32;

/** What the feeds of one window have seen last, so a new feed shows it at once while history reloads. */
export class KnownSeries {
  private readonly map = new Map<string, SeriesData>();
  get(key: string): SeriesData | undefined {
    return this.map.get(key);
  }
  put(key: string, data: SeriesData): void {
    this.map.delete(key);
    this.map.set(key, data);
    while (this.map.size > KNOWN_MAX) this.map.delete(this.map.keys().next().value as string);
  }
}

export class SeriesFeed extends StateStore<ChartSeriesState> {
  private readonly series = new Map<string, SeriesData>();
  private readonly wanted: Set<string>;
  private markers: ChartMarker[] = [];
  private loading = true;
  private stop?: () => void;
  /** While reading: false once the last reader left (a late history answer is dropped). */
  private active = false;
  /** How far back the page keeps samples (undefined: all it has, up to the hour). */
  private keepMs?: number;

  constructor(
    private readonly bridge: BridgePort,
    private readonly known: KnownSeries,
    private readonly refs: QueueRef[],
    private readonly overview: boolean,
  ) {
    super({ series: new Map(), markers: [], version: 0, loading: true, now: Date.now() });
    this.wanted = new Set(refs.map(refKey));
    // Keep what is already known for queues still shown (no flash while history reloads).
    for (const k of [...this.wanted, ...(overview ? [OVERVIEW_KEY] : [])]) {
      const data = known.get(k) ?? { t: [], rows: [] };
      this.series.set(k, data);
      known.put(k, data);
    }
    this.publish();
  }

  protected override onFirstSubscriber(): void {
    this.active = true;
    const offSamples = this.bridge.on('charts.samples', (tick) => {
      for (const q of tick.queues) {
        const k = refKey(q);
        if (this.wanted.has(k)) this.append(k, tick.t, q.row);
      }
      if (this.overview && tick.overview) this.append(OVERVIEW_KEY, tick.t, tick.overview);
      this.publish();
    });
    const offMarkers = this.bridge.on('charts.markers', (list) => {
      const seen = new Set(this.markers.map((m) => m.id));
      this.markers = [...this.markers, ...list.filter((m) => !seen.has(m.id))].slice(-500);
      this.publish();
    });
    const offTransport = this.bridge.onTransport((up) => up && void this.load());
    void this.load();
    this.stop = () => {
      this.active = false;
      offSamples();
      offMarkers();
      offTransport();
    };
  }

  /**
   * Keeps only the last `ms` of samples (and a little more), or everything when undefined — a
   * live page keeps what its window shows, so its memory is flat; the main process keeps the
   * hour, and widening the window or pausing to scrub back reads it from there again.
   */
  keepOnly(ms: number | undefined): void {
    const widened = this.keepMs !== undefined && (ms === undefined || ms > this.keepMs);
    this.keepMs = ms;
    if (widened && this.active) void this.load();
    else for (const k of this.series.keys()) this.trim(k);
  }

  private async load(): Promise<void> {
    const result = await this.bridge.call('charts.history', { queues: this.refs, overview: this.overview });
    if (!this.active) return;
    this.loading = false;
    if (!result.ok) return this.publish();
    for (const s of result.value.queues) if (s.ref) this.merge(refKey(s.ref), s);
    if (result.value.overview) this.merge(OVERVIEW_KEY, result.value.overview);
    const seen = new Set(result.value.markers.map((m) => m.id));
    this.markers = [...result.value.markers, ...this.markers.filter((m) => !seen.has(m.id))];
    this.publish();
  }

  protected override onLastUnsubscribe(): void {
    this.stop?.();
    this.stop = undefined;
  }

  /** The arrays grow in place; each snapshot is a new object so readers redraw. */
  private publish(): void {
    this.set((previous) => ({ series: this.series, markers: this.markers, version: previous.version + 1, loading: this.loading, now: Date.now() }));
  }

  private append(k: string, t: number, row: SampleRow): void {
    const s = this.series.get(k);
    if (!s) return;
    const last = s.t[s.t.length - 1];
    if (last !== undefined && t <= last) return;
    s.t.push(t);
    s.rows.push(row);
    if (s.t.length > MAX_SAMPLES * 1.1) {
      const drop = s.t.length - MAX_SAMPLES;
      s.t.splice(0, drop);
      s.rows.splice(0, drop);
    }
    this.trim(k);
  }

  /** Drops what is older than the kept span, in steps (a splice per tick would copy the arrays every second). */
  private trim(k: string): void {
    const s = this.series.get(k);
    const last = s?.t[s.t.length - 1];
    if (!s || last === undefined || this.keepMs === undefined) return;
    const cutoff = last - this.keepMs * 1.1 - KEEP_MARGIN_MS;
    let drop = 0;
    while (drop < s.t.length && s.t[drop]! < cutoff) drop++;
    if (drop >= TRIM_STEP || drop === s.t.length) {
      s.t.splice(0, drop);
      s.rows.splice(0, drop);
    }
  }

  private merge(k: string, history: SeriesData): void {
    const live = this.series.get(k);
    const lastHistory = history.t[history.t.length - 1] ?? -Infinity;
    const t = [...history.t];
    const rows = [...history.rows];
    // Samples pushed while the history was on its way are newer than it.
    if (live) live.t.forEach((time, i) => time > lastHistory && (t.push(time), rows.push(live.rows[i]!)));
    const merged = { t, rows };
    this.series.set(k, merged);
    this.known.put(k, merged);
    this.trim(k);
  }
}
