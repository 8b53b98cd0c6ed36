/**
 * One AMQP connection to the chosen broker, kept alive: a connection that drops is re-opened
 * with backoff, a channel the broker closes (404 on a passive declare, 406 ...) is replaced on
 * next use, and whoever registered `onConnected` (consumers) is called again after a reconnect.
 */
import amqp from 'amqplib';
import type { Channel, ChannelModel } from 'amqplib';
import type { ConnectionState, ServerInfo } from '../../../shared/connections/types';
import { warrenError, type WarrenError } from '../../../shared/errors';
import { WarrenFailure, toWarrenError } from '../errors';
import { hostLabel, type HostEndpoint } from '../../../shared/connections/host-list';
import type { ConnectTarget } from './target';
import { openFirstAnswering, targetHosts } from './target';

export interface SessionOptions {
  target: ConnectTarget;
  onState: (state: ConnectionState) => void;
  /** Backoff schedule for reconnects, in ms (the last one repeats). */
  backoffMs?: number[];
  /** Makes a first-connection error more precise (e.g. which part of a 530 was wrong). */
  explain?: (error: WarrenError) => Promise<WarrenError>;
  /** For a target with several hosts: the node name behind the host that answered (shown as "where"). */
  locate?: (at: HostEndpoint) => Promise<string | undefined>;
}

const DEFAULT_BACKOFF = [500, 1000, 2000, 4000, 8000, 15000, 30000];
/** Longest one command on the shared channel may take before it is given up (and the channel dropped). */
const COMMAND_TIMEOUT_MS = 30_000;

export class AmqpSession {
  private model?: ChannelModel;
  private host?: HostEndpoint;
  private channel?: Promise<Channel>;
  private state: ConnectionState;
  private closedByUser = false;
  private retryTimer?: NodeJS.Timeout;
  private countdown?: NodeJS.Timeout;
  /** The tail of the queue of work on the shared channel. */
  private lane: Promise<unknown> = Promise.resolve();
  private readonly reconnectListeners = new Set<(model: ChannelModel) => Promise<void> | void>();

  constructor(private readonly options: SessionOptions) {
    this.state = { status: 'idle', profileId: options.target.profileId, profileName: options.target.profileName, since: Date.now() };
  }

  get current(): ConnectionState {
    return this.state;
  }

  get connection(): ChannelModel | undefined {
    return this.model;
  }

  /** Which of the target's hosts the connection is on (the first that answered). */
  get at(): HostEndpoint | undefined {
    return this.model ? this.host : undefined;
  }

  /** First connection: fails fast (no retry), so the user sees the reason at once. */
  async open(): Promise<ConnectionState> {
    this.set({ status: 'connecting', error: undefined, attempt: undefined, retryInMs: undefined });
    try {
      await this.attach(await openFirstAnswering(this.options.target));
      return this.state;
    } catch (err) {
      const error = toWarrenError(err);
      return this.set({ status: 'failed', error: this.options.explain ? await this.options.explain(error) : error });
    }
  }

  async close(): Promise<void> {
    this.closedByUser = true;
    this.clearTimers();
    const model = this.model;
    this.model = undefined;
    this.channel = undefined;
    if (model) await model.close().catch(() => undefined);
    this.set({ status: 'idle', error: undefined, retryInMs: undefined, attempt: undefined });
  }

