/**
 * A layered layout for the topology graph: exchanges that nothing feeds on the left, exchanges
 * fed by exchange→exchange bindings in the next columns, queues on the right; each column
 * ordered by the mean position of what feeds it (one barycentre pass), which keeps the
 * tutorial's topologies free of crossings. Pure.
 */
import type { TopologySnapshot } from '../../../shared/topology-types';

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 46;
export const COLUMN_GAP = 150;
export const ROW_GAP = 18;

export interface GraphNode {
  id: string;
  kind: 'exchange' | 'queue';
  name: string;
  /** Exchange type, or queue type. */
  type: string;
  ready: number;
  unacked: number;
  x: number;
  y: number;
}

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  label: string;
}

export interface GraphLayout {
  nodes: GraphNode[];
  edges: GraphEdge[];
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

export function layoutTopology(snapshot: TopologySnapshot, focus?: string): GraphLayout {
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
    allEdges.push({ id: `e${i}`, from: exchangeId(b.source), to, label });
  }
  for (const x of exchanges) {
    const argument = x.arguments['alternate-exchange'];
    const alternate = x.alternateExchange ?? (typeof argument === 'string' ? argument : undefined);
    if (alternate !== undefined && exchangeNames.has(alternate)) {
      allEdges.push({ id: `ae:${x.name}`, from: exchangeId(x.name), to: exchangeId(alternate), label: x.alternateFrom === 'policy' ? `alternate (policy ${x.policy ?? ''})` : 'alternate' });
    }
  }

  const keep = neighbourhood(allEdges, focus);
  const edges = keep ? allEdges.filter((e) => keep.has(e.from) && keep.has(e.to)) : allEdges;

  // Column of each exchange: the longest exchange→exchange chain leading to it (cycles cut at the node count).
  const depth = new Map<string, number>(exchanges.map((x) => [exchangeId(x.name), 0]));
  for (let round = 0; round < exchanges.length; round++) {
    let changed = false;
    for (const e of allEdges) {
      if (!e.to.startsWith('x:')) continue;
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
    if (!keep || keep.has(id)) nodes.push({ id, kind: 'exchange', name: x.name, type: x.type, ready: 0, unacked: 0, x: 0, y: 0 });
  }
  for (const q of snapshot.queues) {
    const id = queueId(q.name);
    if (!keep || keep.has(id)) nodes.push({ id, kind: 'queue', name: q.name, type: q.type, ready: q.ready, unacked: q.unacked, x: 0, y: 0 });
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
  for (const [index, column] of usedColumns.entries()) {
    const list = columns.get(column)!;
    const centre = (node: GraphNode) => {
      const from = (sources.get(node.id) ?? []).map((s) => order.get(s)).filter((v): v is number => v !== undefined);
      return from.length === 0 ? Number.MAX_SAFE_INTEGER : from.reduce((a, b) => a + b, 0) / from.length;
    };
    list.sort((a, b) => centre(a) - centre(b) || a.name.localeCompare(b.name));
    list.forEach((node, i) => {
      order.set(node.id, i);
      node.x = index * (NODE_WIDTH + COLUMN_GAP);
      node.y = i * (NODE_HEIGHT + ROW_GAP);
    });
    height = Math.max(height, list.length * (NODE_HEIGHT + ROW_GAP));
  }
  height = Math.max(height, alignToTargets(usedColumns.map((c) => columns.get(c)!), edges));
  const width = usedColumns.length === 0 ? 0 : usedColumns.length * NODE_WIDTH + (usedColumns.length - 1) * COLUMN_GAP;
  return { nodes, edges, width, height };
}

/**
 * Second pass, right to left: each exchange moves down to the middle of what it feeds, so at a
 * few hundred queues an exchange sits beside its queues instead of far above them. A column
 * keeps its order and its gaps (nodes are only pushed down, never onto each other). Returns
 * the height used.
 */
function alignToTargets(columns: GraphNode[][], edges: readonly GraphEdge[]): number {
  const targets = new Map<string, string[]>();
  for (const e of edges) targets.set(e.from, [...(targets.get(e.from) ?? []), e.to]);
  const byId = new Map(columns.flat().map((n) => [n.id, n]));
  const step = NODE_HEIGHT + ROW_GAP;
  let height = 0;
  for (let c = columns.length - 1; c >= 0; c--) {
    const column = columns[c]!;
    if (c < columns.length - 1) {
      const wanted = (node: GraphNode) => {
        const ys = (targets.get(node.id) ?? []).map((id) => byId.get(id)).filter((n): n is GraphNode => n !== undefined && n.x > node.x).map((n) => n.y);
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
