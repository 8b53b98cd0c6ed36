/**
 * The topology tables from the management API: one request per table, always with `columns=`
 * (10x less time and data at 10,000 queues), the first page alone when asked so the table
 * shows at once. Rows are normalised to the shared row types here and nowhere else.
 */
import type {
  BindingRow,
  ChannelRow,
  ConnectionRow,
  ConsumerRow,
  ExchangeRow,
  QueueRow,
  RowOf,
  TableKind,
  TableResult,
  TableRows,
} from '../../../shared/topology/types';
import { FULL_LIST_MAX_ROWS } from '../../../shared/topology/types';
import { voidArgsFromManagement } from '../../../shared/topology/arguments';
import { brokerNameFilter, compileFilter } from '../../../shared/topology/filter';
import { fail } from '../errors';
import type { TableMemory } from './table-memory';
import { BY_NAME_ABOVE, firstPageByName, pageFromNames, readNames, readsByName } from './page-by-name';
import { expectRows, vhostPath, type ManagementClient, type Page } from '../broker/management';
import { DEMO_CLIENT_PRODUCT, WARREN_CLIENT_PRODUCT } from '../broker/target';

/** The first page: what a screen shows, small enough to answer in well under 100 ms. */
export const FIRST_PAGE_SIZE = 100;

/**
 * Every row of a big table takes the broker far longer than one page: 10,000 queues with
 * `columns=` measured 0.6–0.9 s idle and 2.5–7.5 s on a busy 2-core machine, 100,000 about 37 s
 * idle. It is asked in the background (the page shows a first page, or the rows the service
 * remembers, meanwhile), so give it five minutes rather than fail a list that is merely big.
 */
export const ALL_ROWS_TIMEOUT_MS = 300_000;
/**
 * One page of 10,000 queues took up to 17 s (management UI and Warren alike) with the machine at
 * load 14; of 100,000 queues ~10 s alone and more under load. The management UI waits for its
 * page however long it takes; failing sooner would leave the table with nothing at all.
 */
export const FIRST_PAGE_TIMEOUT_MS = 120_000;

type Raw = Record<string, unknown>;

interface TableSpec<K extends TableKind> {
  /** Path for all vhosts, and for one. */
  path: (vhost: string | undefined) => string;
  columns: string[];
  /** Whether the endpoint pages (bindings and consumers do not). */
  pages: boolean;
  row: (raw: Raw) => RowOf[K];
}

