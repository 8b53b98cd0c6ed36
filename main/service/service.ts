/**
 * Warren's service: everything the main process can do for the renderer, one method per
 * operation of the contract. Hosts construct it with their own folders and secret cipher.
 */
import path from 'node:path';
import type { ServiceHandlers } from '../../shared/contract';
import type { ConnectionState } from '../../shared/connections/types';
import { chartsHandlers } from './charts/handlers';
import { BrokerConnection } from './broker/connection';
import type { ServiceContext } from './context';
import { createEngines, type Engines } from './engines';
import type { ServiceOptions } from './options';
import { demoHandlers } from './demos/handlers';
import { definitionsHandlers } from './definitions/handlers';
import { policiesHandlers } from './policies/handlers';
import { autoConnect } from './connections/autoconnect';
import { connectionsHandlers } from './connections/handlers';
import { overviewHandlers } from './overview/handlers';
import { accessHandlers } from './access/handlers';
import { moveHandlers } from './move/handlers';
import { messagingHandlers } from './messaging/handlers';
import { topologyHandlers } from './topology/handlers';
import { streamsHandlers } from './streams/handlers';
import { CLUSTER_PROFILE_ID, ProfileCatalog, SANDBOX_PROFILE_ID } from './connections/profiles/catalog';
import { ProfileStore } from './connections/profiles/store';
import { SandboxBroker } from './connections/sandbox/sandbox';
import { ClusterSandbox } from './connections/sandbox/cluster';
import { BrokerSet } from './brokers/set';
import { brokersHandlers } from './brokers/handlers';
import { routeByBroker } from './brokers/route';
import { TopologyReader } from './topology/reader';
import type { BrokerConnection as Connection } from './broker/connection';

export interface WarrenService {
  handlers: ServiceHandlers;
  /** Connects to the last profile, a running sandbox, a local broker, or a new sandbox. */
  autoConnect(): Promise<ConnectionState>;
  shutdown(): Promise<void>;
  sandbox: SandboxBroker;
  connection: BrokerConnection;
  engines: Engines;
}

export function createWarrenService(options: ServiceOptions): WarrenService {
  const log = options.log ?? (() => {});
  const sandbox = new SandboxBroker({
    dir: path.join(options.dataDir, 'sandbox'),
    preferDefaultPorts: options.preferDefaultPorts,
    onState: (state) => options.emit('sandbox.state', state),
  });
  const cluster = new ClusterSandbox({ dir: options.clusterDir ?? path.join(options.dataDir, 'cluster'), onState: (state) => options.emit('cluster.state', state) });
  const store = new ProfileStore(options.configDir, options.cipher, options.alwaysSeal);
  const catalog = new ProfileCatalog(store, sandbox, cluster);
  const connection = new BrokerConnection((state) => {
    options.emit('connection.state', state);
    brokers.changed();
  }, options.reconnectBackoffMs);
  const brokers = new BrokerSet(connection, catalog, (list) => options.emit('brokers.state', list), options.reconnectBackoffMs);

  options.emit('brokers.state', brokers.list());
  // A new window asks for the present; send the sandbox's first state like any later one.
  options.emit('sandbox.state', sandbox.state);
  options.emit('cluster.state', cluster.state);
  const shutdownHooks: (() => Promise<void> | void)[] = [];
  const connectTo = async (id: string) => {
    if (id === SANDBOX_PROFILE_ID && sandbox.state.status !== 'ready') await sandbox.start();
    if (id === CLUSTER_PROFILE_ID && cluster.endpoints().length === 0) await cluster.start();
    const state = await connection.connect(catalog.target(id));
    if (!catalog.isBuiltIn(id) || state.status === 'connected') store.lastProfileId = id;
    if (state.status === 'connected') await brokers.promoted(id);
    return state;
  };


  // The composition root: the context, then the engines built once from it, then the features.
  const base: ServiceContext = { options, emit: options.emit, log, sandbox, cluster, store, catalog, connection, brokers, connectTo, onShutdown: (fn) => shutdownHooks.push(fn) };
  const engines = createEngines(base);
  const ctx = { ...base, engines };
  /** The features of the pages with a broker picker, over one connection (the main one, or one beside it). */
  const scopedFeatures = (over: Connection) => {
    const scoped = over === connection ? ctx : { ...ctx, connection: over, engines: { ...engines, topology: new TopologyReader(over) } };
    return {
      ...overviewHandlers(scoped),
      ...topologyHandlers(scoped),
      ...accessHandlers(scoped),
      ...definitionsHandlers(scoped),
      ...policiesHandlers(scoped),
    };
  };
  const handlers: ServiceHandlers = {
    ...connectionsHandlers(ctx),
    ...brokersHandlers(ctx),
    ...routeByBroker(scopedFeatures(connection), brokers, scopedFeatures),
    ...messagingHandlers(ctx),
    ...chartsHandlers(ctx),
    ...demoHandlers(ctx),
    ...moveHandlers(ctx),
    ...streamsHandlers(ctx),
  };

  return {
    handlers,
    engines,
    sandbox,
    connection,
    autoConnect: () => autoConnect(ctx),
    async shutdown() {
      for (const hook of shutdownHooks.reverse()) await Promise.resolve(hook()).catch(() => undefined);
      await brokers.shutdown();
      await connection.disconnect().catch(() => undefined);
      await sandbox.shutdown();
      await cluster.shutdown();
    },
  };
}
