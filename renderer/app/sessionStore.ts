/**
 * App-wide state the shell and every page read: the connection and the sandbox (fetched once,
 * then kept current by their state events, fetched again when the browser host's link comes
 * back), the app's facts, and whether the link is up.
 */
import type { AppInfo, ConnectionState, SandboxState } from '../../shared/connections/types';
import type { BridgePort } from './bridgePort';
import { StateStore } from './store';

export interface SessionState {
  connection: ConnectionState;
  /** Undefined until the main process answers. */
  sandbox?: SandboxState;
  appInfo?: AppInfo;
  /** False while the browser host's WebSocket is down. */
  transportUp: boolean;
  /** Channel errors a caller got back as its answer (and shows where the user acted), newest last. */
  answered: readonly AnsweredRefusal[];
}

export interface AnsweredRefusal {
  code: string;
  status: number;
  at: number;
}

/** A channel error answered within this long of the broker closing the channel is the same refusal. */
const SAME_REFUSAL_MS = 10_000;
/** A channel-error banner goes by itself after this long: Warren opened a new channel at once. */
export const CHANNEL_BANNER_MS = 15_000;

/**
 * The channel error the banner shows, if any: not one a caller already shows where the user
 * acted (one error, once), and not once it is old (the cause is gone: a new channel is open).
 */
export function bannerChannelError(connection: ConnectionState, answered: readonly AnsweredRefusal[], now: number): ConnectionState['lastChannelError'] {
  const error = connection.lastChannelError;
  const at = connection.lastChannelErrorAt ?? 0;
  if (!error || now - at > CHANNEL_BANNER_MS) return undefined;
  const shownElsewhere = answered.some((a) => a.code === error.code && a.status === error.status && Math.abs(a.at - at) < SAME_REFUSAL_MS);
  return shownElsewhere ? undefined : error;
}

export const IDLE: ConnectionState = { status: 'idle', since: 0 };

export class SessionStore extends StateStore<SessionState> {
  /** Events seen per kind: an answer that left before an event is older than it. */
  private seen = { connection: 0, sandbox: 0 };

  constructor(private readonly bridge: BridgePort) {
    super({ connection: IDLE, transportUp: true, answered: [] });
    bridge.on('connection.state', (connection) => {
      this.seen.connection += 1;
      this.set({ connection });
    });
    bridge.on('sandbox.state', (sandbox) => {
      this.seen.sandbox += 1;
      this.set({ sandbox });
    });
    bridge.onTransport((transportUp) => {
      this.set({ transportUp });
      if (transportUp) this.load();
    });
    this.load();
    void bridge.call('app.info', {}).then((r) => r.ok && this.set({ appInfo: r.value }));
  }

  /** A call came back refused; a channel error among them is shown by its caller. */
  noteRefusal(error: { code: string; status?: number }): void {
    if (!error.status || error.status < 300) return;
    this.set({ answered: [...this.current.answered, { code: error.code, status: error.status, at: Date.now() }].slice(-10) });
  }

  private load(): void {
    const { connection, sandbox } = this.seen;
    void this.bridge.call('connection.state', {}).then((r) => {
      if (r.ok && this.seen.connection === connection) this.set({ connection: r.value });
    });
    void this.bridge.call('sandbox.state', {}).then((r) => {
      if (r.ok && this.seen.sandbox === sandbox) this.set({ sandbox: r.value });
    });
  }
}

/** Changes whenever the connection is a new one (another profile, or connected again). */
export function sessionKey(connection: ConnectionState): string {
  return `${connection.profileId ?? ''}|${connection.since}`;
}