const SPECS: { [K in TableKind]: TableSpec<K> } = {
  queues: {
    path: (v) => (v === undefined ? '/queues' : `/queues/${vhostPath(v)}`),
    columns: [
      'name', 'vhost', 'type', 'state', 'messages_ready', 'messages_unacknowledged', 'messages', 'consumers',
      'message_stats.publish_details.rate', 'message_stats.deliver_get_details.rate',
      'arguments', 'policy', 'operator_policy', 'effective_policy_definition', 'node', 'durable', 'exclusive', 'auto_delete',
      'leader', 'members', 'online',
    ],
    pages: true,
    row: queueRow,
  },
  exchanges: {
    path: (v) => (v === undefined ? '/exchanges' : `/exchanges/${vhostPath(v)}`),
    columns: ['name', 'vhost', 'type', 'durable', 'auto_delete', 'internal', 'arguments', 'policy', 'message_stats.publish_in_details.rate', 'message_stats.publish_out_details.rate'],
    pages: true,
    row: exchangeRow,
  },
  bindings: {
    path: (v) => (v === undefined ? '/bindings' : `/bindings/${vhostPath(v)}`),
    columns: ['source', 'vhost', 'destination', 'destination_type', 'routing_key', 'arguments', 'properties_key'],
    pages: false,
    row: bindingRow,
  },
  connections: {
    path: (v) => (v === undefined ? '/connections' : `/vhosts/${vhostPath(v)}/connections`),
    columns: ['name', 'vhost', 'user', 'client_properties', 'peer_host', 'peer_port', 'state', 'channels', 'protocol', 'recv_oct_details.rate', 'send_oct_details.rate'],
    pages: true,
    row: (r) => ({
      vhost: str(r.vhost),
      name: str(r.name),
      user: str(r.user),
      clientName: str(obj(r.client_properties).connection_name),
      clientProduct: str(obj(r.client_properties).product),
      warren: obj(r.client_properties).product === WARREN_CLIENT_PRODUCT,
      demo: obj(r.client_properties).product === DEMO_CLIENT_PRODUCT ? str(obj(r.client_properties).warren_demo) : '',
      demoProgram: obj(r.client_properties).product === DEMO_CLIENT_PRODUCT ? str(obj(r.client_properties).warren_program) : '',
      peer: r.peer_host === undefined ? '' : `${str(r.peer_host)}:${num(r.peer_port)}`,
      state: str(r.state),
      channels: num(r.channels),
      protocol: str(r.protocol),
      recvRate: rate(r, 'recv_oct_details'),
      sendRate: rate(r, 'send_oct_details'),
    }) satisfies ConnectionRow,
  },
  channels: {
    path: (v) => (v === undefined ? '/channels' : `/vhosts/${vhostPath(v)}/channels`),
    columns: ['name', 'vhost', 'user', 'number', 'connection_details.name', 'state', 'consumer_count', 'messages_unacknowledged', 'prefetch_count', 'confirm', 'message_stats.publish_details.rate'],
    pages: true,
    row: (r) => ({
      vhost: str(r.vhost),
      name: str(r.name),
      user: str(r.user),
      connection: str(obj(r.connection_details).name),
      number: num(r.number),
      state: str(r.state),
      consumers: num(r.consumer_count),
      unacked: num(r.messages_unacknowledged),
      prefetch: num(r.prefetch_count),
      confirm: r.confirm === true,
      publishRate: rate(obj(r.message_stats), 'publish_details'),
    }) satisfies ChannelRow,
  },
  consumers: {
    path: (v) => (v === undefined ? '/consumers' : `/consumers/${vhostPath(v)}`),
    columns: ['consumer_tag', 'queue.name', 'queue.vhost', 'channel_details.name', 'ack_required', 'prefetch_count', 'active', 'exclusive'],
    pages: false,
    row: (r) => ({
      vhost: str(obj(r.queue).vhost),
      queue: str(obj(r.queue).name),
      consumerTag: str(r.consumer_tag),
      channel: str(obj(r.channel_details).name),
      ackRequired: r.ack_required === true,
      prefetch: num(r.prefetch_count),
      active: r.active !== false,
      exclusive: r.exclusive === true,
    }) satisfies ConsumerRow,
  },
};

const FILTER_HINT = 'A substring, or a regular expression between slashes: /^orders\\./';

export interface ListOptions {
  /** Only the first page (fast); the caller asks again without it for the rest. */
  firstPage: boolean;
  /** With firstPage: only the rows whose name matches (the tables' filter syntax), one page of them. */
  filter?: string;
  /** The last full lists read, answered from at once for a first page (marked remembered). */
  memory?: TableMemory;
  /** With firstPage: from the broker, never from memory (a page refreshing what it shows). */
  fresh?: boolean;
  /** Without firstPage: only these rows of the full list (see the contract's `slice`). */
  slice?: { from: number; size: number; of?: number };
  /** With firstPage: a table of more rows than this (queues, exchanges) has its page read by name (page-by-name.ts; tests lower it). */
  byNameAbove?: number;
  /** A table of more rows than this has its names kept for its filter (FULL_LIST_MAX_ROWS; tests lower it). */
  namesAbove?: number;
}

