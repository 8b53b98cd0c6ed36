/**
 * What Warren connects to when it starts: WARREN_BROKER_URL when given, else the last saved
 * profile, else its own sandbox when that node is still running (kept, or left by a Warren that
 * was killed), else a broker answering guest/guest on localhost:5672, else a new sandbox.
 * Its own running sandbox comes before the localhost probe: that probe would otherwise find
 * another broker on 5672 and leave the user's sandbox (and its queues) unseen.
 */
import { parseAmqpUrl } from '../../../shared/connections/amqp-url';
import type { ConnectionState } from '../../../shared/connections/types';
import { openConnection, plainTarget } from '../broker/target';
import type { ServiceContext } from '../context';
import { CLUSTER_PROFILE_ID, DETECTED_PROFILE_ID, ENVIRONMENT_PROFILE_ID, SANDBOX_PROFILE_ID } from './profiles/catalog';
import { canConnect } from './sandbox/ports';
import type { SandboxBroker } from './sandbox/sandbox';

export async function autoConnect(ctx: ServiceContext): Promise<ConnectionState> {
  const { options, log, sandbox, cluster, store, catalog, connection, connectTo } = ctx;
  // A sandbox left running (keep running, or a Warren that was killed) shows Ready at once,
  // whatever Warren connects to: never "Stopped" over a running node.
  const sandboxRunning = sandbox.isNodeRunning();
  if (sandboxRunning) await sandbox.start();
  if (options.startCluster) {
    log('Starting the sandbox cluster (three nodes)…');
    const started = await cluster.start();
    const up = started.nodes.filter((n) => n.status === 'running');
    log(`Sandbox cluster ${started.status}: ${started.nodes.map((n) => `${n.name} ${n.status}${n.amqpPort ? ` (amqp ${n.amqpPort})` : ''}`).join(', ')}.`);
    if (up.length > 0) return connectTo(CLUSTER_PROFILE_ID);
  }
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
  if (sandboxRunning && sandbox.state.status === 'ready') {
    log(`Sandbox broker found running on amqp://127.0.0.1:${sandbox.state.amqpPort}; connecting to it.`);
    return connectTo(SANDBOX_PROFILE_ID);
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
}

/** True when something other than our own sandbox answers AMQP on localhost:`port` with guest/guest. */
async function localBrokerAnswers(sandbox: SandboxBroker, port: number): Promise<boolean> {
  if (!(await canConnect(port))) return false;
  if (await sandbox.ownsPort(port)) return false;
  try {
    const model = await openConnection(
      plainTarget({ host: '127.0.0.1', amqpPort: port, managementUrl: '', username: 'guest', password: 'guest' }, { id: DETECTED_PROFILE_ID, name: 'probe', heartbeat: 0 }),
    );
    await model.close().catch(() => undefined);
    return true;
  } catch {
    return false;
  }
}
