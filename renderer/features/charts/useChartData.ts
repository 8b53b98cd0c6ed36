/**
 * The renderer's side of the live charts: the sampler's status, and the series of the queues a
 * page shows — their history from the main process (so a reload shows the past) followed by the
 * samples pushed every second. Kept bounded like the main process' rings.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import { refKey, type ChartMarker, type ChartsStatus, type QueueRef, type SampleRow } from '../../../shared/charts/types';
import { bridge } from '../../app/bridge';

export interface SeriesData {
  t: number[];
  rows: SampleRow[];
}

/** Most samples kept per series in the renderer (1 h at 1 Hz, like the main process' maximum). */
const MAX_SAMPLES = 3600;

export function useChartsStatus(): ChartsStatus | undefined {
  const [status, setStatus] = useState<ChartsStatus>();
  useEffect(() => {
    let active = true;
    const off = bridge.on('charts.status', (next) => active && setStatus(next));
    const load = () =>
      void bridge.call('charts.status', {}).then((r) => {
        if (active && r.ok) setStatus(r.value);
      });
    const offTransport = bridge.onTransport((up) => up && load());
    load();
    return () => {
      active = false;
      off();
      offTransport();
    };
  }, []);
  return status;
}

export interface ChartSeriesState {
  /** Keyed by refKey(ref); 'overview' for the broker-wide series. */
  series: Map<string, SeriesData>;
  markers: ChartMarker[];
  /** Changes on every update (cheap dependency for memoized chart data). */
  version: number;
  loading: boolean;
  /** When this snapshot was taken: the right edge of live charts. */
  now: number;
}

export const OVERVIEW_KEY = 'overview';

/** History + live samples for `refs` (and the overview when asked). */
export function useChartSeries(refs: QueueRef[], overview: boolean): ChartSeriesState {
  const key = JSON.stringify([refs.map(refKey).sort(), overview]);
  const store = useRef(new Map<string, SeriesData>());
  const markers = useRef<ChartMarker[]>([]);
  const [snapshot, setSnapshot] = useState<ChartSeriesState>(() => ({ series: new Map(), markers: [], version: 0, loading: true, now: Date.now() }));

  useEffect(() => {
    const [keys, wantOverview] = JSON.parse(key) as [string[], boolean];
    const wanted = new Set(keys);
    const wantedRefs = keys.map((k) => {
      const [vhost, queue] = k.split('\u0000') as [string, string];
      return { vhost, queue };
    });
    let active = true;
    const next = new Map<string, SeriesData>();
    // Keep what is already here for queues still shown (no flash while history reloads).
    for (const k of [...wanted, ...(wantOverview ? [OVERVIEW_KEY] : [])]) next.set(k, store.current.get(k) ?? { t: [], rows: [] });
    store.current = next;
    let loading = true;
    // The arrays are appended in place; each snapshot is a new object so React redraws. A
    // transition: redrawing a page of charts may be interrupted by input and animation frames.
    const publish = () =>
      startTransition(() =>
        setSnapshot((previous) => ({ series: store.current, markers: markers.current, version: previous.version + 1, loading, now: Date.now() })),
      );

    const append = (k: string, t: number, row: SampleRow) => {
      const s = store.current.get(k);
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
    };
    const offSamples = bridge.on('charts.samples', (tick) => {
      if (!active) return;
      for (const q of tick.queues) {
        const k = refKey(q);
        if (wanted.has(k)) append(k, tick.t, q.row);
      }
      if (wantOverview && tick.overview) append(OVERVIEW_KEY, tick.t, tick.overview);
      publish();
    });
    const offMarkers = bridge.on('charts.markers', (list) => {
      if (!active) return;
      const seen = new Set(markers.current.map((m) => m.id));
      markers.current = [...markers.current, ...list.filter((m) => !seen.has(m.id))].slice(-500);
      publish();
    });
    const load = async () => {
      const result = await bridge.call('charts.history', { queues: wantedRefs, overview: wantOverview });
      if (!active) return;
      loading = false;
      if (!result.ok) return publish();
      const merge = (k: string, history: SeriesData) => {
        const live = store.current.get(k);
        const lastHistory = history.t[history.t.length - 1] ?? -Infinity;
        const t = [...history.t];
        const rows = [...history.rows];
        // Samples pushed while the history was on its way are newer than it.
        if (live) live.t.forEach((time, i) => time > lastHistory && (t.push(time), rows.push(live.rows[i]!)));
        store.current.set(k, { t, rows });
      };
      for (const s of result.value.queues) if (s.ref) merge(refKey(s.ref), s);
      if (result.value.overview) merge(OVERVIEW_KEY, result.value.overview);
      const seen = new Set(result.value.markers.map((m) => m.id));
      markers.current = [...result.value.markers, ...markers.current.filter((m) => !seen.has(m.id))];
      publish();
    };
    const offTransport = bridge.onTransport((up) => up && void load());
    void load();
    return () => {
      active = false;
      offSamples();
      offMarkers();
      offTransport();
    };
  }, [key]);

  return snapshot;
}
