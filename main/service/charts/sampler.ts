/**
 * The chart sampler: while connected, once a second, ONE management API request per vhost for
 * all watched queues (plus one for the broker totals), rates computed from counters, rows kept
 * in bounded rings (store.ts) and pushed to the renderer as one `charts.samples` event per tick.
 *
 * API for other features (demos, consumers, purge …) — reach it from a ServiceContext:
 *   const charts = chartsSampler(ctx);
 *   charts.watch('/', ['orders', 'payments']);      // start sampling (idempotent)
 *   charts.unwatch('/', ['orders']);                 // or charts.unwatch('/') for all of that vhost
 *   charts.history({ queues: [{ vhost: '/', queue: 'orders' }] });
 *   charts.recordMarker('Consumer attached', { ref: { vhost: '/', queue: 'orders' }, kind: 'consumer' });
 * or, without a context, the module function `recordMarker(label, queue?)` (every live sampler).
 *
 * A slow request never freezes the charts (see shared/charts/cadence.ts): requests start on a
 * 1 s grid and may overlap (MAX_IN_FLIGHT), each answer is recorded at its request's start time;
 * a tick that finds MAX_IN_FLIGHT requests still waiting records a gap (a row of nulls) and a
 * warning. Each tick carries its request time, and the status the last minute's median/p95/max.
 */
