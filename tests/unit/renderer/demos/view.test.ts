/** Pure parts of the demo screen: which topology is the demo's, how its chart markers are numbered. */
import { describe, expect, it } from 'vitest';
import type { ChartMarker } from '../../../../shared/charts/types';
import type { BindingRow, ExchangeRow, QueueRow, TopologySnapshot } from '../../../../shared/topology/types';
import { demoTopology, serverNamedQueues } from '../../../../renderer/features/demos/demoTopology';
import { demoEvents, numberedMarkers } from '../../../../renderer/features/demos/demoMarkers';
import { layoutTopology } from '../../../../renderer/features/topology/graphLayout';

const exchange = (name: string, type = 'fanout'): ExchangeRow => ({ vhost: '/', name, type, durable: true, autoDelete: false, internal: false, arguments: {}, publishInRate: 0, publishOutRate: 0 });
const queue = (name: string, ready = 0): QueueRow => ({
  vhost: '/', name, type: 'classic', state: 'running', ready, unacked: 0, total: ready, consumers: 1, publishRate: 0, deliverRate: 0, arguments: {}, policy: '', node: 'n', durable: true, exclusive: false, autoDelete: false,
});
const binding = (source: string, destination: string, routingKey = ''): BindingRow => ({ vhost: '/', source, destination, destinationType: 'queue', routingKey, arguments: {}, propertiesKey: routingKey || '~' } as BindingRow);
const P = 'warren-demo-ecomnow.';
const snapshot: TopologySnapshot = {
  vhost: '/',
  fetchedAt: 0,
  exchanges: [exchange(''), exchange('amq.topic', 'topic'), exchange(`${P}order_events`), exchange('billing')],
  queues: [queue(`${P}email_queue`, 5), queue(`${P}inventory_queue`), queue('amq.gen-XyZ'), queue('invoices', 7)],
  bindings: [binding('', `${P}email_queue`, `${P}email_queue`), binding(`${P}order_events`, `${P}email_queue`), binding(`${P}order_events`, `${P}inventory_queue`), binding(`${P}order_events`, 'amq.gen-XyZ'), binding('billing', 'invoices')],
};

describe('the demo’s topology', () => {
  it('in its own vhost, is the whole snapshot', () => {
    expect(demoTopology(snapshot, '')).toBe(snapshot);
  });

  it('with prefixed names, keeps what carries the prefix and the server-named queues bound to it, never the user’s own', () => {
    const t = demoTopology(snapshot, P);
    expect(t.exchanges.map((x) => x.name)).toEqual([`${P}order_events`]);
    expect(t.queues.map((q) => q.name)).toEqual([`${P}email_queue`, `${P}inventory_queue`, 'amq.gen-XyZ']);
    expect(t.bindings.map((b) => `${b.source}→${b.destination}`)).toEqual([`→${P}email_queue`, `${P}order_events→${P}email_queue`, `${P}order_events→${P}inventory_queue`, `${P}order_events→amq.gen-XyZ`]);
    const layout = layoutTopology(t);
    expect(layout.edges).toHaveLength(3); // the default exchange's implicit binding is not drawn
    expect(layout.nodes.find((n) => n.name === `${P}email_queue`)?.ready).toBe(5);
  });

  it('draws a server-named queue under the name of the program that owns it', () => {
    const names = serverNamedQueues([{ label: 'Consumer 1 (*.error)', queue: 'amq.gen-XyZ' }, { label: 'Email service', queue: 'email_queue' }, { label: 'Order API' }]);
    expect([...names]).toEqual([['amq.gen-XyZ', 'Consumer 1 (*.error)']]);
    const t = demoTopology(snapshot, P, names);
    expect(t.queues.map((q) => q.name)).toContain('Consumer 1 (*.error)');
    expect(t.bindings.filter((b) => b.destination === 'Consumer 1 (*.error)')).toHaveLength(1);
    expect(layoutTopology(t).edges.some((e) => e.to === 'q:Consumer 1 (*.error)')).toBe(true);
  });
});

