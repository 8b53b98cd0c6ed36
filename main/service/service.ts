/**
 * Warren's service: everything the main process can do for the renderer, one method per
 * operation of the contract. Hosts construct it with their own folders and secret cipher.
 */
import path from 'node:path';
import type { EventName, EventPayload, ServiceHandlers } from '../../shared/contract';
import type { ConnectionState, HostKind } from '../../shared/connections/types';
import { chartsHandlers } from './charts/handlers';
import { BrokerConnection } from './broker/connection';
import type { ServiceContext } from './context';
import { demoHandlers } from './demos/handlers';
import { autoConnect } from './connections/autoconnect';
import { connectionsHandlers } from './connections/handlers';
import { overviewHandlers } from './overview/handlers';
import { messagingHandlers } from './messaging/handlers';
import { topologyHandlers } from './topology/handlers';
import { ProfileCatalog, SANDBOX_PROFILE_ID } from './connections/profiles/catalog';
import type { SecretCipher } from './connections/profiles/secrets';
import { ProfileStore } from './connections/profiles/store';
import { SandboxBroker } from './connections/sandbox/sandbox';
import type { DeliveryFlow } from './messaging/flow';

export type Emit = <K extends EventName>(event: K, payload: EventPayload<K>) => void;

export interface ServiceOptions {
  host: HostKind;
  version: string;
  /** Sandbox data lives in `${dataDir}/sandbox`. */
  dataDir: string;
  /** profiles.json lives here. */
  configDir: string;
  /** Seals passwords for disk; undefined keeps every password in memory. */
  cipher?: SecretCipher;
  /** Seal every password (desktop keychain) rather than only those the user asks to remember. */
  alwaysSeal: boolean;
  emit: Emit;
  preferDefaultPorts?: boolean;
  /** Where to look for a broker already running on this machine (5672; tests use the run's broker). */
  localProbePort?: number;
  /** A broker to connect to at start instead of the sandbox (WARREN_BROKER_URL). */
  brokerUrl?: string;
  /** Its management API (WARREN_MANAGEMENT_URL); derived from the host when absent. */
  managementUrl?: string;
  reconnectBackoffMs?: number[];
  log?: (line: string) => void;
  /** Delivery flow control fed by the host's clients (a page that stops reading pauses consumers). */
  flow?: DeliveryFlow;
}

export interface WarrenService {
  handlers: ServiceHandlers;
  /** Connects to the last profile, a running sandbox, a local broker, or a new sandbox. */
  autoConnect(): Promise<ConnectionState>;
  shutdown(): Promise<void>;
  sandbox: SandboxBroker;
  connection: BrokerConnection;
}

export function createWarrenService(options: ServiceOptions): WarrenService {
  const log = options.log ?? (() => {});
  const sandbox = new SandboxBroker({
    dir: path.join(options.dataDir, 'sandbox'),
    preferDefaultPorts: options.preferDefaultPorts,
    onState: (state) => options.emit('sandbox.state', state),
  });
  const store = new ProfileStore(options.configDir, options.cipher, options.alwaysSeal);
  const catalog = new ProfileCatalog(store, sandbox);
  const connection = new BrokerConnection((state) => options.emit('connection.state', state), options.reconnectBackoffMs);

  // A new window asks for the present; send the sandbox's first state like any later one.
  options.emit('sandbox.state', sandbox.state);
  const shutdownHooks: (() => Promise<void> | void)[] = [];
  const connectTo = async (id: string) => {
    if (id === SANDBOX_PROFILE_ID && sandbox.state.status !== 'ready') await sandbox.start();
    const state = await connection.connect(catalog.target(id));
    if (!catalog.isBuiltIn(id) || state.status === 'connected') store.lastProfileId = id;
    return state;
  };


  const ctx: ServiceContext = { options, emit: options.emit, log, sandbox, store, catalog, connection, connectTo, onShutdown: (fn) => shutdownHooks.push(fn) };
  const handlers: ServiceHandlers = {
    ...connectionsHandlers(ctx),
    ...overviewHandlers(ctx),
    ...topologyHandlers(ctx),
    ...messagingHandlers(ctx),
    ...chartsHandlers(ctx),
    ...demoHandlers(ctx),
  };

  return {
    handlers,
    sandbox,
    connection,
    autoConnect: () => autoConnect(ctx),
    async shutdown() {
      for (const hook of shutdownHooks.reverse()) await Promise.resolve(hook()).catch(() => undefined);
      await connection.disconnect().catch(() => undefined);
      await sandbox.shutdown();
    },
  };
}
