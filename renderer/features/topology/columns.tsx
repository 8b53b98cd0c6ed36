/** The columns of each topology table, its row key and the text the filter looks at. */
import type { BindingRow, ChannelRow, ConnectionRow, ConsumerRow, ExchangeRow, QueueRow, RowOf, TableKind } from '../../../shared/topology/types';
import { formatRate } from '../../ui/format';
import { Badge } from '../../ui/Badge';
import type { ColumnDef } from './tableModel';
import { queueFeatures } from './queueFeatures';
import { nodeText } from './placement';

export interface TableDef<R> {
  label: string;
  /** Singular, for counts: "1 queue". */
  noun: string;
  columns: ColumnDef<R>[];
  rowKey: (row: R) => string;
  filterText: (row: R) => string;
}

const n = (value: number) => value.toLocaleString('en-US');
const exchangeName = (name: string) => (name === '' ? '(default)' : name);
/** What the Client column says: the connection's name (when the client gave one) and the client library. */
export const clientText = (c: Pick<ConnectionRow, 'clientName' | 'clientProduct'>) =>
  [c.clientName, c.clientProduct].filter(Boolean).join(' · ') || '—';
const args = (value: Record<string, unknown>) => (Object.keys(value).length === 0 ? '' : JSON.stringify(value));

