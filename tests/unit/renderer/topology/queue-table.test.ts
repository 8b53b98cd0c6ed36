/** Issue 11 point 9, the pure parts: the Features column, the detail pane's words, the graph's DLX and AE links. */
import { describe, expect, it } from 'vitest';
import type { BindingRow, ExchangeRow, QueueRow, TopologySnapshot } from '../../../../shared/topology/types';
import { queueFeatures } from '../../../../renderer/features/topology/queueFeatures';
import { factsOf } from '../../../../renderer/features/topology/facts';
import { layoutTopology } from '../../../../renderer/features/topology/graphLayout';
import { headerWidth } from '../../../../renderer/features/topology/VirtualTable';
import { TABLES } from '../../../../renderer/features/topology/columns';

const queue = (name: string, extra: Partial<QueueRow> = {}): QueueRow => ({
  vhost: '/', name, type: 'classic', state: 'running', ready: 0, unacked: 0, total: 0, consumers: 0, publishRate: 0, deliverRate: 0, arguments: {}, policy: '', node: 'n', durable: false, exclusive: false, autoDelete: false, ...extra,
});
const exchange = (name: string, extra: Partial<ExchangeRow> = {}): ExchangeRow => ({ vhost: '/', name, type: 'fanout', durable: true, autoDelete: false, internal: false, arguments: {}, publishInRate: 0, publishOutRate: 0, ...extra });
const binding = (source: string, destination: string): BindingRow => ({ vhost: '/', source, destination, destinationType: 'queue', routingKey: '', arguments: {}, propertiesKey: '~' });

describe('the queue table’s Features column', () => {
  it('shows the management UI’s tags, each with a tooltip in words', () => {
    const q = queue('orders', {
      durable: true,
      arguments: { 'x-message-ttl': 60000, 'x-dead-letter-exchange': 'dlx', 'x-max-length': 1000, 'x-max-priority': 5, 'x-custom': 'hi' },
    });
    const features = queueFeatures(q);
    expect(features.map((f) => f.tag)).toEqual(['D', 'TTL', 'Lim', 'DLX', 'Pri', 'Args']);
    expect(features.find((f) => f.tag === 'TTL')?.title).toBe('Message TTL: messages expire after 60000 ms');
    expect(features.find((f) => f.tag === 'DLX')?.title).toBe('Dead-letter exchange: rejected and expired messages go to dlx');
    expect(features.find((f) => f.tag === 'Args')?.title).toBe('Other arguments: x-custom = "hi"');
  });

  it('counts a feature a policy sets, and says which policy', () => {
    const q = queue('jobs', { autoDelete: true, exclusive: true, policy: 'dead-letters', policyDefinition: { 'dead-letter-exchange': 'dlx' } });
    expect(queueFeatures(q)).toEqual([
      { tag: 'AD', title: 'Auto-delete: the queue is deleted when its last consumer goes' },
      { tag: 'Excl', title: 'Exclusive: only the connection that declared it may use it; deleted when it closes' },
      { tag: 'DLX', title: 'Dead-letter exchange: rejected and expired messages go to dlx (set by policy dead-letters)' },
    ]);
  });

  it('gives every column at least the room of its header', () => {
    for (const def of Object.values(TABLES)) {
      for (const column of def.columns) expect(headerWidth(column.label)).toBeGreaterThanOrEqual(column.label.length * 7.5 + 30);
    }
  });
});

describe('the detail pane in the user’s words', () => {
  it('labels every fact in words and writes arguments one per line with their names', () => {
    const facts = factsOf('queues', queue('orders', { ready: 3, durable: true, arguments: { 'x-dead-letter-exchange': 'dlx', 'x-custom': 1 } }));
    const byLabel = new Map(facts.map((f) => [f.label, f.value]));
    expect(facts.every((f) => !/[a-z][A-Z]/.test(f.label))).toBe(true);
    expect(byLabel.get('Ready messages')).toBe('3');
    expect(byLabel.get('Durable')).toBe('yes');
    expect(byLabel.get('Auto-delete')).toBe('no');
    expect(byLabel.get('Published per second')).toBe('0.0');
    expect(byLabel.get('Arguments')).toBe('Dead-letter exchange (x-dead-letter-exchange): dlx\nx-custom: 1');
  });
});

describe('the graph’s dead-letter and alternate-exchange links', () => {
  const snapshot: TopologySnapshot = {
    vhost: '/',
    exchanges: [exchange('orders', { arguments: { 'alternate-exchange': 'unrouted' } }), exchange('unrouted'), exchange('dlx')],
    queues: [
      queue('work', { arguments: { 'x-dead-letter-exchange': 'dlx', 'x-dead-letter-routing-key': 'failed' } }),
      queue('by-policy', { policy: 'dl', policyDefinition: { 'dead-letter-exchange': 'dlx' } }),
      queue('dead'),
      queue('lost'),
    ],
    bindings: [binding('orders', 'work'), binding('orders', 'by-policy'), binding('dlx', 'dead'), binding('unrouted', 'lost')],
    fetchedAt: 0,
  };

  it('draws a labelled dead-letter link from each queue to its DLX (argument or policy) and a labelled alternate link', () => {
    const { edges } = layoutTopology(snapshot);
    const special = edges.filter((e) => e.kind !== 'binding').map(({ from, to, label, kind }) => ({ from, to, label, kind }));
    expect(special).toEqual([
      { from: 'x:orders', to: 'x:unrouted', label: 'alternate exchange', kind: 'alternate' },
      { from: 'q:work', to: 'x:dlx', label: 'dead letters → failed', kind: 'dead-letter' },
      { from: 'q:by-policy', to: 'x:dlx', label: 'dead letters (policy dl)', kind: 'dead-letter' },
    ]);
  });

  it('keeps the DLX in the first column (a dead-letter link sets no column) and queues to the right', () => {
    const { nodes } = layoutTopology(snapshot);
    const x = (id: string) => nodes.find((n) => n.id === id)?.x;
    expect(x('x:dlx')).toBe(x('x:orders'));
    expect(x('q:work')).toBeGreaterThan(x('x:unrouted') ?? Infinity);
  });
});
