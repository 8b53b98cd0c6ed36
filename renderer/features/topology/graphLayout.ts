/**
 * A layered layout for the topology graph: exchanges that nothing feeds on the left, exchanges
 * fed by exchange→exchange bindings in the next columns, queues on the right; each column
 * ordered by the mean position of what feeds it (one barycentre pass), which keeps the
 * tutorial's topologies free of crossings. Pure.
 *
 * A few hundred queues in one column would make a drawing 50× taller than wide, and "Fit" would
 * shrink it to nothing; so past WRAP_QUEUES queues each exchange's queues are packed into a
 * grid group (the same number of grid columns for every group), the groups are cut into
 * side-by-side bands when still too tall (both chosen so "Fit" shrinks the least), and the renderer
 * draws one trunk edge per group instead of one curve per queue.
 *
 * Node widths: in the layered (unpacked) drawing each column is as wide as its longest name
 * needs, measured by the caller (`measure`), between NODE_WIDTH and MAX_NODE_WIDTH; when the
 * columns' wants do not fit the room the caller has (`room`), the widest columns give way first
 * (never below NODE_WIDTH), and the renderer shortens the names that still do not fit (full name
 * on hover). Packed grids keep NODE_WIDTH: hundreds of boxes are read by zooming, not by width.
 */
import type { QueueRow, TopologySnapshot } from '../../../shared/topology/types';
import { nodeText } from './placement';

export const NODE_WIDTH = 200;
/** The widest a node grows for its name (a longer name is shortened, whole on hover). */
export const MAX_NODE_WIDTH = 520;
/** Room around a node's name inside its box (10 px either side). */
export const NAME_PAD = 20;
export const NODE_HEIGHT = 46;
export const COLUMN_GAP = 150;
export const ROW_GAP = 18;
/** Above this many queues in view, queues are packed into per-exchange grid groups. */
export const WRAP_QUEUES = 24;
export const CELL_GAP = 24;
/** Room inside a group's frame: above a queue for its binding key, and around it. */
export const GROUP_PAD_TOP = 20;
export const GROUP_PAD = 10;
export const GROUP_GAP = 30;
/** The width : height of the window the packing is made for (the graph pane of a landscape window). */
const TARGET_ASPECT = 2;
const MAX_GRID_COLUMNS = 16;
const MAX_BANDS = 8;
/** Between two bands: room for the edges that cross from one band to the next. */
const BAND_GAP = 120;

export interface GraphNode {
  id: string;
  kind: 'exchange' | 'queue';
  name: string;
  /** Exchange type, or queue type. */
  type: string;
  ready: number;
  unacked: number;
  /** Replicated or unavailable queues: the leader and members online, or the node that is down (said on hover). */
  placement?: string;
  x: number;
  y: number;
  /** The box's width: its column's (see the header). */
  width: number;
}

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  label: string;
  /** A binding (solid), or where an exchange's unroutable / a queue's dead messages go (dashed). */
  kind: 'binding' | 'alternate' | 'dead-letter';
  /** Set when this binding is drawn as part of its exchange's group trunk (packed layouts only). */
  group?: string;
}

/** A frame around the queues one exchange feeds (packed layouts only). */
export interface GraphGroup {
  id: string;
  /** The exchange feeding every queue of the group. */
  source: string;
  queues: string[];
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the caller knows of the screen: text widths, and the width the drawing may take. */
export interface LayoutRoom {
  /** Width in px of a node's name as drawn; without it ~7.3 px a character (12 px monospace). */
  measure?: (name: string) => number;
  /** Width in px the drawing may take without scrolling; without it, columns take what they want. */
  room?: number;
}

/** 12 px monospace, ~0.6 em a character: the width used when the caller cannot measure. */
export const approxNameWidth = (name: string) => name.length * 7.3;

export interface GraphLayout {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Empty for small topologies, which keep one queue column and one curve per binding. */
  groups: GraphGroup[];
  width: number;
  height: number;
}

export const exchangeId = (name: string) => `x:${name}`;
export const queueId = (name: string) => `q:${name}`;

/** The nodes on any routing path through `focus` (upstream and downstream), or undefined for all. */
export function neighbourhood(edges: readonly GraphEdge[], focus: string | undefined): Set<string> | undefined {
  if (focus === undefined) return undefined;
  const keep = new Set([focus]);
  const walk = (forward: boolean) => {
    const todo = [focus];
    const seen = new Set([focus]);
    for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
      for (const e of edges) {
        const [from, to] = forward ? [e.from, e.to] : [e.to, e.from];
        if (from === id && !seen.has(to)) {
          seen.add(to);
          keep.add(to);
          todo.push(to);
        }
      }
    }
  };
  walk(true);
  walk(false);
  return keep;
}

