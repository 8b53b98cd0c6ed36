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
 * A slow answer never costs a second (see cadence.ts): ticks come on a 1 s grid and ONE request
 * runs at a time; a tick that finds it still waiting is owed, and the next request also asks the
 * broker for its per-second history back to the oldest owed second, so each owed second is
 * recorded with the broker's own value for it (marked `filled` on its tick and counted in the
 * status). A failed request leaves its seconds owed; a second older than the broker's history
 * horizon, or owed when the connection goes, is a gap (a row of nulls). Each tick carries its
 * request time, and the status the last minute's median/p95/max.
 */
import { RATE_FIELDS, SAMPLE_FIELDS, refKey, type ChartMarker, type ChartsHistory, type ChartsStatus, type ChartTick, type MarkerKind, type QueueRef, type SampleRow, type SampleSource } from '../../../shared/charts/types';
import { SampleCadence, type Flight } from './cadence';
import { brokerClockOffset, historyAgeSeconds, newestSample } from './broker-history';
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
import { readingAt, readOverviewCounters, readQueues, type QueueReading } from './management-source';
import { ChartStore, MEMORY_CAP_BYTES } from './store';
import { NodeWatch, type NodeReading } from './node-watch';

export const SAMPLE_INTERVAL_MS = 1000;
/**
 * How far back an answer may fill owed seconds from the broker's history: within the minute the
 * sandbox keeps at 1 s steps (management.sample_retention_policies.*.minute = 1), with room to spare.
 */
