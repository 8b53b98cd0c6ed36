/**
 * The Connections feature's store: the profiles (asked again whenever the page says something
 * changed them), and every command on profiles, the connection and the sandbox. The connection
 * and sandbox states themselves live in the session store (the whole app reads them).
 */
import type { InputOf, OutputOf } from '../../../shared/contract';
import type { Result, WarrenError } from '../../../shared/errors';
import type { ClusterState, ProfileSummary } from '../../../shared/connections/types';
import type { BridgePort } from '../../app/bridgePort';
import { StateStore } from '../../app/store';

export interface ConnectionsState {
  profiles?: ProfileSummary[];
  error?: WarrenError;
  /** The sandbox cluster, as its event last told it. */
  cluster?: ClusterState;
}

type Action<K extends Parameters<BridgePort['call']>[0]> = (input: InputOf<K>) => Promise<Result<OutputOf<K>>>;

export class ConnectionsStore extends StateStore<ConnectionsState> {
  private asked = 0;

  constructor(private readonly bridge: BridgePort) {
    super({});
    bridge.on('cluster.state', (cluster) => this.set({ cluster }));
    void bridge.call('cluster.state', {}).then((r) => r.ok && !this.current.cluster && this.set({ cluster: r.value }));
  }

  /** Asks for the profiles; only the latest answer is kept. */
  async loadProfiles(): Promise<void> {
    const ticket = ++this.asked;
    const r = await this.bridge.call('profiles.list', {});
    if (ticket !== this.asked) return;
    this.set(r.ok ? { profiles: r.value, error: undefined } : { profiles: this.current.profiles, error: r.error });
  }

  // Actions are fields (bound once), so a component can hand them to useAction as they are.
  readonly deleteProfile: Action<'profiles.delete'> = async (input) => {
    const r = await this.bridge.call('profiles.delete', input);
    if (r.ok) void this.loadProfiles();
    return r;
  };
  readonly saveProfile: Action<'profiles.save'> = async (input) => {
    const r = await this.bridge.call('profiles.save', input);
    if (r.ok) void this.loadProfiles();
    return r;
  };
  readonly testProfile: Action<'profiles.test'> = (input) => this.bridge.call('profiles.test', input);
  readonly parseUrl: Action<'profiles.parseUrl'> = (input) => this.bridge.call('profiles.parseUrl', input);
  readonly connect: Action<'connection.connect'> = (input) => this.bridge.call('connection.connect', input);
  readonly disconnect: Action<'connection.disconnect'> = (input) => this.bridge.call('connection.disconnect', input);
  readonly startSandbox: Action<'sandbox.start'> = (input) => this.bridge.call('sandbox.start', input);
  readonly stopSandbox: Action<'sandbox.stop'> = (input) => this.bridge.call('sandbox.stop', input);
  readonly setKeepRunning: Action<'sandbox.setKeepRunning'> = (input) => this.bridge.call('sandbox.setKeepRunning', input);
  readonly startCluster: Action<'cluster.start'> = (input) => this.bridge.call('cluster.start', input);
  readonly stopCluster: Action<'cluster.stop'> = (input) => this.bridge.call('cluster.stop', input);
  readonly startNode: Action<'cluster.startNode'> = (input) => this.bridge.call('cluster.startNode', input);
  readonly stopNode: Action<'cluster.stopNode'> = (input) => this.bridge.call('cluster.stopNode', input);
  readonly killNode: Action<'cluster.killNode'> = (input) => this.bridge.call('cluster.killNode', input);
}
