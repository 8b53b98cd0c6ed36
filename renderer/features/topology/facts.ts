/**
 * The detail pane's facts in the user's words: "Ready messages", "Auto-delete: no",
 * "Dead-letter exchange: dlx" — not the row's camelCase keys or JSON. Pure, so it is unit-tested.
 */
import type { TableKind } from '../../../shared/topology/types';
import { formatRate } from '../../ui/format';

export interface Fact {
  label: string;
  value: string;
  mono: boolean;
}

const LABELS: Record<string, string> = {
  vhost: 'Virtual host',
  name: 'Name',
  type: 'Type',
  state: 'State',
  ready: 'Ready messages',
  unacked: 'Unacknowledged messages',
  total: 'Total messages',
  consumers: 'Consumers',
  publishRate: 'Published per second',
  deliverRate: 'Delivered per second',
  arguments: 'Arguments',
  policy: 'Policy',
  operatorPolicy: 'Operator policy',
  policyDefinition: 'Set by the policies',
  node: 'Node',
  durable: 'Durable',
  exclusive: 'Exclusive',
  autoDelete: 'Auto-delete',
  internal: 'Internal',
  publishInRate: 'Published in per second',
  publishOutRate: 'Routed out per second',
  alternateExchange: 'Alternate exchange',
  alternateFrom: 'Alternate exchange set by',
  source: 'Source exchange',
  destination: 'Destination',
  destinationType: 'Destination kind',
  routingKey: 'Routing key',
  propertiesKey: 'Binding id (management API)',
  user: 'User',
  clientName: 'Connection name',
  clientProduct: 'Client library',
  warren: 'Opened by Warren',
  demo: 'Opened by a program of the demo',
  demoProgram: 'Demo program',
  peer: 'Client address',
  channels: 'Channels',
  protocol: 'Protocol',
  recvRate: 'Received bytes per second',
  sendRate: 'Sent bytes per second',
  connection: 'Connection',
  number: 'Channel number',
  prefetch: 'Prefetch',
  confirm: 'Publisher confirms',
  queue: 'Queue',
  consumerTag: 'Consumer tag',
  channel: 'Channel',
  ackRequired: 'Acknowledgement',
  active: 'Active',
};

/** Argument keys as the management UI's declare form names them. */
const ARGUMENT_LABELS: Record<string, string> = {
  'x-message-ttl': 'Message TTL (ms)',
  'x-expires': 'Auto-expire (ms)',
  'x-max-length': 'Max length',
  'x-max-length-bytes': 'Max length bytes',
  'x-overflow': 'Overflow behaviour',
  'x-dead-letter-exchange': 'Dead-letter exchange',
  'x-dead-letter-routing-key': 'Dead-letter routing key',
  'x-max-priority': 'Maximum priority',
  'x-single-active-consumer': 'Single active consumer',
  'x-queue-mode': 'Queue mode',
  'x-queue-type': 'Queue type',
  'alternate-exchange': 'Alternate exchange',
};

const MONO = new Set(['name', 'source', 'destination', 'routingKey', 'queue', 'consumerTag', 'channel', 'connection', 'propertiesKey', 'node', 'peer']);
const RATES = new Set(['publishRate', 'deliverRate', 'publishInRate', 'publishOutRate', 'recvRate', 'sendRate']);
/** Not shown: bookkeeping the user never asked for. */
const HIDDEN = new Set(['complete']);

/** camelCase → "Camel case", for a key without a label of its own. */
export function words(key: string): string {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function show(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === null || value === undefined) return '—';
  return JSON.stringify(value);
}

/** One line per argument: "Dead-letter exchange (x-dead-letter-exchange): dlx". */
export function argumentLines(args: Record<string, unknown>): string {
  const entries = Object.entries(args);
  if (entries.length === 0) return 'none';
  return entries.map(([k, v]) => `${ARGUMENT_LABELS[k] ? `${ARGUMENT_LABELS[k]} (${k})` : k}: ${show(v)}`).join('\n');
}

export function factsOf(kind: TableKind, row: object): Fact[] {
  const facts: Fact[] = [];
  for (const [key, value] of Object.entries(row as Record<string, unknown>)) {
    if (HIDDEN.has(key) || value === undefined) continue;
    const label = LABELS[key] ?? words(key);
    let text: string;
    if (key === 'arguments' || key === 'policyDefinition') {
      if (key === 'policyDefinition' && Object.keys(value as object).length === 0) continue;
      text = argumentLines(value as Record<string, unknown>);
    } else if (RATES.has(key)) text = formatRate(value as number);
    else if (key === 'ackRequired') text = value ? 'manual (the consumer acks)' : 'automatic (no ack)';
    else if (key === 'name' && kind === 'exchanges' && value === '') text = '(default exchange)';
    else if (key === 'source' && value === '') text = '(default exchange)';
    else if (value === '') text = '—';
    else text = show(value);
    facts.push({ label, value: text, mono: MONO.has(key) });
  }
  return facts;
}
