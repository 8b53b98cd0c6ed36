/**
 * Warren's service: everything the main process can do for the renderer, one method per
 * operation of the contract. Hosts construct it with their own folders and secret cipher.
 */
import path from 'node:path';
import { parseAmqpUrl } from '../../shared/connections/amqp-url';
import type { ServiceHandlers } from '../../shared/contract';
import type { ConnectionState } from '../../shared/connections/types';
import { openConnection } from './broker/target';
import { chartsHandlers } from './charts/handlers';
import { BrokerConnection } from './broker/connection';
import type { ServiceContext } from './context';
import { createEngines, type Engines } from './engines';
import type { ServiceOptions } from './options';
import { demoHandlers } from './demos/handlers';
import { connectionsHandlers } from './connections/handlers';
import { overviewHandlers } from './overview/handlers';
import { messagingHandlers } from './messaging/handlers';
import { topologyHandlers } from './topology/handlers';
import { DETECTED_PROFILE_ID, ENVIRONMENT_PROFILE_ID, ProfileCatalog, SANDBOX_PROFILE_ID } from './connections/profiles/catalog';
import { ProfileStore } from './connections/profiles/store';
import { canConnect } from './connections/sandbox/ports';
import { SandboxBroker } from './connections/sandbox/sandbox';

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


  // The composition root: the context, then the engines built once from it, then the features.
  const base: ServiceContext = { options, emit: options.emit, log, sandbox, store, catalog, connection, connectTo, onShutdown: (fn) => shutdownHooks.push(fn) };
  const engines = createEngines(base);
  const ctx = { ...base, engines };
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
    engines,
    sandbox,
    connection,
    async autoConnect() {
      if (options.brokerUrl) {
        const parsed = parseAmqpUrl(options.brokerUrl, 'WARREN_BROKER_URL');
        if (!parsed.ok) {
          log(`WARREN_BROKER_URL is not usable: ${parsed.error.message}. ${parsed.error.hint}`);
        } else {
          catalog.environment = { ...parsed.value, managementUrl: options.managementUrl ?? '' };
          log(`Connecting to the broker of WARREN_BROKER_URL (${parsed.value.host}:${parsed.value.port}, vhost ${parsed.value.vhost}).`);
          return connectTo(ENVIRONMENT_PROFILE_ID);
        }
      }
      const last = store.lastProfileId;
      if (last && !catalog.isBuiltIn(last) && store.get(last)?.password !== undefined) {
        const state = await connectTo(last);
        if (state.status === 'connected') return state;
      }
      // A broker already on localhost:5672 that is not our sandbox: offer it rather than start a second one.
      const probePort = options.localProbePort ?? 5672;
      if (sandbox.state.status !== 'ready' && (await localBrokerAnswers(sandbox, probePort))) {
        catalog.detectedLocalPort = probePort;
        log(`A RabbitMQ broker answers on localhost:${probePort} with guest/guest; using it (profile “RabbitMQ on localhost”).`);
        return connectTo(DETECTED_PROFILE_ID);
      }
      log('Starting the sandbox broker…');
      const started = await sandbox.start();
      if (started.status !== 'ready') {
        log(`The sandbox broker is ${started.status}: ${started.error?.message ?? ''}`);
        return connection.state;
      }
      log(`Sandbox broker ready on amqp://127.0.0.1:${started.amqpPort} (management http://127.0.0.1:${started.managementPort})${started.reused ? ', kept from an earlier launch' : ''}.`);
      return connectTo(SANDBOX_PROFILE_ID);
    },
    async shutdown() {
      for (const hook of shutdownHooks.reverse()) await Promise.resolve(hook()).catch(() => undefined);
      await connection.disconnect().catch(() => undefined);
      await sandbox.shutdown();
    },
  };
}

/** True when something other than our own sandbox answers AMQP on localhost:`port` with guest/guest. */
async function localBrokerAnswers(sandbox: SandboxBroker, port: number): Promise<boolean> {
  if (!(await canConnect(port))) return false;
  if (await sandbox.ownsPort(port)) return false;
  try {
    const model = await openConnection({
      profileId: DETECTED_PROFILE_ID,
      profileName: 'probe',
      host: '127.0.0.1',
      port,
      vhost: '/',
      username: 'guest',
      password: 'guest',
      tls: { enabled: false, verifyPeer: true },
      heartbeat: 0,
      managementUrl: '',
    });
    await model.close().catch(() => undefined);
    return true;
  } catch {
    return false;
  }
}
