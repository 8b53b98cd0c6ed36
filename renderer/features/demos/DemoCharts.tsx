/**
 * The demo's queues, side by side, from the app's chart sampler (the same samples the Charts
 * page draws): ready and unacked stacked, the rates under them outside presenter mode (in
 * presenter mode, the rates alone for a demo whose story is throughput), and the
 * demo's markers (steps, buttons, failure toggle, reset), tagged with their step numbers and
 * stacked so that they never overlap, with their words listed once under the charts
 * (demoMarkers). The big number is the latest ready count, readable from the back of a room.
 */
import { useEffect, useMemo, useState } from 'react';
import type { DemoState } from '../../../shared/demos/types';
import { useChartSeries, type SeriesData } from '../charts/useChartData';
import { SAMPLE_FIELDS, refKey, type ChartMarker } from '../../../shared/charts/types';
import { FIELD_COLORS, FIELD_LABELS } from '../charts/chartColors';
import { inWindow, markersFor, pointsFor } from '../charts/chartData';
import { SeriesChart, type SeriesSpec } from '../charts/SeriesChart';
import { demoEvents, numberedMarkers, type DemoEvent } from './demoMarkers';

/** The window shown: the demo's run, at most the last 3 minutes, at least 30 s wide. */
const MAX_WINDOW_MS = 180_000;
const MIN_WINDOW_MS = 30_000;
/** Newest markers listed under the charts (the lines keep all numbers). */
const MAX_LEGEND = 6;
/** Share of the window left empty after now. */
const RIGHT_ROOM_SHARE = 0.08;
/** What a chart's plot loses to its y axis, margins and padding (px). */
const CHART_CHROME_PX = 80;
/** Marker label size: the presenter's is read from the back of a room (demos.css says the same). */
const LABEL_FONT_PX = { presenter: 16, page: 12 };

const COUNTS: SeriesSpec[] = [
  { dataKey: 'ready', name: FIELD_LABELS.ready, color: FIELD_COLORS.ready, kind: 'area' },
  { dataKey: 'unacked', name: FIELD_LABELS.unacked, color: FIELD_COLORS.unacked, kind: 'area' },
];
const RATES: SeriesSpec[] = (['publish', 'deliver', 'ack', 'redeliver'] as const).map((f) => ({ dataKey: f, name: FIELD_LABELS[f], color: FIELD_COLORS[f], kind: 'line' }));

/** Where the deliver rate sits in a sample row (SAMPLE_FIELDS order). */
const DELIVER = SAMPLE_FIELDS.indexOf('deliver');

export function DemoCharts({ state, presenter, presenterChart = 'counts' }: { state: DemoState; presenter: boolean; presenterChart?: 'counts' | 'rates' }) {
  const refs = useMemo(() => state.charted.map((c) => c.ref), [state.charted]);
  const { series, markers, version, now } = useChartSeries(refs, false);
  // Markers of an earlier run of the same demo (same queue names) are not this run's story.
  const since = state.startedAt ?? 0;
  const events = useMemo(() => demoEvents(markers, since), [markers, since]);
  if (state.charted.length === 0) return null;
  const oldest = Math.min(...refs.map((r) => series.get(refKey(r))?.t[0] ?? Infinity));
  const start = Math.max(now - MAX_WINDOW_MS, Math.min(Number.isFinite(oldest) ? oldest : now, now - MIN_WINDOW_MS));
  // Room at the right for the newest marker's label, which is drawn right of its line.
  const domain: [number, number] = [start, now + (now - start) * RIGHT_ROOM_SHARE];
  return (
    // Presenter mode: every queue in one row, sharing the width (the legend spans it).
    <section className="demo-charts" aria-label="Queue charts" style={presenter ? { gridTemplateColumns: `repeat(${state.charted.length}, minmax(0, 1fr))` } : undefined}>
      {state.charted.map(({ label, ref }) => (
        <DemoQueueChart
          key={refKey(ref)}
          label={label}
          data={inWindow(series.get(refKey(ref)), start, now)}
          markers={markersFor(markers, [ref])}
          events={events}
          domain={domain}
          version={version}
          presenter={presenter}
          ratesOnly={presenter && presenterChart === 'rates'}
        />
      ))}
      {events.length > 0 ? (
        <ol className="demo-events" aria-label="Chart markers">
          {events.slice(-MAX_LEGEND).map((e) => (
            <li key={`${e.t}-${e.tag}`}>
              <span className="demo-event-n">{e.tag}</span> {e.words}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

interface ChartProps {
  label: string;
  data: SeriesData;
  markers: ChartMarker[];
  events: DemoEvent[];
  domain: [number, number];
  version: number;
  presenter: boolean;
  /** Presenter mode of a demo about throughput: the rates chart alone, the deliver rate as the big number. */
  ratesOnly: boolean;
}

function DemoQueueChart({ label, data, markers, events, domain, version, presenter, ratesOnly }: ChartProps) {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` says when the arrays grew.
  const points = useMemo(() => pointsFor(data), [data, version]);
  const [measure, width] = useWidth();
  const fontPx = presenter ? LABEL_FONT_PX.presenter : LABEL_FONT_PX.page;
  const labelled = numberedMarkers(markers, events, domain, { plotPx: Math.max(40, width - CHART_CHROME_PX), charPx: fontPx * 0.62, rows: 3 });
  const last = latest(data, 0);
  const unacked = latest(data, 1);
  if (ratesOnly) {
    const deliver = latest(data, DELIVER);
    return (
      <figure className="demo-chart" ref={measure} data-testid={`chart-${label}`} data-sample-count={data.t.length}>
        <figcaption>
          <span className="demo-chart-name">{label}</span>
          <span className="demo-chart-values">
            <strong className="demo-chart-value" aria-label={`${label} deliveries per second`}>
              {deliver === undefined ? '–' : Math.round(deliver)}
            </strong>
            <span className="demo-chart-unit">delivered/s</span>
          </span>
        </figcaption>
        <SeriesChart data={points} series={RATES} markers={labelled} domain={domain} height={118} rates />
      </figure>
    );
  }
  return (
    <figure className="demo-chart" ref={measure} data-testid={`chart-${label}`} data-sample-count={data.t.length}>
      <figcaption>
        <span className="demo-chart-name">{label}</span>
        <span className="demo-chart-values">
          <strong className="demo-chart-value" aria-label={`${label} ready messages`}>
            {last ?? '–'}
          </strong>
          <span className="demo-chart-unit">ready</span>
          {unacked ? <span className="demo-chart-unacked" aria-label={`${label} unacked messages`}>{unacked} unacked</span> : null}
        </span>
      </figcaption>
      <SeriesChart data={points} series={COUNTS} markers={labelled} domain={domain} height={presenter ? 118 : 140} stacked />
      {presenter ? null : <SeriesChart data={points} series={RATES} markers={[]} domain={domain} height={90} rates />}
    </figure>
  );
}

/** An element's width, kept current (labels are placed in px so that they never overlap): a callback ref and the width. */
function useWidth(): [(el: HTMLElement | null) => void, number] {
  const [el, setEl] = useState<HTMLElement | null>(null);
  const [px, setPx] = useState(240);
  useEffect(() => {
    if (!el) return;
    // A ResizeObserver reports once as soon as it observes, then at every change.
    const observer = new ResizeObserver(() => setPx(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return [setEl, px];
}

/** The newest known value of one field (skipping gaps). */
function latest(data: SeriesData, field: number): number | undefined {
  for (let i = data.rows.length - 1; i >= 0; i--) {
    const v = data.rows[i]?.[field];
    if (v !== null && v !== undefined) return v;
  }
  return undefined;
}
