/**
 * Charts: the watch list's queues sampled every second — ready/unacked stacked, rates, markers —
 * side by side or on one chart, over 1 min … 1 h or all that is kept; pause to scrub and hover.
 *
 * Hundreds of queues may be watched; at most MAX_SHOWN are drawn (the ones ticked last, then the
 * first of the list), and only the drawn ones' samples enter React state. Everything that does
 * not change each second (watch list, marker form) is kept out of the per-second render.
 */
import { useCallback, useMemo, useState } from 'react';
import { refKey, type ChartMarker, type QueueRef } from '../../../shared/charts/types';
import { TIME_WINDOWS, type TimeWindowId } from './points';
import { CHART_MEMORY_CAP_BYTES, MAX_WATCHED_QUEUES } from '../../../shared/charts/contract';
import { ChartToolbar, type Layout } from './ChartToolbar';
import { CombinedChart } from './CombinedChart';
import { inWindow, markersFor } from './chartData';
import { MarkerForm } from './MarkerForm';
import { OverviewChart } from './OverviewChart';
import { QueueChart } from './QueueChart';
import { SamplerStatus } from './SamplerStatus';
import { WatchList } from './WatchList';
import { EmptyState } from '../../ui/EmptyState';
import { PageShell } from '../../ui/PageShell';
import { useChartSeries, useChartsStatus } from './useChartData';
import { useWarren } from '../../app/useWarren';
import { formatBytes } from '../../ui/format';
import './charts.css';

/** Charts drawn at once (more stay sampled and exportable; tick them to draw). */
export const MAX_SHOWN = 12;

const NO_REFS: QueueRef[] = [];

/** The same array while the watch list's content is the same (status arrives every second). */
function useStableRefs(refs: QueueRef[] | undefined): QueueRef[] {
  const next = refs ?? NO_REFS;
  const key = next.map(refKey).join('\u0001');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key is the array's content
  return useMemo(() => next, [key]);
}

/** Per-queue marker lists that keep their identity while the markers do not change. */
function useMarkersByQueue(markers: ChartMarker[], refs: QueueRef[]): Map<string, ChartMarker[]> {
  return useMemo(() => new Map(refs.map((ref) => [refKey(ref), markersFor(markers, [ref])])), [markers, refs]);
}

