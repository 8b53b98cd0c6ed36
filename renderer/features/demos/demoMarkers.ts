/**
 * The demo's markers as its charts draw them. The service records each marker (step, button,
 * failure toggle, reset) once per charted queue; here they become tagged events. A step's tag
 * is its step number ("3"), so the chart says what the narration says; anything pressed by
 * hand after step 3 is "3a", "3b" … and never shifts the steps' numbers. The charts label
 * their lines with the tag only (a small chart has no room for words), and one legend under
 * the charts gives each tag its words. Labels of nearby lines stack in rows; one that finds no
 * room in any row is left off its line (the legend still lists it). A cluster node going down
 * or coming back (the sampler's node markers, "warren-c2-… down") is an event like a button
 * press: the story of a node failure is told by them. Consumer markers of the sampler are left
 * out: the demo's own marker already says why a consumer went away. Pure.
 */
import type { ChartMarker } from '../../../shared/charts/types';

export interface DemoEvent {
  /** "3" for step 3; "3a", "3b" for what was pressed by hand after it. */
  tag: string;
  t: number;
  /** The marker as recorded ("Step 3: Take the email service down …", "Place a burst (5)"). */
  label: string;
  /** What the legend says after the tag (a step's title without "Step 3:"). */
  words: string;
}

const eventKey = (m: { t: number; label: string }) => `${m.t}\u0000${m.label}`;
/** The runner labels step markers "Step N: title". */
const STEP = /^Step (\d+): (.*)$/;

/** 1 → a, 26 → z, 27 → aa. */
function letters(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(97 + ((k - 1) % 26)) + out;
  return out;
}

/** The demo's events in time order, tagged (duplicates across queues merged). */
export function demoEvents(markers: readonly ChartMarker[], since = 0): DemoEvent[] {
  const seen = new Set<string>();
  const events: DemoEvent[] = [];
  let step = 0;
  let extra = 0;
  for (const m of [...markers].filter((m) => (m.kind === 'demo' || m.kind === 'node') && m.t >= since).sort((a, b) => a.t - b.t)) {
    const key = eventKey(m);
    if (seen.has(key)) continue;
    seen.add(key);
    const isStep = m.kind === 'demo' ? STEP.exec(m.label) : null;
    if (isStep) {
      step = Number(isStep[1]);
      extra = 0;
      events.push({ tag: String(step), t: m.t, label: m.label, words: isStep[2]! });
    } else {
      extra += 1;
      events.push({ tag: `${step}${letters(extra)}`, t: m.t, label: m.label, words: m.label });
    }
  }
  return events;
}

export interface LabelRoom {
  /** Width of the chart's plot area in px. */
  plotPx: number;
  /** Width of one character of a label in px (about 0.6 × the font size). */
  charPx: number;
  /** Rows of labels a chart stacks (the top one is row 0). */
  rows: number;
}

/** Space kept after a label (its offset from the line and a gap), in px. */
const LABEL_PAD_PX = 10;

/**
 * One chart's markers, labelled with their tags (connection losses keep their words), each in
 * the highest row where it overlaps no other label. Newest first: when a window is crowded it is
 * an older label that gives way.
 */
export function numberedMarkers(markers: readonly ChartMarker[], events: readonly DemoEvent[], domain: [number, number], room: LabelRoom): ChartMarker[] {
  const tags = new Map(events.map((e) => [eventKey(e), e.tag]));
  const span = Math.max(1, domain[1] - domain[0]);
  const x = (t: number) => ((t - domain[0]) / span) * room.plotPx;
  // The left edge of the leftmost label placed so far, per row (labels extend right of their line).
  const rowStart: number[] = Array.from({ length: Math.max(1, room.rows) }, () => Infinity);
  const out: ChartMarker[] = [];
  for (const m of [...markers].sort((a, b) => b.t - a.t)) {
    const tag = m.kind === 'demo' || m.kind === 'node' ? tags.get(eventKey(m)) : undefined;
    if (m.kind !== 'connection' && tag === undefined) continue;
    const text = tag ?? m.label;
    const left = x(m.t);
    const right = left + text.length * room.charPx + LABEL_PAD_PX;
    const row = rowStart.findIndex((start) => right <= start);
    if (row === -1) {
      out.push({ ...m, label: '' });
      continue;
    }
    rowStart[row] = left;
    out.push({ ...m, label: text, row });
  }
  return out.reverse();
}
