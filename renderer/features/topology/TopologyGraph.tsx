/**
 * The topology as an SVG graph: exchanges → queues, keys on the edges, live ready/unacked badges, a
 * neighbourhood filter. Large topologies come packed (see graphLayout): one trunk per exchange's
 * queue group, binding keys above the queues once zoomed in enough to read them, and the single
 * bindings of a node drawn while it is hovered or focused.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TopologySnapshot } from '../../../shared/topology/types';
import { Field } from '../../ui/Field';
import { COLUMN_GAP, NAME_PAD, NODE_HEIGHT, fitName, layoutTopology, type GraphEdge, type GraphNode } from './graphLayout';
import { measureNodeName } from './textMeasure';

const PAD = 24;
const ZOOMS = [0.25, 0.35, 0.5, 0.7, 1, 1.4, 2] as const;
/** Below this zoom a packed graph hides its binding keys (they would be unreadable specks). */
const KEYS_FROM_ZOOM = 0.5;
const trim = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function TopologyGraph({ snapshot }: { snapshot: TopologySnapshot }) {
  const [focus, setFocus] = useState('');
  // The width the drawing may take: nodes grow for their names up to it (see graphLayout).
  const frame = useRef<HTMLElement>(null);
  const [room, setRoom] = useState<number | undefined>(undefined);
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setRoom(Math.max(0, el.clientWidth - PAD * 2 - 40)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const screen = useMemo(() => ({ measure: measureNodeName, ...(room === undefined ? {} : { room }) }), [room]);
  const layout = useMemo(() => layoutTopology(snapshot, focus === '' ? undefined : focus, screen), [snapshot, focus, screen]);
  const full = useMemo(() => layoutTopology(snapshot), [snapshot]);
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  // Zoom scales the drawing; the scroll box pans it (drag the scroll bars, or the wheel / trackpad).
  const [zoom, setZoom] = useState(1);
  const [hot, setHot] = useState<string | undefined>(undefined);
  const packed = layout.groups.length > 0;
  const showKeys = !packed || zoom >= KEYS_FROM_ZOOM;
  const touches = (edge: GraphEdge) => hot !== undefined && (edge.from === hot || edge.to === hot);
  const scroller = useRef<HTMLDivElement>(null);
  const zoomBy = (direction: 1 | -1) => {
    const index = ZOOMS.findIndex((z) => z >= zoom - 1e-6);
    setZoom(ZOOMS[Math.max(0, Math.min(ZOOMS.length - 1, (index < 0 ? ZOOMS.length - 1 : index) + direction))] ?? 1);
  };
  const fit = () => {
    const box = scroller.current;
    if (!box) return;
    const scale = Math.min(1, (box.clientWidth - 4) / (layout.width + PAD * 2), (box.clientHeight - 4) / (layout.height + PAD * 2));
    setZoom(Math.max(0.1, scale));
  };

  return (
    <section className="topo-graph card" aria-label="Topology graph" ref={frame}>
      <div className="topo-graph-bar">
        <Field label="Neighbourhood of" description="Only what routes into or out of this exchange or queue.">
          {(p) => (
            <select {...p} value={focus} onChange={(e) => setFocus(e.target.value)}>
              <option value="">everything</option>
              {full.nodes.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.kind} {n.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <p className="muted">
          {layout.nodes.filter((n) => n.kind === 'exchange').length} exchanges · {layout.nodes.filter((n) => n.kind === 'queue').length} queues · {layout.edges.length} bindings
          <span className="topo-zoom" role="group" aria-label="Zoom">
            <button type="button" className="button" aria-label="Zoom out" onClick={() => zoomBy(-1)}>
              −
            </button>
            <output aria-label="Zoom level">{Math.round(zoom * 100)}%</output>
            <button type="button" className="button" aria-label="Zoom in" onClick={() => zoomBy(1)}>
              +
            </button>
            <button type="button" className="button" onClick={fit}>
              Fit
            </button>
          </span>
          <span className="topo-legend">
            <span className="topo-legend-dot is-ready" aria-hidden="true" /> ready
            <span className="topo-legend-dot is-unacked" aria-hidden="true" /> unacked
            <span className="topo-legend-line is-alternate" aria-hidden="true" /> alternate exchange
            <span className="topo-legend-line is-dead-letter" aria-hidden="true" /> dead letters
          </span>
        </p>
      </div>
      {layout.nodes.length === 0 ? (
        <p className="muted">Nothing to draw yet: declare an exchange and a queue, then bind them.</p>
      ) : (
        <div className="topo-graph-scroll" ref={scroller}>
          <svg
            role="img"
            aria-label={`Graph of ${layout.nodes.length} exchanges and queues with ${layout.edges.length} bindings`}
            width={(layout.width + PAD * 2) * zoom}
            height={(layout.height + PAD * 2) * zoom}
            viewBox={`${-PAD} ${-PAD} ${layout.width + PAD * 2} ${layout.height + PAD * 2}`}
          >
            <defs>
              <marker id="topo-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M 0 0 L 10 5 L 0 10 z" className="topo-arrow" />
              </marker>
            </defs>
            {layout.groups.map((group) => {
              const from = byId.get(group.source);
              if (!from) return null;
              const x1 = from.x + from.width;
              const y1 = from.y + NODE_HEIGHT / 2;
              const x2 = group.x;
              const y2 = Math.min(group.y + group.height / 2, Math.max(group.y + 12, y1));
              const bend = Math.max(30, (x2 - x1) / 2);
              const isHot = hot === group.source || (hot !== undefined && group.queues.includes(hot));
              return (
                <g key={group.id} className={`topo-group${isHot ? ' is-hot' : ''}`} data-testid="graph-group" data-from={group.source}>
                  <rect x={group.x} y={group.y} width={group.width} height={group.height} rx={10} />
                  <path d={`M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`} markerEnd="url(#topo-arrow)" />
                  {showKeys || isHot ? (
                    <text x={x2 - 10} y={y2 - 5} textAnchor="end" className="topo-edge-label">
                      {group.queues.length} queues
                    </text>
                  ) : null}
                </g>
              );
            })}
            {layout.edges.map((edge) => {
              const from = byId.get(edge.from);
              const to = byId.get(edge.to);
              if (!from || !to) return null;
              const isHot = touches(edge);
              if (edge.group !== undefined) {
                // Drawn by its group's trunk: the key sits above the queue, the curve only while hot.
                return (
                  <g key={edge.id} className={`topo-edge is-grouped${isHot ? ' is-hot' : ''}`} data-testid="graph-edge" data-from={edge.from} data-to={edge.to}>
                    {isHot ? <path d={curve(from.x + from.width, from.y + NODE_HEIGHT / 2, to.x, to.y + NODE_HEIGHT / 2)} markerEnd="url(#topo-arrow)" /> : null}
                    {edge.label && (showKeys || isHot) ? (
                      <text x={to.x + 4} y={to.y - 5} className="topo-edge-label">
                        <title>{edge.label}</title>
                        {trim(edge.label, 28)}
                      </text>
                    ) : null}
                  </g>
                );
              }
              if (edge.kind === 'dead-letter') {
                // From the queue's left side back to the right side of its dead-letter exchange, below the bindings coming in.
                const x1 = from.x;
                const y1 = from.y + NODE_HEIGHT - 8;
                const x2 = to.x + to.width;
                const y2 = to.y + NODE_HEIGHT - 8;
                const bend = Math.max(40, COLUMN_GAP / 2);
                return (
                  <g key={edge.id} className={`topo-edge is-dead-letter${isHot ? ' is-hot' : ''}`} data-testid="graph-edge" data-from={edge.from} data-to={edge.to} data-kind={edge.kind}>
                    <path d={`M ${x1} ${y1} C ${x1 - bend} ${y1}, ${x2 + bend} ${y2}, ${x2} ${y2}`} markerEnd="url(#topo-arrow)" />
                    {showKeys || isHot ? (
                      <text x={x1 - 8} y={y1 + 14} textAnchor="end" className="topo-edge-label">
                        <title>{edge.label}</title>
                        {trim(edge.label, 22)}
                      </text>
                    ) : null}
                  </g>
                );
              }
              const x1 = from.x + from.width;
              const y1 = from.y + NODE_HEIGHT / 2;
              const backwards = to.x <= from.x;
              const x2 = backwards ? to.x + to.width / 2 : to.x;
              const y2 = backwards ? to.y + (to.y > from.y ? 0 : NODE_HEIGHT) : to.y + NODE_HEIGHT / 2;
              const bend = Math.max(40, COLUMN_GAP / 2);
              const d = `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - (backwards ? -bend : bend)} ${y2}, ${x2} ${y2}`;
              const lx = backwards ? x1 + 12 : x2 - 10;
              const ly = y2 - 5;
              return (
                <g
                  key={edge.id}
                  className={`topo-edge${edge.kind === 'binding' ? '' : ` is-${edge.kind}`}${isHot ? ' is-hot' : ''}`}
                  data-testid="graph-edge"
                  data-from={edge.from}
                  data-to={edge.to}
                  data-kind={edge.kind}
                >
                  <path d={d} markerEnd="url(#topo-arrow)" />
                  {edge.label && (showKeys || isHot) ? (
                    <text x={lx} y={ly} textAnchor={backwards ? 'start' : 'end'} className="topo-edge-label">
                      <title>{edge.label}</title>
                      {trim(edge.label, 22)}
                    </text>
                  ) : null}
                </g>
              );
            })}
            {layout.nodes.map((node) => (
              <NodeBox key={node.id} node={node} onFocus={() => setFocus(node.id === focus ? '' : node.id)} onHot={(on) => setHot(on ? node.id : undefined)} />
            ))}
          </svg>
        </div>
      )}
    </section>
  );
}

function NodeBox({ node, onFocus, onHot }: { node: GraphNode; onFocus: () => void; onHot: (on: boolean) => void }) {
  const label =
    node.kind === 'exchange'
      ? `exchange ${node.name} (${node.type})`
      : `queue ${node.name}: ${node.ready} ready, ${node.unacked} unacked${node.placement ? `; ${node.placement}` : ''}`;
  return (
    <g
      className={`topo-node is-${node.kind}`}
      transform={`translate(${node.x} ${node.y})`}
      role="button"
      tabIndex={0}
      aria-label={label}
      data-testid="graph-node"
      onClick={onFocus}
      onMouseEnter={() => onHot(true)}
      onMouseLeave={() => onHot(false)}
      onFocus={() => onHot(true)}
      onBlur={() => onHot(false)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') onFocus();
      }}
    >
      <title>{label}</title>
      <rect width={node.width} height={NODE_HEIGHT} rx={node.kind === 'exchange' ? 8 : 4} />
      <text x={NAME_PAD / 2} y={19} className="topo-node-name">
        {fitName(node.name, node.width - NAME_PAD, measureNodeName)}
      </text>
      {node.kind === 'exchange' ? (
        <text x={10} y={36} className="topo-node-type">
          {node.type}
        </text>
      ) : (
        <>
          <text x={10} y={36} className="topo-node-type">
            {node.type}
          </text>
          <g transform={`translate(${node.width - 92} 26)`}>
            <rect width={40} height={15} rx={7} className="topo-badge-ready" />
            <text x={20} y={11} textAnchor="middle" className="topo-badge-text">
              {compact(node.ready)}
            </text>
            <rect x={44} width={40} height={15} rx={7} className="topo-badge-unacked" />
            <text x={64} y={11} textAnchor="middle" className="topo-badge-text">
              {compact(node.unacked)}
            </text>
          </g>
        </>
      )}
    </g>
  );
}

function curve(x1: number, y1: number, x2: number, y2: number): string {
  const bend = Math.max(40, COLUMN_GAP / 2);
  return `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`;
}

function compact(n: number): string {
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)}M` : n >= 10_000 ? `${Math.round(n / 1000)}k` : String(n);
}
