import { describe, expect, it } from 'vitest';
import type { TopologySnapshot } from '../../../../shared/topology/types';
import { COLUMN_GAP, MAX_NODE_WIDTH, NAME_PAD, NODE_HEIGHT, NODE_WIDTH, approxNameWidth, fitName, fitWidths, layoutTopology, neighbourhood } from '../../../../renderer/features/topology/graphLayout';
import { queueRow } from '../../../../main/service/topology/lists';

describe('graph layout', () => {
  const x = (name: string, type: string, args: Record<string, unknown> = {}) => ({ vhost: 'v', name, type, durable: true, autoDelete: false, internal: false, arguments: args, publishInRate: 0, publishOutRate: 0 });
  const q = (name: string) => queueRow({ name, vhost: 'v', messages_ready: 3 });
  const b = (source: string, destination: string, routingKey: string, destinationType: 'queue' | 'exchange' = 'queue', args: Record<string, unknown> = {}) => ({
    vhost: 'v', source, destination, destinationType, routingKey, arguments: args, propertiesKey: routingKey,
  });
  const snapshot: TopologySnapshot = {
    vhost: 'v',
    fetchedAt: 0,
    exchanges: [x('', 'direct'), x('amq.direct', 'direct'), x('logs', 'topic', { 'alternate-exchange': 'lost' }), x('audit', 'fanout'), x('lost', 'fanout')],
    queues: [q('errors'), q('all'), q('audit-log'), q('orphan')],
    bindings: [b('', 'errors', 'errors'), b('logs', 'errors', '*.error'), b('logs', 'all', '#'), b('logs', 'audit', 'audit.#', 'exchange'), b('audit', 'audit-log', '')],
  };

  it('puts exchanges left, chained exchanges in later columns, queues right; hides the default exchange and unused amq.*', () => {
    const layout = layoutTopology(snapshot);
    const at = (id: string) => layout.nodes.find((n) => n.id === id);
    expect(at('x:')).toBeUndefined();
    expect(at('x:amq.direct')).toBeUndefined();
    expect(at('x:logs')!.x).toBe(0);
    expect(at('x:audit')!.x).toBeGreaterThan(0);
    expect(at('x:lost')!.x).toBe(at('x:audit')!.x);
    expect(at('q:errors')!.x).toBeGreaterThan(at('x:audit')!.x);
    expect(at('q:errors')!.ready).toBe(3);
    expect(layout.edges.map((e) => `${e.from}>${e.to}:${e.label}`).sort()).toEqual(
      ['x:audit>q:audit-log:', 'x:logs>q:all:#', 'x:logs>q:errors:*.error', 'x:logs>x:audit:audit.#', 'x:logs>x:lost:alternate exchange'].sort(),
    );
    const ys = layout.nodes.filter((n) => n.kind === 'queue').map((n) => n.y);
    expect(new Set(ys).size).toBe(ys.length);
  });

  it('a column is as wide as its longest name where there is room, narrower when the room is short, never under NODE_WIDTH; columns never overlap', () => {
    const long = 'billing.invoices.retry-after-payment-provider-timeout';
    const wide = { ...snapshot, queues: [...snapshot.queues, q(long)], bindings: [...snapshot.bindings, b('audit', long, '')] };
    const roomy = layoutTopology(wide, undefined, { room: 1200 });
    const node = (layout: ReturnType<typeof layoutTopology>, id: string) => layout.nodes.find((n) => n.id === id)!;
    expect(node(roomy, `q:${long}`).width).toBe(Math.ceil(approxNameWidth(long) + NAME_PAD));
    expect(fitName(long, node(roomy, `q:${long}`).width - NAME_PAD)).toBe(long);
    // Every queue shares the column's width; exchanges keep the narrow width their names want.
    expect(new Set(roomy.nodes.filter((n) => n.kind === 'queue').map((n) => n.width)).size).toBe(1);
    expect(node(roomy, 'x:logs').width).toBe(NODE_WIDTH);
    const tight = layoutTopology(wide, undefined, { room: 1000 });
    expect(node(tight, `q:${long}`).width).toBeLessThan(node(roomy, `q:${long}`).width);
    expect(node(tight, `q:${long}`).width).toBeGreaterThanOrEqual(NODE_WIDTH);
    expect(tight.width).toBeLessThanOrEqual(1000);
    const shown = fitName(long, node(tight, `q:${long}`).width - NAME_PAD);
    expect(shown.endsWith('…') && long.startsWith(shown.slice(0, -1))).toBe(true);
    for (const layout of [roomy, tight]) {
      for (const a of layout.nodes) {
        for (const c of layout.nodes) if (c.x > a.x) expect(c.x).toBeGreaterThanOrEqual(a.x + a.width + COLUMN_GAP);
      }
      expect(Math.max(...layout.nodes.map((n) => n.x + n.width))).toBe(layout.width);
    }
  });

  it('fitWidths gives what each column wants when it fits, caps the widest first when not, and keeps NODE_WIDTH..MAX_NODE_WIDTH', () => {
    expect(fitWidths([100, 300, 2000], undefined)).toEqual([NODE_WIDTH, 300, MAX_NODE_WIDTH]);
    expect(fitWidths([100, 300, 450], 1000)).toEqual([NODE_WIDTH, 300, 450]);
    expect(fitWidths([100, 300, 450], 700)).toEqual([NODE_WIDTH, 250, 250]);
    expect(fitWidths([400, 400], 100)).toEqual([NODE_WIDTH, NODE_WIDTH]);
  });

  it('the neighbourhood of a node is every routing path through it', () => {
    const layout = layoutTopology(snapshot, 'x:audit');
    expect(layout.nodes.map((n) => n.id).sort()).toEqual(['q:audit-log', 'x:audit', 'x:logs']);
    expect(neighbourhood(layout.edges, undefined)).toBeUndefined();
    const headers = layoutTopology({ ...snapshot, bindings: [b('logs', 'all', '', 'queue', { 'x-match': 'any', a: null, n: 1 })] });
    expect(headers.edges.find((e) => e.to === 'q:all')?.label).toBe('any: a, n=1');
  });
  it('keeps the tutorial topologies in one queue column with a key on every edge (no packing)', () => {
    const tutorial: TopologySnapshot = {
      vhost: 'v',
      fetchedAt: 0,
      exchanges: [x('', 'direct'), x('orders', 'fanout'), x('topic_logs', 'topic')],
      queues: [q('email_queue'), q('sms_queue'), q('audit_queue'), q('kern'), q('critical'), q('all_logs')],
      bindings: [
        b('orders', 'email_queue', ''), b('orders', 'sms_queue', ''), b('orders', 'audit_queue', ''),
        b('topic_logs', 'kern', 'kern.*'), b('topic_logs', 'critical', '*.critical'), b('topic_logs', 'all_logs', '#'),
      ],
    };
    const layout = layoutTopology(tutorial);
    expect(layout.groups).toEqual([]);
    expect(layout.edges.every((e) => e.group === undefined)).toBe(true);
    expect(new Set(layout.nodes.filter((n) => n.kind === 'queue').map((n) => n.x)).size).toBe(1);
    expect(layout.edges.filter((e) => e.from === 'x:topic_logs').map((e) => e.label).sort()).toEqual(['#', '*.critical', 'kern.*']);
  });

  it('packs 300 queues and 30 exchanges into per-exchange grids: no overlaps, a landscape drawing, each exchange beside its group', () => {
    const exchanges = Array.from({ length: 30 }, (_, i) => x(`svc-${i}`, i % 3 === 0 ? 'topic' : 'direct'));
    const queues = Array.from({ length: 300 }, (_, i) => q(`svc-${i % 30}.q-${i}`));
    // Every queue bound to its service's exchange; every tenth also to the next service (crossings).
    const bindings = queues.flatMap((queue, i) => [
      b(`svc-${i % 30}`, queue.name, `k.${i}`),
      ...(i % 10 === 0 ? [b(`svc-${(i + 1) % 30}`, queue.name, `extra.${i}`)] : []),
    ]);
    const big: TopologySnapshot = {
      vhost: 'v',
      fetchedAt: 0,
      exchanges: [x('', 'direct'), ...exchanges, x('svc-0.dead', 'fanout')],
      queues: [...queues, q('unbound')],
      bindings: [...bindings, b('svc-0', 'svc-0.dead', '#', 'exchange')],
    };
    const layout = layoutTopology(big);
    expect(layout.nodes).toHaveLength(332);
    expect(layout.edges).toHaveLength(331);
    // No two nodes overlap anywhere, and all lie inside the drawing.
    const boxes = layout.nodes.map((n) => ({ id: n.id, x: n.x, y: n.y, width: NODE_WIDTH, height: NODE_HEIGHT }));
    type Box = (typeof boxes)[number];
    const overlap = (a: Box, c: Box) => a.x < c.x + c.width && c.x < a.x + a.width && a.y < c.y + c.height && c.y < a.y + a.height;
    for (let i = 0; i < boxes.length; i++) for (let k = i + 1; k < boxes.length; k++) expect(overlap(boxes[i]!, boxes[k]!), `${boxes[i]!.id} / ${boxes[k]!.id}`).toBe(false);
    for (const node of layout.nodes) {
      expect(node.x).toBeGreaterThanOrEqual(0);
      expect(node.x + NODE_WIDTH).toBeLessThanOrEqual(layout.width);
      expect(node.y + NODE_HEIGHT).toBeLessThanOrEqual(layout.height);
    }
    // One group per exchange feeding queues; frames hold exactly their queues and never overlap each other.
    expect(layout.groups).toHaveLength(30);
    for (const group of layout.groups) {
      expect(group.queues).toHaveLength(10);
      for (const node of layout.nodes) {
        const inside = node.x >= group.x && node.x + NODE_WIDTH <= group.x + group.width && node.y >= group.y && node.y + NODE_HEIGHT <= group.y + group.height;
        const touches = overlap(group, { id: node.id, x: node.x, y: node.y, width: NODE_WIDTH, height: NODE_HEIGHT });
        expect(inside, node.id).toBe(group.queues.includes(node.id));
        expect(touches, node.id).toBe(group.queues.includes(node.id));
      }
      for (const other of layout.groups) if (other !== group) expect(overlap(group, other)).toBe(false);
    }
    // Every binding of a queue to its group's exchange is drawn by the trunk; the crossings stay single edges.
    expect(layout.edges.filter((e) => e.group !== undefined)).toHaveLength(300);
    expect(layout.edges.filter((e) => e.group === undefined && e.to.startsWith('q:'))).toHaveLength(30);
    // Usable after "Fit": several grid columns, and neither very tall nor very wide.
    expect(new Set(layout.nodes.filter((n) => n.kind === 'queue').map((n) => n.x)).size).toBeGreaterThan(3);
    expect(layout.width / layout.height).toBeGreaterThan(0.6);
    expect(layout.width / layout.height).toBeLessThan(3);
    // Readable: an exchange sits beside its group, not far above it.
    for (const group of layout.groups) {
      const exchange = layout.nodes.find((n) => n.id === group.source)!;
      expect(exchange.y).toBeGreaterThanOrEqual(group.y - NODE_HEIGHT);
      expect(exchange.y).toBeLessThanOrEqual(group.y + group.height);
    }
    // The neighbourhood of one exchange is small enough to read at once.
    expect(layoutTopology(big, 'x:svc-5').nodes.length).toBeLessThan(20);
  });

  it('a quorum queue says its leader and members online on hover; a classic one on a down node says it is unavailable; others say nothing more', () => {
    const replicated = { ...q('orders'), type: 'quorum', leader: 'rabbit@c1', members: ['rabbit@c1', 'rabbit@c2', 'rabbit@c3'], online: ['rabbit@c1', 'rabbit@c2'] };
    const stranded = { ...q('audit-log'), node: 'rabbit@c3', state: 'down' };
    const layout = layoutTopology({ ...snapshot, queues: [replicated, stranded, q('all')] });
    const at = (id: string) => layout.nodes.find((n) => n.id === id);
    expect(at('q:orders')!.placement).toBe('leader c1 · 2/3 online');
    expect(at('q:audit-log')!.placement).toBe('c3 (unavailable)');
    expect(at('q:all')!.placement).toBeUndefined();
  });
});
