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
}

export const IDLE: ConnectionState = { status: 'idle', since: 0 };

export class SessionStore extends StateStore<SessionState> {
  /** Events seen per kind: an answer that left before an event is older than it. */
  private seen = { connection: 0, sandbox: 0 };

  constructor(private readonly bridge: BridgePort) {
    super({ connection: IDLE, transportUp: true });
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