  /** Called after every successful (re)connection; returns an unsubscribe function. */
  onConnected(listener: (model: ChannelModel) => Promise<void> | void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /**
   * Runs `work` on the shared command channel, one work at a time. When the work fails — the
   * broker closed the channel (a 404 on a passive declare, a 406 …), or something local left it
   * in an unknown state (an encoding error, no answer in time) — the error goes to the caller,
   * a broker error is shown in the state as non-fatal, and the channel is dropped so the next
   * work gets a fresh one. One at a time, so a channel error never fails someone else's work
   * that happened to be queued on the same channel ("Channel ended").
   */
  withChannel<T>(work: (channel: Channel) => Promise<T>): Promise<T> {
    const run = this.lane.then(() => this.runOnChannel(work));
    this.lane = run.catch(() => undefined);
    return run;
  }

  private async runOnChannel<T>(work: (channel: Channel) => Promise<T>): Promise<T> {
    const created = this.commandChannel();
    const channel = await created;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new WarrenFailure(warrenError('TIMEOUT', `The broker did not answer within ${COMMAND_TIMEOUT_MS / 1000} s`))),
          COMMAND_TIMEOUT_MS,
        );
      });
      return await Promise.race([work(channel), timeout]);
    } catch (err) {
      const error = toWarrenError(err);
      if (error.status && error.status >= 300) this.set({ lastChannelError: error, lastChannelErrorAt: Date.now() });
      this.dropChannel(created, channel);
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Forgets `channel` (if it is still the shared one) and closes it without waiting. */
  private dropChannel(created: Promise<Channel>, channel: Channel): void {
    if (this.channel === created) this.channel = undefined;
    void Promise.resolve()
      .then(() => channel.close())
      .catch(() => undefined);
  }

  private commandChannel(): Promise<Channel> {
    const model = this.model;
    if (!model || this.state.status !== 'connected') {
      return Promise.reject(this.notConnected());
    }
    if (!this.channel) {
      const created = model.createChannel().then((channel) => {
        // A closed channel is forgotten so the next call opens a new one.
        channel.on('close', () => {
          if (this.channel === created) this.channel = undefined;
        });
        channel.on('error', () => undefined);
        return channel;
      });
      this.channel = created;
      created.catch(() => {
        if (this.channel === created) this.channel = undefined;
      });
    }
    return this.channel;
  }

  private notConnected(): WarrenError {
    const reason = this.state.status === 'reconnecting' ? 'Warren is reconnecting to the broker' : 'Not connected to a broker';
    return {
      code: 'NOT_CONNECTED',
      message: reason,
      hint:
        this.state.status === 'reconnecting'
          ? 'Wait for the connection to come back, or check that the broker is running.'
          : 'Connect to a broker first (choose a profile in Connections).',
    };
  }

  private async attach({ model, at }: { model: ChannelModel; at: HostEndpoint }): Promise<void> {
    this.model = model;
    this.host = at;
    // With several hosts, say which node Warren is on now (it changes when one dies).
    const several = targetHosts(this.options.target).length > 1;
    const node = several ? await this.options.locate?.(at).catch(() => undefined) : undefined;
    this.channel = undefined;
    model.on('error', () => undefined); // 'close' follows; handled there
    model.on('close', (err?: Error) => {
      if (this.model !== model) return;
      this.model = undefined;
      this.channel = undefined;
      if (!this.closedByUser) this.scheduleReconnect(1, err ? toWarrenError(err) : undefined);
    });
    this.set({
      status: 'connected',
      server: { ...serverInfo(model), ...(node ? { node } : {}) },
      ...(several ? { endpoint: hostLabel(at) } : {}),
      vhost: this.options.target.vhost,
      error: undefined,
      attempt: undefined,
      retryInMs: undefined,
    });
    for (const listener of this.reconnectListeners) {
      try {
        await listener(model);
      } catch (err) {
        this.set({ lastChannelError: toWarrenError(err), lastChannelErrorAt: Date.now() });
      }
    }
  }

  private scheduleReconnect(attempt: number, error?: WarrenError): void {
    const schedule = this.options.backoffMs ?? DEFAULT_BACKOFF;
    const delay = schedule[Math.min(attempt - 1, schedule.length - 1)]!;
    const due = Date.now() + delay;
    this.set({ status: 'reconnecting', attempt, retryInMs: delay, ...(error ? { error } : {}) });
    this.clearTimers();
    // A once-a-second countdown so the status bar can say "reconnecting in N s".
    this.countdown = setInterval(() => this.set({ retryInMs: Math.max(0, due - Date.now()) }), 1000);
    this.retryTimer = setTimeout(async () => {
      this.clearTimers();
      if (this.closedByUser) return;
      try {
        const opened = await openFirstAnswering(this.options.target);
        if (this.closedByUser) {
          await opened.model.close().catch(() => undefined);
          return;
        }
        await this.attach(opened);
      } catch (err) {
        if (!this.closedByUser) this.scheduleReconnect(attempt + 1, toWarrenError(err));
      }
    }, delay);
  }

  private clearTimers() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.countdown) clearInterval(this.countdown);
    this.retryTimer = undefined;
    this.countdown = undefined;
  }

  private set(patch: Partial<ConnectionState>): ConnectionState {
    const next: ConnectionState = { ...this.state, ...patch };
    if (patch.status && patch.status !== this.state.status) next.since = Date.now();
    for (const key of Object.keys(next) as (keyof ConnectionState)[]) if (next[key] === undefined) delete next[key];
    this.state = next;
    this.options.onState(next);
    return next;
  }
}

export function serverInfo(model: ChannelModel): ServerInfo {
  const props = model.connection.serverProperties as unknown as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : Buffer.isBuffer(v) ? v.toString('utf8') : undefined);
  return {
    product: text(props.product) ?? 'AMQP broker',
    version: text(props.version) ?? 'unknown',
    ...(text(props.cluster_name) ? { clusterName: text(props.cluster_name) } : {}),
  };
}

export { amqp };