export async function listTable(management: ManagementClient, kind: TableKind, vhost: string | undefined, options: ListOptions): Promise<TableResult> {
  const spec = SPECS[kind] as TableSpec<TableKind>;
  const path = spec.path(vhost);
  const fetchedAt = Date.now();
  const filter = options.filter?.trim() ? options.filter.trim() : undefined;
  /** Keeps (or refreshes, in the background, every few minutes) the names of a table too big to read whole. */
  const keepNames = () => options.memory?.refreshNames(management, kind, vhost, () => readNames(management, path, ALL_ROWS_TIMEOUT_MS));
  if (options.firstPage && spec.pages) {
    // A remembered full list answers a first page and a filter; a remembered first page (a table
    // too big to read whole) answers a first page only. `fresh` asks the broker in any case.
    const known = options.fresh ? undefined : (options.memory?.get(management, kind, vhost) ?? (filter === undefined ? options.memory?.getFirstPage(management, kind, vhost) : undefined));
    if (known) return rememberedPage(known, filter);
    const match = filter === undefined ? undefined : compileFilter(filter);
    if (match && !match.ok) fail('BAD_INPUT', match.message, { field: 'filter', hint: FILTER_HINT });
    // A table too big to read whole whose names the service holds: its matches are found there and
    // only their rows read — remembered (the names are as of their read), so the page asks fresh next.
    const byNames = match?.ok === true && !options.fresh && readsByName(kind);
    let names = byNames ? options.memory?.getNames(management, kind, vhost) : undefined;
    // Names being read (a first page just showed the table is that big) are waited for rather than
    // the broker asked to filter meanwhile: both requests make it go through every queue, and
    // together they slowed each other (100,000 queues, a first visit: the filter 24 s against the
    // management UI's 13 s; waiting, 16 s against its 26 s in the next run, docs/benchmarks.md).
    // A read that keeps nothing leaves the broker's filter to answer.
    if (byNames && !names) names = await options.memory?.namesBeingRead(management, kind, vhost);
    if (names && match?.ok) {
      keepNames();
      const page = await pageFromNames(management, kind, names.names, match.test, { columns: spec.columns, pageSize: FIRST_PAGE_SIZE });
      const rows = page.items.map(spec.row);
      return { data: { kind, rows } as TableRows, total: page.total_count, complete: false, filter, matched: page.filtered_count, remembered: true, vhost, fetchedAt: names.readAt, tookMs: Date.now() - fetchedAt };
    }
    // A filter that matches everything ('/') asks for the plain first page.
    const byName = filter === undefined ? {} : (brokerNameFilter(filter) ?? {});
    const byNameAbove = options.byNameAbove ?? BY_NAME_ABOVE;
    const knownSize = options.memory?.getFirstPage(management, kind, vhost)?.total ?? options.memory?.get(management, kind, vhost)?.total;
    const byNameFirst = readsByName(kind) && (knownSize === undefined || knownSize > byNameAbove);
    const named = byNameFirst ? await firstPageByName(management, kind, path, { columns: spec.columns, pageSize: FIRST_PAGE_SIZE, byName, byNameAbove, timeoutMs: FIRST_PAGE_TIMEOUT_MS }) : undefined;
    // No `sort=`: the broker's default order is already vhost then name, and naming a sort
    // sends it down its slow path (10,000 queues: 2.3–6.5 s for one page instead of 0.1–1.0 s).
    const page = named ?? (await management.get<Page<Raw> | Raw[]>(path, { columns: spec.columns.join(','), page: 1, page_size: FIRST_PAGE_SIZE, ...byName }, FIRST_PAGE_TIMEOUT_MS));
    // Some per-vhost endpoints (channels of a vhost on 3.10) ignore paging and answer every row.
    if (Array.isArray(page)) {
      const rows = page.map(spec.row);
      const result: TableResult = { data: { kind, rows } as TableRows, total: rows.length, complete: true, vhost, fetchedAt, tookMs: Date.now() - fetchedAt };
      return filter === undefined ? result : filteredFrom(result, filter);
    }
    const rows = expectRows<Raw>(page?.items, path).map(spec.row);
    if (readsByName(kind) && page.total_count > (options.namesAbove ?? FULL_LIST_MAX_ROWS)) keepNames();
    const base = { data: { kind, rows } as TableRows, total: page.total_count, vhost, fetchedAt, tookMs: Date.now() - fetchedAt };
    if (filter !== undefined) return { ...base, complete: false, filter, matched: page.filtered_count ?? rows.length };
    const result: TableResult = { ...base, complete: page.page_count <= 1 };
    options.memory?.setFirstPage(management, kind, result);
    return result;
  }
  const read = async (): Promise<TableResult> => {
    const raw = await management.list<Raw>(path, spec.columns, {}, ALL_ROWS_TIMEOUT_MS);
    const rows = raw.map(spec.row);
    const result: TableResult = { data: { kind, rows } as TableRows, total: rows.length, complete: true, vhost, fetchedAt, tookMs: Date.now() - fetchedAt };
    options.memory?.set(management, kind, result);
    return result;
  };
  const readShared = () => (options.memory ? options.memory.shared(management, kind, vhost, read) : read());
  const slice = options.slice;
  if (!slice) return readShared();
  // A further slice comes from the read the service holds (whichever it holds now: the answer's
  // fetchedAt tells the caller), and from a new read only when it holds none.
  const held = slice.of === undefined ? undefined : options.memory?.get(management, kind, vhost);
  return sliceOf(held ?? (await readShared()), slice.from, slice.size);
}