export function ChartsPage() {
  const { connection } = useWarren();
  const status = useChartsStatus();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  /** Queues the user ticked to draw, newest first (they go before the rest of the list). */
  const [picked, setPicked] = useState<readonly string[]>([]);
  const [windowId, setWindowId] = useState<TimeWindowId>('5m');
  const [pausedAt, setPausedAt] = useState<number>();
  const [scrubEnd, setScrubEnd] = useState<number>();
  const [layout, setLayout] = useState<Layout>('multiples');

  const watched = useStableRefs(status?.watched);
  const missing = useStableRefs(status?.missing);
  const shownRefs = useMemo(() => {
    const byKey = new Map(watched.map((r) => [refKey(r), r]));
    const first = picked.flatMap((k) => byKey.get(k) ?? []);
    const rest = watched.filter((r) => !hidden.has(refKey(r)) && !picked.includes(refKey(r)));
    return [...first, ...rest].slice(0, MAX_SHOWN);
  }, [watched, hidden, picked]);
  const shownKeys = useMemo(() => new Set(shownRefs.map(refKey)), [shownRefs]);
  const windowMs = TIME_WINDOWS.find((w) => w.id === windowId)?.ms;
  // Live, the page keeps what its window shows; paused, everything (to scrub back through the hour).
  const { series, markers, now, version } = useChartSeries(shownRefs, false, pausedAt === undefined ? windowMs : undefined);
  const markersByQueue = useMarkersByQueue(markers, shownRefs);
  const shownMarkers = useMemo(() => markersFor(markers, shownRefs), [markers, shownRefs]);

  const end = pausedAt !== undefined ? (scrubEnd ?? pausedAt) : now;
  const oldest = Math.min(...shownRefs.map((r) => series.get(refKey(r))?.t[0] ?? Infinity));
  const start = windowMs !== undefined ? end - windowMs : Number.isFinite(oldest) ? oldest : end - 60_000;
  const domain = useMemo((): [number, number] => [start, end], [start, end]);
  // New slices only when samples arrived (`version`; the arrays grow in place) or the window moved.
  const data = useMemo(
    () => shownRefs.map((ref) => ({ ref, data: inWindow(series.get(refKey(ref)), start, end) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shownRefs, series, start, end, version],
  );

  const toggle = useCallback((ref: QueueRef, show: boolean) => {
    const key = refKey(ref);
    setHidden((previous) => {
      if (previous.has(key) !== show) return previous;
      const next = new Set(previous);
      if (show) next.delete(key);
      else next.add(key);
      return next;
    });
    setPicked((previous) => {
      const rest = previous.filter((k) => k !== key);
      return show ? [key, ...rest].slice(0, MAX_SHOWN) : rest;
    });
  }, []);
  /** Newly watched queues are drawn in list order after the ticked ones (not all "picked"). */
  const watchedNew = useCallback((refs: QueueRef[]) => {
    const keys = new Set(refs.map(refKey));
    setHidden((previous) => ([...previous].some((k) => keys.has(k)) ? new Set([...previous].filter((k) => !keys.has(k))) : previous));
  }, []);
  const pause = (paused: boolean) => {
    setPausedAt(paused ? now : undefined);
    setScrubEnd(undefined);
  };

  return (
    <PageShell
      title="Charts"
      subtitle="Ready, unacked and rates of the queues you watch, every second"
      needs="reachable"
      help={
        <p className="charts-help">
          History is kept in Warren’s main process while it runs (a reload or a new window shows it): up to 1 h per queue, fewer minutes
          each when many queues are watched (never under 5 min), all of it within {formatBytes(status?.memoryCapBytes ?? CHART_MEMORY_CAP_BYTES)}{' '}
          for at most {MAX_WATCHED_QUEUES.toLocaleString('en')} watched queues. See docs/charts.md.
        </p>
      }
    >
          <SamplerStatus status={status} />
          <div className="charts-layout">
            <aside className="charts-side">
              <WatchList watched={watched} missing={missing} vhost={connection.vhost} shown={shownKeys} onToggle={toggle} onWatched={watchedNew} />
              <section className="card">
                <h2 className="section-title">Markers</h2>
                <MarkerForm />
              </section>
            </aside>
            <div className="charts-main">
              <ChartToolbar
                windowId={windowId}
                onWindow={setWindowId}
                paused={pausedAt !== undefined}
                onPause={pause}
                pausedAt={pausedAt}
                scrubEnd={scrubEnd}
                oldest={Number.isFinite(oldest) ? oldest : undefined}
                onScrub={setScrubEnd}
                layout={layout}
                onLayout={setLayout}
              />
              {shownRefs.length === 0 ? (
                <EmptyState title="No queue to chart">
                  <p>Watch a queue on the left; its chart starts at once and keeps up to an hour of history while Warren runs.</p>
                </EmptyState>
              ) : layout === 'combined' && shownRefs.length > 1 ? (
                <CombinedChart queues={data} markers={shownMarkers} domain={domain} />
              ) : (
                <div className={`charts-grid${shownRefs.length > 1 ? ' charts-grid-multi' : ''}`}>
                  {data.map(({ ref, data: d }) => (
                    <QueueChart
                      key={refKey(ref)}
                      queue={ref}
                      data={d}
                      markers={markersByQueue.get(refKey(ref)) ?? shownMarkers}
                      domain={domain}
                      source={status?.source === 'amqp' ? 'amqp' : 'management'}
                      compact={shownRefs.length > 1}
                    />
                  ))}
                </div>
              )}
              {watched.length > MAX_SHOWN ? (
                <p className="muted">
                  {watched.length} queues are watched; {MAX_SHOWN} are drawn (the ones you tick, then the first of the list). All are sampled and kept.
                </p>
              ) : null}
              <OverviewChart />
            </div>
          </div>
    </PageShell>
  );
}