export const HISTORY_HORIZON_MS = 30_000;
/** At most this much answer time is added to the history a request asks for (its size grows with it). */
const MAX_LATENCY_ALLOWANCE_MS = 5000;
/** A request waiting this long is said in the status line (its seconds are filled when it answers). */
const SLOW_NOTICE_MS = 2000;
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
  private readonly cadence = new SampleCadence(HISTORY_HORIZON_MS);
  private readonly recentRequests = new RingBuffer<number>(60);
  /** Seconds filled from the broker's history (their times), for the status line's last minute. */
  private readonly recentFilled = new RingBuffer<number>(60);
  /** Each watched queue's last known consumer count (filled seconds do not know it). */
  private readonly consumersSeen = new Map<string, number>();
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
      const at = first + n * this.intervalMs;
      this.timer = setTimeout(() => {
        if (this.stopped) return;
        // The grid time, not the moment the timer fired: a busy event loop must not bunch seconds.
        this.tick(Math.min(at, Date.now()));
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
    for (const ref of this.store.remove(refs)) {
      this.counters.forget(refKey(ref));
      this.consumersSeen.delete(refKey(ref));
    }
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

  /** One tick (`now`: its second on the grid): notice connection changes, then sample or owe the second. */
  tick(now = Date.now()): void {
    const state = this.ctx.connection.state;
    this.noticeConnection(state, now);
    if (state.status !== 'connected') {
      for (const t of this.cadence.recordable(this.cadence.drain())) this.recordGap(t, undefined);
      if (this.status.sampling) this.recordGap(now, undefined);
      this.status = { ...this.status, sampling: false, source: 'none' };
      return;
    }
    const decision = this.cadence.tick(now);
    if (decision.action === 'wait') {
      if (decision.waitedMs >= SLOW_NOTICE_MS) this.noticeSlow(decision.waitedMs);
      return;
    }
    const expired = this.cadence.recordable(decision.expired);
    for (const t of expired) {
      this.recordGap(
        t,
        warrenError('TIMEOUT', `${expired.length} s without an answer, older than the ${HISTORY_HORIZON_MS / 1000} s of history Warren reads back`, {
          hint: 'Those seconds are gaps in the charts; a broker under heavy load or with many queues answers slowly.',
        }),
      );
    }
    const { flight } = decision;
    // The slowest answer of the last minute bounds how late the broker may handle this request.
    const historySeconds = flight.owed.length > 0 ? historyAgeSeconds(flight.t, flight.owed[0]!, Math.min(MAX_LATENCY_ALLOWANCE_MS, this.status.requestStats?.maxMs ?? 0)) : undefined;
    void this.sample(historySeconds)
      .then((result) => {
        // An answer from before a new connection (or a lost one) is about seconds already settled.
        if (!this.cadence.current(flight)) return;
        const own = this.cadence.settle(flight, result.source === 'management');
        if (!this.stopped) this.recordFlight(flight, result, own);
      })
      .catch((err: unknown) => {
        if (!this.cadence.current(flight)) return;
        // Its seconds stay owed: the next request reads them from the broker's history.
        this.cadence.failed(flight);
        if (!this.stopped) {
          this.status = { ...this.status, warning: toWarrenError(err) };
          this.publishStatus();
        }
      });
  }

  private noticeSlow(waitedMs: number): void {
    const what = this.managementDownSince === undefined ? 'The management API' : 'The broker';
    this.status = {
      ...this.status,
      warning: warrenError('TIMEOUT', `${what} has not answered for ${(waitedMs / 1000).toFixed(1)} s`, {
        hint: 'Warren asks again when it answers, and reads the seconds in between from the broker’s own per-second history.',
      }),
    };
    this.publishStatus();
  }

  /**
   * An answer: first the owed seconds it fills from the broker's history, then its own second
   * (unless it came so late that the next answer fills that too: `own` false, see cadence.ts).
   */
  private recordFlight(flight: Flight, result: TickResult, own: boolean): void {
    // Every answer's time counts in the status, also one whose own second the next answer fills.
    if (result.requestMs !== undefined) {
      this.status = { ...this.status, lastRequestMs: result.requestMs, requestStats: this.requestTimes(result.requestMs) };
    }
    const owed = this.cadence.recordable(flight.owed);
    if (owed.length > 0 && result.source !== 'management') {
      // AMQP passive declares have no history: those seconds are gaps.
      for (const t of owed) this.recordGap(t, result.warning);
    } else if (owed.length > 0) {
      const newest = newestOf(result);
      const offset = newest === undefined ? 0 : brokerClockOffset(newest, Date.now());
      for (const t of owed) this.record(t, pastResult(result, t + offset), true);
    }
    if (own && this.cadence.recordable([flight.t]).length > 0) this.record(flight.t, result, false);
    else this.publishStatus();
  }

  private async sample(historySeconds?: number): Promise<TickResult> {
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
          readOverviewCounters(management, historySeconds),
          // A few rows: which nodes run, for a marker when one goes down or comes back.
          management.list<NodeReading>('/nodes', ['name', 'running']).catch(() => undefined),
          ...[...byVhost].map(([vhost, names]) => readQueues(management, vhost, names, historySeconds)),
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

  /** Records one second; `filled`: its values come from the broker's history in a later answer. */
  private record(t: number, result: TickResult, filled: boolean): void {
    this.cadence.recorded(t);
    if (filled) this.recentFilled.push(t);
    const requestMs = filled ? undefined : result.requestMs;
    const tick: ChartTick = { t, source: result.source, queues: [], ...(requestMs === undefined ? {} : { requestMs }), ...(filled ? { filled } : {}) };
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
      filledLastMinute: this.recentFilled.toArray().filter((f) => f > t - 60_000).length,
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
    if (reading.consumers === null) return;
    const key = refKey(ref);
    const previous = this.consumersSeen.get(key);
    this.consumersSeen.set(key, reading.consumers);
    if (previous === undefined || previous === reading.consumers) return;
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
      this.consumersSeen.clear();
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

/** The newest sample time (the broker's clock) in an answer's history: the overview's, else a queue's. */
function newestOf(result: TickResult): number | undefined {
  let newest = newestSample(result.overview?.history);
  for (const readings of result.queues.values()) {
    for (const reading of readings.values()) {
      if (newest !== undefined) return newest;
      newest = newestSample(reading.history);
    }
  }
  return newest;
}

/** What an answer's history says the broker held at `at` (its clock): gaps where it has none. */
function pastResult(result: TickResult, at: number): TickResult {
  const queues = new Map<string, Map<string, QueueReading>>();
  for (const [vhost, readings] of result.queues) {
    const past = new Map<string, QueueReading>();
    for (const [name, reading] of readings) {
      const then = readingAt(reading, at);
      if (then) past.set(name, then);
    }
    queues.set(vhost, past);
  }
  const overview = result.overview && readingAt(result.overview, at);
  return { source: result.source, queues, missing: result.missing, ...(overview ? { overview } : {}), ...(result.warning ? { warning: result.warning } : {}) };
}