export function layoutTopology(snapshot: TopologySnapshot, focus?: string, screen: LayoutRoom = {}): GraphLayout {
  // The default exchange's implicit bindings (one per queue) would swamp the picture; unused amq.* exchanges too.
  const bindings = snapshot.bindings.filter((b) => b.source !== '');
  const used = new Set(bindings.flatMap((b) => [b.source, b.destinationType === 'exchange' ? b.destination : '']));
  const exchanges = snapshot.exchanges.filter((x) => x.name !== '' && (used.has(x.name) || !x.name.startsWith('amq.')));
  const exchangeNames = new Set(exchanges.map((x) => x.name));
  const queueNames = new Set(snapshot.queues.map((q) => q.name));

  const allEdges: GraphEdge[] = [];
  for (const [i, b] of bindings.entries()) {
    if (!exchangeNames.has(b.source)) continue;
    const to = b.destinationType === 'exchange' ? exchangeId(b.destination) : queueId(b.destination);
    if (b.destinationType === 'exchange' ? !exchangeNames.has(b.destination) : !queueNames.has(b.destination)) continue;
    const xMatch = b.arguments['x-match'];
    const label = typeof xMatch === 'string' || Object.keys(b.arguments).length > 0 ? headersLabel(b.arguments) : b.routingKey === '' ? '' : b.routingKey;
    allEdges.push({ id: `e${i}`, from: exchangeId(b.source), to, label, kind: 'binding' });
  }
  for (const x of exchanges) {
    const argument = x.arguments['alternate-exchange'];
    const alternate = x.alternateExchange ?? (typeof argument === 'string' ? argument : undefined);
    if (alternate !== undefined && exchangeNames.has(alternate)) {
      allEdges.push({
        id: `ae:${x.name}`,
        from: exchangeId(x.name),
        to: exchangeId(alternate),
        label: x.alternateFrom === 'policy' ? `alternate exchange (policy ${x.policy ?? ''})` : 'alternate exchange',
        kind: 'alternate',
      });
    }
  }
  for (const q of snapshot.queues) {
    const dead = deadLetterOf(q);
    if (dead !== undefined && exchangeNames.has(dead.exchange)) {
      const key = dead.routingKey === undefined ? '' : ` → ${dead.routingKey}`;
      allEdges.push({ id: `dlx:${q.name}`, from: queueId(q.name), to: exchangeId(dead.exchange), label: `dead letters${key}${dead.policy ? ` (policy ${dead.policy})` : ''}`, kind: 'dead-letter' });
    }
  }

  const keep = neighbourhood(allEdges, focus);
  const edges = keep ? allEdges.filter((e) => keep.has(e.from) && keep.has(e.to)) : allEdges;

  // Column of each exchange: the longest exchange→exchange chain leading to it (cycles cut at the node count).
  const depth = new Map<string, number>(exchanges.map((x) => [exchangeId(x.name), 0]));
  for (let round = 0; round < exchanges.length; round++) {
    let changed = false;
    for (const e of allEdges) {
      // Exchange→exchange links only: a dead-letter link runs back from a queue and sets no column.
      if (!e.to.startsWith('x:') || !e.from.startsWith('x:')) continue;
      const next = (depth.get(e.from) ?? 0) + 1;
      if (next > (depth.get(e.to) ?? 0) && next <= exchanges.length) {
        depth.set(e.to, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const queueColumn = Math.max(0, ...depth.values()) + 1;

  const nodes: GraphNode[] = [];
  for (const x of exchanges) {
    const id = exchangeId(x.name);
    if (!keep || keep.has(id)) nodes.push({ id, kind: 'exchange', name: x.name, type: x.type, ready: 0, unacked: 0, x: 0, y: 0, width: NODE_WIDTH });
  }
  for (const q of snapshot.queues) {
    const id = queueId(q.name);
    if (!keep || keep.has(id)) nodes.push({ id, kind: 'queue', name: q.name, type: q.type, ready: q.ready, unacked: q.unacked, ...(q.members?.length || q.state === 'down' ? { placement: nodeText(q) } : {}), x: 0, y: 0, width: NODE_WIDTH });
  }

  const columns = new Map<number, GraphNode[]>();
  for (const node of nodes) {
    const column = node.kind === 'queue' ? queueColumn : (depth.get(node.id) ?? 0);
    if (!columns.has(column)) columns.set(column, []);
    columns.get(column)!.push(node);
  }
  const order = new Map<string, number>();
  const sources = new Map<string, string[]>();
  for (const e of edges) sources.set(e.to, [...(sources.get(e.to) ?? []), e.from]);
  let height = 0;
  const usedColumns = [...columns.keys()].sort((a, b) => a - b);
  const queueCount = columns.get(queueColumn)?.length ?? 0;
  const packed = queueCount > WRAP_QUEUES;
  let groups: GraphGroup[] = [];
  let queueWidth = NODE_WIDTH;
  let bandWidth = 0;
  let bandOf = new Map<string, number>();
  const measure = screen.measure ?? approxNameWidth;
  const widths = packed
    ? usedColumns.map(() => NODE_WIDTH)
    : fitWidths(
        usedColumns.map((c) => Math.max(0, ...columns.get(c)!.map((n) => measure(n.name) + NAME_PAD))),
        screen.room === undefined ? undefined : screen.room - (usedColumns.length - 1) * COLUMN_GAP,
      );
  const lefts = widths.map((_, i) => widths.slice(0, i).reduce((sum, w) => sum + w + COLUMN_GAP, 0));
  for (const [index, column] of usedColumns.entries()) {
    const list = columns.get(column)!;
    if (packed && column === queueColumn) {
      const exchangeRows = Math.max(0, ...usedColumns.filter((c) => c !== queueColumn).map((c) => columns.get(c)!.length));
      // Column first, then place in the column: groups follow their exchanges top to bottom.
      const rank = new Map(nodes.filter((n) => n.kind === 'exchange').map((n) => [n.id, n.x * 100_000 + (order.get(n.id) ?? 0)]));
      const placed = packQueues(list, edges, rank, lefts[index]!, exchangeRows);
      groups = placed.groups;
      queueWidth = placed.width;
      bandWidth = placed.bandWidth;
      bandOf = placed.bandOf;
      continue;
    }
    const centre = (node: GraphNode) => {
      const from = (sources.get(node.id) ?? []).map((s) => order.get(s)).filter((v): v is number => v !== undefined);
      return from.length === 0 ? Number.MAX_SAFE_INTEGER : from.reduce((a, b) => a + b, 0) / from.length;
    };
    list.sort((a, b) => centre(a) - centre(b) || a.name.localeCompare(b.name));
    list.forEach((node, i) => {
      order.set(node.id, i);
      node.x = lefts[index]!;
      node.width = widths[index]!;
      node.y = i * (NODE_HEIGHT + ROW_GAP);
    });
    height = Math.max(height, list.length * (NODE_HEIGHT + ROW_GAP));
  }
  const ordered = usedColumns.map((c) => columns.get(c)!);
  if (!packed) {
    height = Math.max(height, alignToTargets(ordered, edges));
  } else {
    // Each exchange joins the band of what it feeds (right to left, so chains follow), then each band aligns on its own.
    for (let c = ordered.length - 2; c >= 0; c--) {
      for (const node of ordered[c]!) {
        const own = groups.find((g) => g.source === node.id)?.queues[0];
        const band = [own, ...edges.filter((e) => e.from === node.id).map((e) => e.to)].map((id) => (id === undefined ? undefined : bandOf.get(id))).find((b) => b !== undefined) ?? 0;
        bandOf.set(node.id, band);
        node.x += band * bandWidth;
      }
    }
    const bands = Math.max(0, ...bandOf.values()) + 1;
    for (let band = 0; band < bands; band++) {
      height = Math.max(height, alignToTargets(ordered.map((list) => list.filter((n) => bandOf.get(n.id) === band)), edges, (id) => bandOf.get(id) === band));
    }
  }
  const last = usedColumns.length - 1;
  const width = usedColumns.length === 0 ? 0 : packed ? lefts[last]! + queueWidth : lefts[last]! + widths[last]!;
  return { nodes, edges, groups, width, height };
}

/**
 * Each column's width: what its longest name wants, between NODE_WIDTH and MAX_NODE_WIDTH. When
 * the wants exceed `available`, the widest give way first: one cap for all columns, the largest
 * that fits (water-filling), never below NODE_WIDTH (then the drawing scrolls).
 */
export function fitWidths(wants: readonly number[], available: number | undefined): number[] {
  const want = wants.map((w) => Math.min(MAX_NODE_WIDTH, Math.max(NODE_WIDTH, Math.ceil(w))));
  const total = (cap: number) => want.reduce((sum, w) => sum + Math.min(w, cap), 0);
  if (available === undefined || total(MAX_NODE_WIDTH) <= available) return want;
  let lo = NODE_WIDTH;
  let hi = MAX_NODE_WIDTH;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (total(mid) <= available) lo = mid;
    else hi = mid;
  }
  return want.map((w) => Math.min(w, lo));
}

/** `name` as it fits `width` px: whole, or cut with an ellipsis (the node's title has it whole). */
export function fitName(name: string, width: number, measure: (text: string) => number = approxNameWidth): string {
  if (measure(name) <= width) return name;
  let lo = 0;
  let hi = name.length;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (measure(`${name.slice(0, mid)}…`) <= width) lo = mid;
    else hi = mid;
  }
  return `${name.slice(0, lo)}…`;
}

/**
 * Packs the queue column into one grid group per feeding exchange (a queue fed by several goes
 * with the first of them in column order; unbound queues form the last group). Every group uses
 * the same number of grid columns; when the groups would still stack too high, the drawing is cut
 * between groups into side-by-side bands (each with its own exchange columns). Grid columns and
 * bands are picked so the drawing shrinks least when fitted into a TARGET_ASPECT window. Marks each binding drawn
 * by its group's trunk. Returns the groups, the band of each queue, and the widths used.
 */
function packQueues(
  queues: GraphNode[],
  edges: GraphEdge[],
  ranks: ReadonlyMap<string, number>,
  left: number,
  exchangeRows: number,
): { groups: GraphGroup[]; width: number; bandWidth: number; bandOf: Map<string, number> } {
  const rank = (id: string) => ranks.get(id) ?? Number.MAX_SAFE_INTEGER;
  const primary = new Map<string, string>();
  for (const e of edges) {
    if (!e.to.startsWith('q:')) continue;
    const current = primary.get(e.to);
    if (current === undefined || rank(e.from) < rank(current)) primary.set(e.to, e.from);
  }
  const bySource = new Map<string, GraphNode[]>();
  for (const q of queues) {
    const source = primary.get(q.id) ?? '';
    bySource.set(source, [...(bySource.get(source) ?? []), q]);
  }
  const sources = [...bySource.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : rank(a) - rank(b) || a.localeCompare(b)));
  const lists = sources.map((source) => ({ source, list: bySource.get(source)!.sort((a, b) => a.name.localeCompare(b.name)) }));

  const step = NODE_HEIGHT + ROW_GAP;
  const groupHeight = (size: number, columns: number) => Math.ceil(size / columns) * step - ROW_GAP + GROUP_PAD_TOP + GROUP_PAD;
  const gridWidth = (columns: number) => columns * NODE_WIDTH + (columns - 1) * CELL_GAP + GROUP_PAD;
  const stacked = (columns: number) => lists.reduce((sum, g) => sum + groupHeight(g.list.length, columns) + GROUP_GAP, -GROUP_GAP);
  let best = { columns: 1, bands: 1, score: Number.POSITIVE_INFINITY };
  const widest = Math.min(MAX_GRID_COLUMNS, Math.max(1, ...lists.map((g) => g.list.length)));
  for (let columns = 1; columns <= widest; columns++) {
    for (let bands = 1; bands <= Math.min(MAX_BANDS, lists.length); bands++) {
      const width = bands * (left + gridWidth(columns)) + (bands - 1) * BAND_GAP;
      const height = Math.max(stacked(columns), exchangeRows * step) / bands;
      // What "Fit" shrinks by in a TARGET_ASPECT window: the larger of the two sides that must fit.
      const score = Math.max(width / TARGET_ASPECT, height);
      if (score < best.score) best = { columns, bands, score };
    }
  }

  const bandWidth = left + gridWidth(best.columns) + BAND_GAP;
  const bandHeight = stacked(best.columns) / best.bands;
  const groups: GraphGroup[] = [];
  const bandOf = new Map<string, number>();
  let band = 0;
  let top = 0;
  for (const { source, list } of lists) {
    const height = groupHeight(list.length, best.columns);
    // Start the next band once this one is full (a group is never split).
    if (top > 0 && top + height > bandHeight + step && band < best.bands - 1) {
      band++;
      top = 0;
    }
    const x0 = band * bandWidth + left;
    const used = Math.min(best.columns, list.length);
    list.forEach((node, i) => {
      node.x = x0 + (i % best.columns) * (NODE_WIDTH + CELL_GAP);
      node.y = top + GROUP_PAD_TOP + Math.floor(i / best.columns) * step;
      bandOf.set(node.id, band);
    });
    if (source !== '') {
      const id = `g:${source}`;
      groups.push({ id, source, queues: list.map((n) => n.id), x: x0 - GROUP_PAD, y: top, width: gridWidth(used) + GROUP_PAD, height });
      for (const e of edges) if (e.from === source && primary.get(e.to) === source) e.group = id;
    }
    top += height + GROUP_GAP;
  }
  return { groups, width: (band + 1) * bandWidth - BAND_GAP - left, bandWidth, bandOf };
}

/**
 * Second pass, right to left: each exchange moves down to the middle of what it feeds, so at a
 * few hundred queues an exchange sits beside its queues instead of far above them. A column
 * keeps its order and its gaps (nodes are only pushed down, never onto each other). Returns
 * the height used.
 */
function alignToTargets(columns: GraphNode[][], edges: readonly GraphEdge[], counts: (id: string) => boolean = () => true): number {
  const targets = new Map<string, string[]>();
  for (const e of edges) targets.set(e.from, [...(targets.get(e.from) ?? []), e.to]);
  const byId = new Map(columns.flat().map((n) => [n.id, n]));
  const step = NODE_HEIGHT + ROW_GAP;
  let height = 0;
  for (let c = columns.length - 1; c >= 0; c--) {
    const column = columns[c]!;
    if (c < columns.length - 1) {
      const wanted = (node: GraphNode) => {
        const ys = (targets.get(node.id) ?? []).map((id) => byId.get(id)).filter((n): n is GraphNode => n !== undefined && n.x > node.x && counts(n.id)).map((n) => n.y);
        return ys.length === 0 ? undefined : (Math.min(...ys) + Math.max(...ys)) / 2;
      };
      let floor = 0;
      for (const node of column) {
        node.y = Math.max(floor, wanted(node) ?? floor);
        floor = node.y + step;
      }
    }
    const last = column[column.length - 1];
    if (last) height = Math.max(height, last.y + step);
  }
  return height;
}

function headersLabel(args: Record<string, unknown>): string {
  const mode = typeof args['x-match'] === 'string' ? args['x-match'] : 'all';
  const pairs = Object.entries(args)
    .filter(([k]) => k !== 'x-match')
    .map(([k, v]) => (v === null ? k : `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`));
  return `${mode}: ${pairs.join(', ')}`;
}

/** A queue's dead-letter exchange in effect: its argument, else its policy's (the argument wins, as in the broker). */
export function deadLetterOf(q: QueueRow): { exchange: string; routingKey?: string; policy?: string } | undefined {
  const argument = q.arguments['x-dead-letter-exchange'];
  const key = q.arguments['x-dead-letter-routing-key'];
  if (typeof argument === 'string') return { exchange: argument, ...(typeof key === 'string' ? { routingKey: key } : {}) };
  const policy = q.policyDefinition ?? {};
  const fromPolicy = policy['dead-letter-exchange'];
  const policyKey = policy['dead-letter-routing-key'];
  if (typeof fromPolicy === 'string') return { exchange: fromPolicy, policy: q.policy, ...(typeof policyKey === 'string' ? { routingKey: policyKey } : {}) };
  return undefined;
}