describe('the demo’s chart markers', () => {
  const ref = (queue: string) => ({ vhost: 'warren-demo-ecomnow', queue });
  const m = (id: number, t: number, label: string, queue: string, kind: ChartMarker['kind'] = 'demo'): ChartMarker => ({ id, t, label, kind, ref: ref(queue) });
  const markers = [
    m(1, 1_000, 'Step 1: Start the three services', 'email_queue'),
    m(2, 1_000, 'Step 1: Start the three services', 'inventory_queue'),
    m(3, 5_000, 'email_queue: consumer detached (1 → 0)', 'email_queue', 'consumer'),
    m(4, 5_000, 'Take email down', 'email_queue'),
    m(5, 5_000, 'Take email down', 'inventory_queue'),
    m(6, 5_500, 'Place a burst (5)', 'email_queue'),
    m(7, 20_000, 'Step 2: Place one order', 'email_queue'),
    m(8, 40_000, 'Bring email back', 'email_queue'),
  ];
  // A 600 px plot over a minute: 10 px a second; a one-character tag takes 10 + 10 px.
  const room = { plotPx: 600, charPx: 10, rows: 3 };

  it('tags a step with its step number and what was pressed by hand after it with letters, once each, leaving out consumer markers and earlier runs', () => {
    expect(demoEvents(markers).map((e) => [e.tag, e.words])).toEqual([
      ['1', 'Start the three services'],
      ['1a', 'Take email down'],
      ['1b', 'Place a burst (5)'],
      ['2', 'Place one order'],
      ['2a', 'Bring email back'],
    ]);
    expect(demoEvents(markers, 5_000).map((e) => e.tag)).toEqual(['0a', '0b', '2', '2a']);
  });

  it('stacks the labels of nearby lines in rows, newest on top; a line with no room in any row keeps its line, not its label', () => {
    const events = demoEvents(markers);
    const email = markers.filter((x) => x.ref?.queue === 'email_queue');
    const drawn = numberedMarkers(email, events, [0, 60_000], room);
    expect(drawn.map((d) => [d.t, d.label, d.row])).toEqual([
      [1_000, '1', 0],
      [5_000, '1a', 1],
      [5_500, '1b', 0],
      [20_000, '2', 0],
      [40_000, '2a', 0],
    ]);
    const crowded = [m(10, 100, 'Step 1: a', 'q'), m(11, 200, 'x', 'q'), m(12, 300, 'y', 'q'), m(13, 400, 'z', 'q')];
    expect(numberedMarkers(crowded, demoEvents(crowded), [0, 60_000], room).map((d) => d.label)).toEqual(['', '1a', '1b', '1c']);
    const lost: ChartMarker = { id: 9, t: 30_000, label: 'Connection lost', kind: 'connection' };
    expect(numberedMarkers([...email, lost], events, [0, 60_000], room).find((d) => d.id === 9)?.label).toBe('Connection lost');
  });

  it('numbers a cluster node going down and coming back like a button press after its step, on every chart, with its words in the legend', () => {
    const node = (id: number, t: number, label: string): ChartMarker => ({ id, t, label, kind: 'node' });
    const run = [m(1, 1_000, 'Step 2: Quorum queues: kill the leader’s node', 'quorum.email_queue'), node(2, 4_000, 'warren-c2-1a2b3c4d down'), node(3, 14_000, 'warren-c2-1a2b3c4d up')];
    const events = demoEvents(run);
    expect(events.map((e) => [e.tag, e.words])).toEqual([
      ['2', 'Quorum queues: kill the leader’s node'],
      ['2a', 'warren-c2-1a2b3c4d down'],
      ['2b', 'warren-c2-1a2b3c4d up'],
    ]);
    expect(numberedMarkers(run, events, [0, 60_000], room).map((d) => d.label)).toEqual(['2', '2a', '2b']);
  });

  it('never lets two labels of one row overlap, over 500 random windows of markers', () => {
    // A seeded generator: the same cases every run (fast-check is not among the project's packages).
    let seed = 11;
    const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n);
    for (let run = 0; run < 500; run++) {
      const plotPx = 100 + random(1100);
      const ms = Array.from({ length: random(30) }, (_, i) => m(i, random(60_000), i % 3 === 0 ? `Step ${i + 1}: s` : `action ${i}`, 'q'));
      const drawn = numberedMarkers(ms, demoEvents(ms), [0, 60_000], { plotPx, charPx: 10, rows: 3 }).filter((d) => d.label !== '');
      for (const row of [0, 1, 2]) {
        const spans = drawn
          .filter((d) => d.row === row)
          .map((d) => [(d.t / 60_000) * plotPx, (d.t / 60_000) * plotPx + d.label.length * 10 + 10] as const)
          .sort((a, b) => a[0] - b[0]);
        for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
      }
    }
  });
});