/** Rows from..from+size of a full list; complete only when they are every row. */
function sliceOf(full: TableResult, from: number, size: number): TableResult {
  const all = full.data.rows as RowOf[TableKind][];
  const rows = all.slice(from, from + size);
  return { ...full, data: { kind: full.data.kind, rows } as TableRows, complete: from === 0 && rows.length === all.length, sliceFrom: from };
}

/** What a table's filter looks at on the service's side: the name (the broker's `name=` filter does the same). */
function nameOf(row: RowOf[TableKind]): string {
  return 'name' in row ? row.name : '';
}

/** One page of a remembered full list: its first rows, or the first rows matching `filter`. */
function rememberedPage(known: TableResult, filter: string | undefined): TableResult {
  const page = filter === undefined ? known : filteredFrom(known, filter);
  const rows = (page.data.rows as RowOf[TableKind][]).slice(0, FIRST_PAGE_SIZE);
  return { ...page, data: { kind: known.data.kind, rows } as TableRows, complete: false, remembered: true, tookMs: 0 };
}

/** The rows of a complete result that match `filter`, counted. */
function filteredFrom(result: TableResult, filter: string): TableResult {
  const match = compileFilter(filter);
  if (!match.ok) fail('BAD_INPUT', match.message, { field: 'filter', hint: FILTER_HINT });
  const rows = (result.data.rows as RowOf[TableKind][]).filter((row) => match.test(nameOf(row)));
  return { ...result, data: { kind: result.data.kind, rows } as TableRows, filter, matched: rows.length };
}

export function queueRow(r: Raw): QueueRow {
  return {
    vhost: str(r.vhost),
    name: str(r.name),
    type: str(r.type) || 'classic',
    state: str(r.state),
    ready: num(r.messages_ready),
    unacked: num(r.messages_unacknowledged),
    total: num(r.messages),
    consumers: num(r.consumers),
    publishRate: rate(obj(r.message_stats), 'publish_details'),
    deliverRate: rate(obj(r.message_stats), 'deliver_get_details'),
    arguments: obj(r.arguments),
    policy: str(r.policy),
    ...(str(r.operator_policy) ? { operatorPolicy: str(r.operator_policy) } : {}),
    policyDefinition: obj(r.effective_policy_definition),
    node: str(r.node),
    ...replicas(r),
    durable: r.durable === true,
    exclusive: r.exclusive === true,
    autoDelete: r.auto_delete === true,
  };
}

/** A replicated queue's leader and members (a stream reports its leader as its node). */
function replicas(r: Raw): Pick<QueueRow, 'leader' | 'members' | 'online'> {
  if (!Array.isArray(r.members)) return {};
  const names = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const leader = str(r.leader) || str(r.node);
  return { ...(leader ? { leader } : {}), members: names(r.members), online: names(r.online) };
}

export function exchangeRow(r: Raw): ExchangeRow {
  const stats = obj(r.message_stats);
  return {
    vhost: str(r.vhost),
    name: str(r.name),
    type: str(r.type),
    durable: r.durable === true,
    autoDelete: r.auto_delete === true,
    internal: r.internal === true,
    arguments: obj(r.arguments),
    publishInRate: rate(stats, 'publish_in_details'),
    publishOutRate: rate(stats, 'publish_out_details'),
    policy: str(r.policy),
  };
}

export function bindingRow(r: Raw): BindingRow {
  return {
    vhost: str(r.vhost),
    source: str(r.source),
    destination: str(r.destination),
    destinationType: r.destination_type === 'exchange' ? 'exchange' : 'queue',
    routingKey: str(r.routing_key),
    arguments: voidArgsFromManagement(obj(r.arguments)),
    propertiesKey: str(r.properties_key),
  };
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function obj(value: unknown): Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : {};
}

function rate(holder: Raw, details: string): number {
  return num(obj(holder[details]).rate);
}
