/**
 * The demo's markers as its charts draw them. The service records each marker (start, step,
 * button, failure toggle, reset) once per charted queue; here they become numbered events:
 * the charts label their vertical lines with the number only (labels of lines seconds apart
 * would print over each other, and a small chart has no room for words), and one legend
 * under the charts gives each number its words. Consumer markers of the sampler are left out:
 * the demo's own marker already says why a consumer went away. Pure.
 */
import type { ChartMarker } from '../../../shared/charts/types';

export interface DemoEvent {
  n: number;
  t: number;
  label: string;
}

const eventKey = (m: { t: number; label: string }) => `${m.t}\u0000${m.label}`;

/** The demo's events in time order, numbered from 1 (duplicates across queues merged). */
export function demoEvents(markers: readonly ChartMarker[], since = 0): DemoEvent[] {
  const seen = new Set<string>();
  const events: DemoEvent[] = [];
  for (const m of [...markers].filter((m) => m.kind === 'demo' && m.t >= since).sort((a, b) => a.t - b.t)) {
    const key = eventKey(m);
    if (seen.has(key)) continue;
    seen.add(key);
    events.push({ n: events.length + 1, t: m.t, label: m.label });
  }
  return events;
}

/** Two numbered lines closer than this share of the window: only the newer keeps its number. */
export const MIN_LABEL_GAP_SHARE = 0.06;

/**
 * One chart's markers, labelled with their event number (connection losses keep their words).
 * A line too close to a newer one is drawn without its number, which would print over the other.
 */
export function numberedMarkers(markers: readonly ChartMarker[], events: readonly DemoEvent[], domain: [number, number]): ChartMarker[] {
  const numbers = new Map(events.map((e) => [eventKey(e), e.n]));
  const gap = Math.max(0, domain[1] - domain[0]) * MIN_LABEL_GAP_SHARE;
  const out: ChartMarker[] = [];
  let labelledAt = Infinity;
  for (const m of [...markers].sort((a, b) => b.t - a.t)) {
    const n = m.kind === 'demo' ? numbers.get(eventKey(m)) : undefined;
    if (m.kind !== 'connection' && n === undefined) continue;
    const room = labelledAt - m.t >= gap;
    if (room) labelledAt = m.t;
    out.push({ ...m, label: room ? (n === undefined ? m.label : String(n)) : '' });
  }
  return out.reverse();
}
