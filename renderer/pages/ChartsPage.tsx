/**
 * Charts: the watch list's queues sampled every second — ready/unacked stacked, rates, markers —
 * side by side or on one chart, over 1 min … 1 h or all that is kept; pause to scrub and hover.
 */
import { useMemo, useState } from 'react';
import { refKey, type QueueRef } from '../../shared/charts-types';
import { TIME_WINDOWS, type TimeWindowId } from '../../shared/charts/points';
import { ChartToolbar, type Layout } from '../components/charts/ChartToolbar';
import { CombinedChart } from '../components/charts/CombinedChart';
import { inWindow, markersFor } from '../components/charts/chartData';
import { MarkerForm } from '../components/charts/MarkerForm';
import { OverviewChart } from '../components/charts/OverviewChart';
import { QueueChart } from '../components/charts/QueueChart';
import { SamplerStatus } from '../components/charts/SamplerStatus';
import { WatchList } from '../components/charts/WatchList';
import { EmptyState } from '../components/EmptyState';
import { NotConnected } from '../components/NotConnected';
import { useChartSeries, useChartsStatus } from '../hooks/chartsData';
import { useWarren } from '../hooks/useWarren';
import '../styles/charts.css';

/** Charts drawn at once (more stay sampled and exportable; tick them to draw). */
const MAX_SHOWN = 12;

export function ChartsPage() {
  const { connection } = useWarren();
  const status = useChartsStatus();
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [windowId, setWindowId] = useState<TimeWindowId>('5m');
  const [pausedAt, setPausedAt] = useState<number>();
  const [scrubEnd, setScrubEnd] = useState<number>();
  const [layout, setLayout] = useState<Layout>('multiples');

  const watched = useMemo(() => status?.watched ?? [], [status?.watched]);
  const shownRefs = useMemo(() => watched.filter((r) => !hidden.has(refKey(r))).slice(0, MAX_SHOWN), [watched, hidden]);
  const shownKeys = new Set(shownRefs.map(refKey));
  const { series, markers, version, now } = useChartSeries(shownRefs, false);

  const live = connection.status === 'connected' || connection.status === 'reconnecting';
  const windowMs = TIME_WINDOWS.find((w) => w.id === windowId)?.ms;
  const end = pausedAt !== undefined ? (scrubEnd ?? pausedAt) : now;
  const oldest = Math.min(...shownRefs.map((r) => series.get(refKey(r))?.t[0] ?? Infinity));
  const start = windowMs !== undefined ? end - windowMs : Number.isFinite(oldest) ? oldest : end - 60_000;
  const domain: [number, number] = [start, end];
  const data = shownRefs.map((ref) => ({ ref, data: inWindow(series.get(refKey(ref)), start, end) }));

  const toggle = (ref: QueueRef, show: boolean) =>
    setHidden((previous) => {
      const next = new Set(previous);
      if (show) next.delete(refKey(ref));
      else next.add(refKey(ref));
      return next;
    });
  const pause = (paused: boolean) => {
    setPausedAt(paused ? now : undefined);
    setScrubEnd(undefined);
  };

  return (
    <div className="page-body">
      <div className="page-header">
        <div>
          <h1>Charts</h1>
          <p className="page-subtitle">Ready, unacked and rates of the queues you watch, every second</p>
        </div>
      </div>
      {!live ? (
        <NotConnected state={connection} />
      ) : (
        <>
          <SamplerStatus status={status} />
          <div className="charts-layout">
            <aside className="charts-side">
              <WatchList status={status} vhost={connection.vhost} shown={shownKeys} onToggle={toggle} />
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
                <CombinedChart queues={data} markers={markersFor(markers, shownRefs)} domain={domain} version={version} />
              ) : (
                <div className={`charts-grid${shownRefs.length > 1 ? ' charts-grid-multi' : ''}`}>
                  {data.map(({ ref, data: d }) => (
                    <QueueChart
                      key={refKey(ref)}
                      queue={ref}
                      data={d}
                      markers={markersFor(markers, [ref])}
                      domain={domain}
                      source={status?.source === 'amqp' ? 'amqp' : 'management'}
                      version={version}
                      compact={shownRefs.length > 1}
                    />
                  ))}
                </div>
              )}
              {watched.length > MAX_SHOWN ? (
                <p className="muted">
                  {watched.length} queues are watched; the first {MAX_SHOWN} ticked are drawn (all are sampled and kept).
                </p>
              ) : null}
              <OverviewChart />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