import { RATE_FIELDS, SAMPLE_FIELDS, refKey, type ChartMarker, type ChartsHistory, type ChartsStatus, type ChartTick, type MarkerKind, type QueueRef, type SampleRow, type SampleSource } from '../../../shared/charts/types';
import { SampleCadence } from './cadence';
import { BrokerIntervalEstimator } from './interval';
import { CounterTracker } from './rates';
import { MAX_WATCHED_QUEUES } from '../../../shared/charts/contract';
import { RingBuffer } from '../ring';
import type { ConnectionState } from '../../../shared/connections/types';
import { warrenError, type WarrenError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { fail, toWarrenError } from '../errors';
import { SANDBOX_PROFILE_ID } from '../connections/profiles/catalog';
import { PassiveCounter } from './amqp-source';
import { readOverviewCounters, readQueues, type QueueReading } from './management-source';
import { ChartStore, MEMORY_CAP_BYTES } from './store';
import { NodeWatch, type NodeReading } from './node-watch';

export const SAMPLE_INTERVAL_MS = 1000;
/**
 * Management API requests that may overlap: an answer slower than the interval still yields a
 * sample every second (recorded at its request's start); more waiting than this is a gap.
 */
export const MAX_IN_FLIGHT = 2;
/** After the management API fails as absent, try it again this often (AMQP counts meanwhile). */
const MANAGEMENT_RETRY_MS = 10_000;

const GAP: SampleRow = SAMPLE_FIELDS.map(() => null);

export interface MarkerOptions {
  kind?: MarkerKind;
  ref?: QueueRef;
  /** Defaults to now. */
  t?: number;
}

interface TickResult {
  source: SampleSource;
  queues: Map<string, Map<string, QueueReading>>;
  overview?: QueueReading;
  missing: QueueRef[];
  warning?: WarrenError;
  requestMs?: number;
}

export class ChartsSampler {
  readonly store = new ChartStore();
  private readonly counters = new CounterTracker(2 * SAMPLE_INTERVAL_MS);
  private readonly estimator = new BrokerIntervalEstimator();
  private readonly passive = new PassiveCounter();
  private readonly nodes = new NodeWatch();
  private timer?: NodeJS.Timeout;
  private readonly cadence = new SampleCadence(MAX_IN_FLIGHT, 5 * SAMPLE_INTERVAL_MS);
  private readonly recentRequests = new RingBuffer<number>(60);
  private lastStatus?: ConnectionState['status'];
  private lastProfile?: string;
  private managementDownSince?: number;
  private status: ChartsStatus;
  private stopped = false;

  constructor(
    private readonly ctx: Pick<ServiceContext, 'connection' | 'emit' | 'log'>,
    readonly intervalMs = SAMPLE_INTERVAL_MS,
  ) {
    this.status = {
      sampling: false,
      source: 'none',
      intervalMs,
      watched: [],
      missing: [],
      capacity: this.store.capacity,
      memoryCapBytes: MEMORY_CAP_BYTES,
      memoryBytes: this.store.memoryBytes,
    };
  }

  start(): void {
    if (this.timer || this.stopped) return;
    const first = Date.now();
    let n = 0;
    // Ticks on a fixed grid (not "interval after the previous one"), so samples stay 1 s apart.
    const schedule = () => {
      n += 1;
      const delay = Math.max(0, first + n * this.intervalMs - Date.now());
      this.timer = setTimeout(() => {
        if (this.stopped) return;
        this.tick();
        schedule();
      }, delay);
      this.timer.unref?.();
    };
    schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.passive.close();
  }

  /** Adds queues to the watch list (idempotent). `vhost` defaults to the connection's. */
  watch(vhost: string | undefined, queues: string[]): ChartsStatus {
    const v = vhost ?? this.vhost();
    const refs = queues.map((queue) => ({ vhost: v, queue }));
    const adding = this.store.countNew(refs);
    // The memory cap is computed for at most MAX_WATCHED_QUEUES in all, not per request.
    if (this.store.size + adding > MAX_WATCHED_QUEUES) {
      fail('BAD_INPUT', `That would watch ${this.store.size + adding} queues; at most ${MAX_WATCHED_QUEUES} can be watched at once.`, {
        field: 'queues',
        hint: `${this.store.size} are watched now: unwatch some first.`,
      });
    }
    this.store.add(refs);
    return this.publishStatus();
  }

  /** Removes queues from the watch list; all of the vhost's when `queues` is omitted. */
  unwatch(vhost: string | undefined, queues?: string[]): ChartsStatus {
    const refs = queues
      ? queues.map((queue) => ({ vhost: vhost ?? this.vhost(), queue }))
      : this.store.watched().filter((r) => vhost === undefined || r.vhost === vhost);
    for (const ref of this.store.remove(refs)) this.counters.forget(refKey(ref));
    this.status.missing = this.status.missing.filter((m) => this.store.has(m));
    return this.publishStatus();
  }

  history(input: { queues?: QueueRef[]; since?: number; maxPoints?: number; overview?: boolean }): ChartsHistory {
    const queues = input.queues ?? [];
    return {
      fields: SAMPLE_FIELDS,
      queues: queues.map((ref) => this.store.queueHistory(ref, input.since, input.maxPoints)),
      overview: input.overview ? this.store.overviewHistory(input.since, input.maxPoints) : undefined,
      markers: this.store.markers(input.since, queues.length > 0 ? queues : undefined),
    };
  }

  /** Draws a labelled vertical line on the charts (of one queue when `ref` is given, else all). */
  recordMarker(label: string, options: MarkerOptions = {}): ChartMarker {
    const marker = this.store.addMarker({
      t: options.t ?? Date.now(),
      label: label.slice(0, 120),
      kind: options.kind ?? 'other',
      ...(options.ref ? { ref: options.ref } : {}),
    });
    this.ctx.emit('charts.markers', [marker]);
    return marker;
  }

  currentStatus(): ChartsStatus {
    return this.withStore(this.status);
  }

  /** One tick: notice connection changes, then sample unless the previous sample still runs. */
  tick(): void {
    const now = Date.now();
    const state = this.ctx.connection.state;
    this.noticeConnection(state, now);
    if (state.status !== 'connected') {
      if (this.status.sampling) this.recordGap(now, undefined);
      this.status = { ...this.status, sampling: false, source: 'none' };
      return;
    }
    // Over AMQP the passive declares share one channel: one request at a time.
    const decision = this.cadence.tick(now, this.managementDownSince === undefined ? MAX_IN_FLIGHT : 1);
    if (decision.action === 'gap') {
      this.recordGap(
        now,
        warrenError('TIMEOUT', `${this.managementDownSince === undefined ? 'The management API' : 'The broker'} has not answered for ${(decision.waitedMs / 1000).toFixed(1)} s`, {
          hint: 'The chart shows a gap until it answers; a broker under load or with many queues answers slowly.',
        }),
      );
      return;
    }
    const { flight } = decision;
    void this.sample()
      .then((result) => {
        // An answer older than a sample already recorded is dropped: times only move forward.
        if (this.cadence.settle(flight) && !this.stopped) this.record(flight.t, result);
      })
      .catch((err: unknown) => {
        if (this.cadence.settle(flight) && !this.stopped) this.recordGap(flight.t, toWarrenError(err));
      });
  }

  private async sample(): Promise<TickResult> {
    const watched = this.store.watched();
    const byVhost = new Map<string, string[]>();
    for (const ref of watched) byVhost.set(ref.vhost, [...(byVhost.get(ref.vhost) ?? []), ref.queue]);
    const management = this.ctx.connection.management;
    const managementDue = this.managementDownSince === undefined || Date.now() - this.managementDownSince >= MANAGEMENT_RETRY_MS;
    let managementError: WarrenError | undefined;
    if (management && managementDue) {
      const started = Date.now();
      try {
        const [overview, nodes, ...lists] = await Promise.all([
          readOverviewCounters(management),
          // A few rows: which nodes run, for a marker when one goes down or comes back.
          management.list<NodeReading>('/nodes', ['name', 'running']).catch(() => undefined),
          ...[...byVhost].map(([vhost, names]) => readQueues(management, vhost, names)),
        ]);
        this.managementDownSince = undefined;
        if (nodes) for (const label of this.nodes.changes(nodes)) this.recordMarker(label, { kind: 'node' });
        const queues = new Map<string, Map<string, QueueReading>>();
        [...byVhost.keys()].forEach((vhost, i) => queues.set(vhost, lists[i]!));
        const missing = watched.filter((ref) => !queues.get(ref.vhost)?.has(ref.queue));
        return { source: 'management', queues, overview, missing, requestMs: Date.now() - started };
      } catch (err) {
        managementError = toWarrenError(err);
        // Slow or refusing answers are gaps; an API that is not there at all means "use AMQP".
        if (!['UNREACHABLE', 'NOT_FOUND', 'DNS', 'ACCESS_REFUSED', 'HTTP_ERROR'].includes(managementError.code)) throw managementError;
        this.managementDownSince = Date.now();
      }
    }
    return this.sampleOverAmqp(byVhost, managementError);
  }

  private async sampleOverAmqp(byVhost: Map<string, string[]>, managementError?: WarrenError): Promise<TickResult> {
    const session = this.ctx.connection.requireSession();
    const model = session.connection;
    const vhost = this.vhost();
    const names = byVhost.get(vhost) ?? [];
    const queues = new Map<string, Map<string, QueueReading>>();
    const missing: QueueRef[] = [];
    if (model && names.length > 0) {
      const { readings, missing: absent } = await this.passive.read(model, names);
      queues.set(vhost, readings);
      missing.push(...absent.map((queue) => ({ vhost, queue })));
    }
    const otherVhosts = [...byVhost.keys()].filter((v) => v !== vhost);
    const warning = warrenError(
      managementError?.code === 'ACCESS_REFUSED' ? 'ACCESS_REFUSED' : 'UNREACHABLE',
      `Management API unavailable${managementError ? ` (${managementError.message})` : ''}: ready and consumer counts come from AMQP passive declares; unacked, totals and rates need the management plugin.`,
      {
        hint:
          otherVhosts.length > 0
            ? `Queues in other virtual hosts (${otherVhosts.join(', ')}) cannot be read over this connection.`
            : 'Enable it with rabbitmq-plugins enable rabbitmq_management, or set the management URL in the profile.',
      },
    );
    return { source: 'amqp', queues, missing, warning };
  }

  private record(t: number, result: TickResult): void {
    this.cadence.recorded(t);
    const tick: ChartTick = { t, source: result.source, queues: [], ...(result.requestMs === undefined ? {} : { requestMs: result.requestMs }) };
    for (const ref of this.store.watched()) {
      const reading = result.queues.get(ref.vhost)?.get(ref.queue);
      const row = reading ? this.toRow(refKey(ref), t, reading) : GAP;
      if (reading) this.noticeConsumers(ref, reading, t);
      this.store.pushQueue(ref, t, row, result.source);
      tick.queues.push({ vhost: ref.vhost, queue: ref.queue, row });
    }
    if (result.overview) {
      tick.overview = this.toRow('\u0000overview', t, result.overview);
      this.store.pushOverview(t, tick.overview);
      this.observeInterval(t, result.overview);
    }
    const missingNote =
      result.missing.length > 0
        ? warrenError('NOT_FOUND', `${result.missing.length === 1 ? 'Queue' : `${result.missing.length} queues`} not found: ${result.missing.slice(0, 5).map((r) => r.queue).join(', ')}${result.missing.length > 5 ? ' …' : ''}`, {
            hint: 'They are kept on the watch list and charted again when they exist; unwatch them to stop.',
          })
        : undefined;
    this.status = {
      ...this.status,
      sampling: true,
      source: result.source,
      missing: result.missing,
      lastRequestMs: result.requestMs,
      ...(result.requestMs === undefined ? {} : { requestStats: this.requestTimes(result.requestMs) }),
      warning: result.warning ?? missingNote,
    };
    this.ctx.emit('charts.samples', tick);
    this.publishStatus();
  }

  /** Median, p95 and max of the last minute's request times (what the status line reports). */
  private requestTimes(latest: number): NonNullable<ChartsStatus['requestStats']> {
    this.recentRequests.push(latest);
    const sorted = this.recentRequests.toArray().sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
    return { count: sorted.length, medianMs: at(0.5), p95Ms: at(0.95), maxMs: sorted[sorted.length - 1]! };
  }

  private recordGap(t: number, warning: WarrenError | undefined): void {
    this.cadence.recorded(t);
    const tick: ChartTick = { t, source: 'none', queues: [], overview: GAP };
    for (const ref of this.store.watched()) {
      this.store.pushQueue(ref, t, GAP, 'management');
      tick.queues.push({ vhost: ref.vhost, queue: ref.queue, row: GAP });
    }
    this.store.pushOverview(t, GAP);
    this.ctx.emit('charts.samples', tick);
    if (warning) this.status = { ...this.status, warning };
    this.publishStatus();
  }

  private toRow(key: string, t: number, reading: QueueReading): SampleRow {
    const rates = RATE_FIELDS.map((field) => {
      const value = reading.counters[field];
      return value === null ? null : this.counters.rate(`${key}\u0000${field}`, t, value);
    });
    return [reading.ready, reading.unacked, reading.total, reading.consumers, ...rates];
  }

  private noticeConsumers(ref: QueueRef, reading: QueueReading, t: number): void {
    const previous = this.store.lastRow(ref)?.[3];
    if (previous === null || previous === undefined || reading.consumers === null || previous === reading.consumers) return;
    const verb = reading.consumers > previous ? 'attached' : 'detached';
    this.recordMarker(`${ref.queue}: consumer ${verb} (${previous} → ${reading.consumers})`, { kind: 'consumer', ref, t });
  }

  private noticeConnection(state: ConnectionState, now: number): void {
    const previous = this.lastStatus;
    const profileChanged = state.profileId !== this.lastProfile;
    this.lastStatus = state.status;
    this.lastProfile = state.profileId;
    if (profileChanged) {
      // Another broker: its counters and stats interval are not comparable with the last one's.
      this.counters.forget();
      this.nodes.forget();
      this.estimator.reset();
      this.cadence.reset();
      this.managementDownSince = undefined;
      this.status = { ...this.status, brokerIntervalMs: undefined, brokerIntervalBasis: undefined, warning: undefined };
    }
    if (previous === undefined || previous === state.status) return;
    const name = state.profileName ?? 'the broker';
    if (state.status === 'reconnecting' && previous === 'connected') this.recordMarker('Connection lost', { kind: 'connection', t: state.since || now });
    else if (state.status === 'connected' && previous === 'reconnecting') this.recordMarker('Reconnected', { kind: 'connection', t: state.since || now });
    else if (state.status === 'connected') this.recordMarker(`Connected to ${name}`, { kind: 'connection', t: state.since || now });
    else if (state.status === 'idle' && previous === 'connected') this.recordMarker('Disconnected', { kind: 'connection', t: now });
    if (state.status === 'connected' && state.profileId === SANDBOX_PROFILE_ID) {
      this.status = { ...this.status, brokerIntervalMs: 1000, brokerIntervalBasis: 'sandbox' };
    }
  }

  private observeInterval(t: number, overview: QueueReading): void {
    // Observation wins over the sandbox's configured 1 s: it is what the charts really get.
    const estimate = this.estimator.observe(t, [overview.ready, overview.unacked, ...Object.values(overview.counters)]);
    if (estimate !== undefined) this.status = { ...this.status, brokerIntervalMs: estimate, brokerIntervalBasis: 'observed' };
  }

  /** The connection's vhost (the default for watch and markers). */
  vhost(): string {
    return this.ctx.connection.state.vhost ?? '/';
  }

  private withStore(status: ChartsStatus): ChartsStatus {
    return { ...status, watched: this.store.watched(), capacity: this.store.capacity, memoryBytes: this.store.memoryBytes };
  }

  private publishStatus(): ChartsStatus {
    const status = this.withStore(this.status);
    this.ctx.emit('charts.status', status);
    return status;
  }
}