export const TABLES: { [K in TableKind]: TableDef<RowOf[K]> } = {
  queues: {
    label: 'Queues',
    noun: 'queue',
    rowKey: (q: QueueRow) => `${q.vhost}\u0000${q.name}`,
    filterText: (q) => q.name,
    columns: [
      { id: 'name', label: 'Name', width: 220, text: (q) => q.name, render: (q) => <span className="mono">{q.name}</span> },
      { id: 'type', label: 'Type', width: 72, text: (q) => q.type },
      {
        id: 'features',
        label: 'Features',
        width: 130,
        text: (q) => queueFeatures(q).map((f) => f.tag).join(' '),
        render: (q) => (
          <span className="topo-features">
            {queueFeatures(q).map((f) => (
              <abbr key={f.tag} className="topo-feature" title={f.title}>
                {f.tag}
              </abbr>
            ))}
          </span>
        ),
      },
      { id: 'state', label: 'State', width: 72, text: (q) => q.state || '—' },
      { id: 'ready', label: 'Ready', width: 76, align: 'right', text: (q) => n(q.ready), sortValue: (q) => q.ready },
      { id: 'unacked', label: 'Unacked', width: 80, align: 'right', text: (q) => n(q.unacked), sortValue: (q) => q.unacked },
      { id: 'total', label: 'Total', width: 76, align: 'right', text: (q) => n(q.total), sortValue: (q) => q.total },
      { id: 'consumers', label: 'Consumers', width: 88, align: 'right', text: (q) => n(q.consumers), sortValue: (q) => q.consumers },
      { id: 'in', label: 'In/s', width: 64, align: 'right', text: (q) => formatRate(q.publishRate), sortValue: (q) => q.publishRate },
      { id: 'out', label: 'Out/s', width: 64, align: 'right', text: (q) => formatRate(q.deliverRate), sortValue: (q) => q.deliverRate },
      { id: 'policy', label: 'Policy', width: 80, text: (q) => q.policy },
      // rabbit@host: the host part is what tells nodes of one cluster apart.
      { id: 'node', label: 'Node', width: 150, text: (q) => nodeText(q), render: (q) => <span className="mono">{nodeText(q)}</span> },
    ],
  },
  exchanges: {
    label: 'Exchanges',
    noun: 'exchange',
    rowKey: (x: ExchangeRow) => `${x.vhost}\u0000${x.name}`,
    filterText: (x) => exchangeName(x.name),
    columns: [
      { id: 'name', label: 'Name', width: 240, text: (x) => exchangeName(x.name), render: (x) => <span className="mono">{exchangeName(x.name)}</span> },
      { id: 'type', label: 'Type', width: 90, text: (x) => x.type, render: (x) => <Badge tone="info">{x.type}</Badge> },
      {
        id: 'features',
        label: 'Features',
        width: 170,
        text: (x) => [x.durable ? 'durable' : 'transient', x.autoDelete ? 'auto-delete' : '', x.internal ? 'internal' : ''].filter(Boolean).join(' '),
      },
      { id: 'in', label: 'In/s', width: 70, align: 'right', text: (x) => formatRate(x.publishInRate), sortValue: (x) => x.publishInRate },
      { id: 'out', label: 'Out/s', width: 70, align: 'right', text: (x) => formatRate(x.publishOutRate), sortValue: (x) => x.publishOutRate },
      { id: 'arguments', label: 'Arguments', width: 160, text: (x) => args(x.arguments) },
    ],
  },
  bindings: {
    label: 'Bindings',
    noun: 'binding',
    rowKey: (b: BindingRow) => `${b.vhost}\u0000${b.source}\u0000${b.destinationType}\u0000${b.destination}\u0000${b.propertiesKey}`,
    filterText: (b) => `${exchangeName(b.source)} ${b.destination} ${b.routingKey}`,
    columns: [
      { id: 'source', label: 'Source', width: 180, text: (b) => exchangeName(b.source), render: (b) => <span className="mono">{exchangeName(b.source)}</span> },
      { id: 'destination', label: 'Destination', width: 200, text: (b) => b.destination, render: (b) => <span className="mono">{b.destination}</span> },
      { id: 'destinationType', label: 'Kind', width: 80, text: (b) => b.destinationType },
      { id: 'routingKey', label: 'Routing key', width: 160, text: (b) => b.routingKey, render: (b) => <span className="mono">{b.routingKey}</span> },
      { id: 'arguments', label: 'Arguments', width: 160, text: (b) => args(b.arguments) },
    ],
  },
  connections: {
    label: 'Connections',
    noun: 'connection',
    rowKey: (c: ConnectionRow) => c.name,
    filterText: (c) => `${c.name} ${clientText(c)} ${c.user}`,
    columns: [
      { id: 'name', label: 'Name', width: 260, text: (c) => c.name },
      {
        id: 'client',
        label: 'Client',
        width: 240,
        text: (c) => clientText(c),
        render: (c) => (
          <span title={clientText(c)}>
            {c.warren ? (
              <Badge tone="info" title="Opened by Warren itself">
                Warren
              </Badge>
            ) : c.demo ? (
              <Badge tone="neutral" title={`A program of the ${c.demo} demo: it stands for one of the tutorial's services`}>
                demo: {c.demoProgram}
              </Badge>
            ) : null}{' '}
            {/* A demo's badge names the program; the demo's name follows (the whole name is the tooltip). */}
            {c.demo ? `${c.demo} demo` : clientText(c)}
          </span>
        ),
      },
      { id: 'user', label: 'User', width: 90, text: (c) => c.user },
      { id: 'vhost', label: 'Vhost', width: 110, text: (c) => c.vhost },
      { id: 'state', label: 'State', width: 80, text: (c) => c.state },
      { id: 'channels', label: 'Channels', width: 80, align: 'right', text: (c) => n(c.channels), sortValue: (c) => c.channels },
      { id: 'protocol', label: 'Protocol', width: 100, text: (c) => c.protocol },
    ],
  },
  channels: {
    label: 'Channels',
    noun: 'channel',
    rowKey: (c: ChannelRow) => c.name,
    filterText: (c) => `${c.name} ${c.user}`,
    columns: [
      { id: 'name', label: 'Name', width: 280, text: (c) => c.name },
      { id: 'user', label: 'User', width: 90, text: (c) => c.user },
      { id: 'state', label: 'State', width: 80, text: (c) => c.state },
      { id: 'consumers', label: 'Consumers', width: 90, align: 'right', text: (c) => n(c.consumers), sortValue: (c) => c.consumers },
      { id: 'unacked', label: 'Unacked', width: 80, align: 'right', text: (c) => n(c.unacked), sortValue: (c) => c.unacked },
      { id: 'prefetch', label: 'Prefetch', width: 80, align: 'right', text: (c) => n(c.prefetch), sortValue: (c) => c.prefetch },
      { id: 'confirm', label: 'Confirm', width: 80, text: (c) => (c.confirm ? 'yes' : 'no') },
    ],
  },
  consumers: {
    label: 'Consumers',
    noun: 'consumer',
    rowKey: (c: ConsumerRow) => `${c.channel}\u0000${c.consumerTag}`,
    filterText: (c) => `${c.queue} ${c.consumerTag}`,
    columns: [
      { id: 'queue', label: 'Queue', width: 200, text: (c) => c.queue, render: (c) => <span className="mono">{c.queue}</span> },
      { id: 'tag', label: 'Consumer tag', width: 220, text: (c) => c.consumerTag },
      { id: 'channel', label: 'Channel', width: 240, text: (c) => c.channel },
      { id: 'ack', label: 'Ack', width: 60, text: (c) => (c.ackRequired ? 'manual' : 'auto') },
      { id: 'prefetch', label: 'Prefetch', width: 80, align: 'right', text: (c) => n(c.prefetch), sortValue: (c) => c.prefetch },
      { id: 'active', label: 'Active', width: 70, text: (c) => (c.active ? 'yes' : 'no') },
    ],
  },
};
