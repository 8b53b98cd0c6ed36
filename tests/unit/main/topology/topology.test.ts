import { describe, expect, it } from 'vitest';
import { checkKnownArgs, parseTypedArgs, utf8Length, voidArgsFromManagement } from '../../../../shared/topology/arguments';
import type { TopologySnapshot } from '../../../../shared/topology/types';
import { compileFilter, filterRows, sortRows, visibleRange, type ColumnDef } from '../../../../renderer/features/topology/tableModel';
import { NODE_HEIGHT, NODE_WIDTH, layoutTopology, neighbourhood } from '../../../../renderer/features/topology/graphLayout';
import { bindingRow, queueRow } from '../../../../main/service/topology/lists';

describe('typed arguments', () => {
  it('parses each type and names the field of the first problem', () => {
    expect(
      parseTypedArgs([
        { key: 'a', type: 'string', value: '42' },
        { key: 'b', type: 'number', value: '42' },
        { key: 'c', type: 'boolean', value: 'false' },
        { key: 'd', type: 'null', value: 'ignored' },
        { key: 'e', type: 'list', value: '["x", 1]' },
        { key: '', type: 'string', value: '' },
      ]),
    ).toEqual({ ok: true, value: { a: '42', b: 42, c: false, d: null, e: ['x', 1] } });
    expect(parseTypedArgs([{ key: 'n', type: 'number', value: 'ten' }])).toMatchObject({ ok: false, error: { field: 'arguments.n' } });
    expect(parseTypedArgs([{ key: 'l', type: 'list', value: '{}' }], 'headers')).toMatchObject({ ok: false, error: { field: 'headers.l' } });
    expect(parseTypedArgs([{ key: '', type: 'string', value: 'orphan' }])).toMatchObject({ ok: false });
    expect(parseTypedArgs([{ key: 'a', type: 'string', value: '1' }, { key: 'a', type: 'string', value: '2' }])).toMatchObject({ ok: false, error: { message: 'Argument a is given twice' } });
  });

  it('refuses values the broker would refuse for the arguments it knows', () => {
    expect(checkKnownArgs({ 'x-message-ttl': '60000' })?.field).toBe('arguments.x-message-ttl');
    expect(checkKnownArgs({ 'x-message-ttl': 1.5 })?.message).toMatch(/whole number/);
    expect(checkKnownArgs({ 'x-expires': 0 })?.message).toMatch(/above 0/);
    expect(checkKnownArgs({ 'x-max-priority': 300 })?.message).toMatch(/between 0 and 255/);
    expect(checkKnownArgs({ 'x-overflow': 'explode' })?.message).toMatch(/drop-head, reject-publish, reject-publish-dlx/);
    expect(checkKnownArgs({ 'x-single-active-consumer': 'true' })?.hint).toMatch(/boolean/);
    expect(checkKnownArgs({ 'x-message-ttl': 0, 'x-overflow': 'drop-head', 'x-custom': 'anything' })).toBeUndefined();
  });

  it('counts names in UTF-8 bytes, and turns the management API’s "undefined" back into a void argument', () => {
    expect(utf8Length('é'.repeat(128))).toBe(256);
    expect(utf8Length('a'.repeat(255))).toBe(255);
    expect(voidArgsFromManagement({ a: 'undefined', b: 1, 'x-match': 'any' })).toEqual({ a: null, b: 1, 'x-match': 'any' });
    expect(bindingRow({ source: 'h', destination: 'q', destination_type: 'queue', routing_key: '', arguments: { a: 'undefined' } }).arguments).toEqual({ a: null });
  });

  it('normalises management rows with missing statistics to zeros', () => {
    expect(queueRow({ name: 'q', vhost: '/' })).toMatchObject({ name: 'q', type: 'classic', ready: 0, unacked: 0, publishRate: 0, arguments: {} });
    expect(queueRow({ name: 'q', message_stats: { publish_details: { rate: 2.5 } } }).publishRate).toBe(2.5);
  });
});

describe('table filtering, sorting and virtualization', () => {
  const rows = ['orders.eu', 'orders.us', 'email', 'Billing'].map((name, i) => ({ name, n: [10, 2, 33, 4][i]! }));
  const columns: ColumnDef<(typeof rows)[number]>[] = [
    { id: 'name', label: 'Name', width: 100, text: (r) => r.name },
    { id: 'n', label: 'N', width: 50, text: (r) => String(r.n), sortValue: (r) => r.n },
  ];
  const names = (list: typeof rows) => list.map((r) => r.name);

  it('filters by case-insensitive substring, or by regex when the text starts with /', () => {
    expect(names(filterRows(rows, compileFilter('ORD'), (r) => r.name))).toEqual(['orders.eu', 'orders.us']);
    expect(names(filterRows(rows, compileFilter('/^(email|billing)$/'), (r) => r.name))).toEqual(['email', 'Billing']);
    expect(names(filterRows(rows, compileFilter('/\\.us$/'), (r) => r.name))).toEqual(['orders.us']);
    expect(names(filterRows(rows, compileFilter('   '), (r) => r.name))).toHaveLength(4);
    const bad = compileFilter('/(unclosed');
    expect(bad.ok).toBe(false);
    expect(names(filterRows(rows, bad, (r) => r.name))).toHaveLength(4);
  });

  it('sorts numbers numerically and text naturally, both directions', () => {
    expect(names(sortRows([...rows], columns, { column: 'n', direction: 'asc' }))).toEqual(['orders.us', 'Billing', 'orders.eu', 'email']);
    expect(names(sortRows([...rows], columns, { column: 'name', direction: 'desc' }))).toEqual(['orders.us', 'orders.eu', 'email', 'Billing']);
  });

  it('renders only the rows in view plus a little overscan', () => {
    expect(visibleRange(0, 320, 32, 10_000)).toEqual({ start: 0, end: 16 });
    expect(visibleRange(32 * 5000, 320, 32, 10_000)).toEqual({ start: 4994, end: 5016 });
    expect(visibleRange(32 * 9999, 320, 32, 10_000)).toEqual({ start: 9993, end: 10_000 });
    expect(visibleRange(0, 320, 32, 3)).toEqual({ start: 0, end: 3 });
  });
});

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
});
