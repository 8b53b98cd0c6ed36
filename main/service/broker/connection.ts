/**
 * The current broker: one AMQP session plus its management client. Switching profiles
 * closes the old session first; the state is pushed to the renderer on every change.
 */
import type { ConnectionState, TestConnectionResult } from '../../../shared/connections/types';
import type { WarrenError } from '../../../shared/errors';
import { AmqpSession, serverInfo } from './session';
import { openConnection, type ConnectTarget } from './target';
import { fail, toWarrenError, WarrenFailure } from '../errors';
import { watchLiveness } from './liveness';
import { managementAgent } from './tls';
import { ManagementClient, vhostPath } from './management';

/**
 * Reconnect backoff: quick at first, then every 3 s at most, so Warren is back within a few
 * seconds of the broker accepting connections again (a restart, a sandbox Start), not 30 s.
 */
export const RECONNECT_BACKOFF_MS = [250, 500, 1000, 2000, 3000];

export class BrokerConnection {
  private session?: AmqpSession;
  private currentTarget?: ConnectTarget;
  private managementClient?: ManagementClient;
  private idle: ConnectionState = { status: 'idle', since: Date.now() };

  constructor(
    private readonly onState: (state: ConnectionState) => void,
    private readonly backoffMs?: number[],
  ) {}

  get state(): ConnectionState {
    return this.session?.current ?? this.idle;
  }

  /** Where the current session connects (and reconnects) to. */
  get target(): ConnectTarget | undefined {
    return this.session ? this.currentTarget : undefined;
  }

  get management(): ManagementClient | undefined {
    return this.session ? this.managementClient : undefined;
  }

  /** The live session, or a NOT_CONNECTED error for the caller. */
  requireSession(): AmqpSession {
    if (!this.session) fail('NOT_CONNECTED', 'Not connected to a broker');
    return this.session;
  }

  requireManagement(): ManagementClient {
    const client = this.management;
    if (!client) fail('NOT_CONNECTED', 'Not connected to a broker');
    return client;
  }

  async connect(target: ConnectTarget): Promise<ConnectionState> {
    await this.disconnect();
    const session = new AmqpSession({
      target,
      onState: (state) => {
        if (this.session === session) this.onState(state);
      },
      backoffMs: this.backoffMs ?? RECONNECT_BACKOFF_MS,
      explain: (error) => explainRefusal(target, error),
    });
    this.session = session;
    this.currentTarget = target;
    session.onConnected((model) => watchLiveness(model, target.heartbeat));
    this.managementClient = new ManagementClient(managementEndpoint(target));
    return session.open();
  }

  async disconnect(): Promise<ConnectionState> {
    const session = this.session;
    this.session = undefined;
    this.managementClient = undefined;
    if (session) await session.close();
    this.idle = { status: 'idle', since: Date.now() };
    this.onState(this.idle);
    return this.idle;
  }
}

/** The management API of a target, with its TLS files when it is https. */
export function managementEndpoint(target: ConnectTarget) {
  const httpsAgent = managementAgent(target.managementUrl, target.tls);
  return { url: target.managementUrl, username: target.username, password: target.password, ...(httpsAgent ? { httpsAgent } : {}) };
}

/** Opens and closes a connection, then asks the management API for the node's name. */
export async function testConnection(target: ConnectTarget): Promise<TestConnectionResult> {
  const model = await openConnection(target).catch(async (err: unknown) => {
    throw new WarrenFailure(await explainRefusal(target, toWarrenError(err)));
  });
  const server = serverInfo(model);
  await model.close().catch(() => undefined);
  try {
    const management = new ManagementClient(managementEndpoint(target), 3000);
    const overview = await management.get<{ node?: string }>('/overview', { columns: 'node' });
    if (overview.node) server.node = overview.node;
  } catch {
    // The management plugin is optional: the AMQP test already succeeded.
  }
  const where = server.node ?? server.clusterName ?? `${target.host}:${target.port}`;
  return {
    message: `Connected to ${server.product} ${server.version} on ${where}, vhost ${target.vhost}`,
    server,
    vhost: target.vhost,
  };
}


/** Makes a 530 precise when the management API can tell a missing vhost from missing rights. */
export async function explainRefusal(target: ConnectTarget, error: WarrenError): Promise<WarrenError> {
  if (error.code !== 'NOT_ALLOWED') return error;
  try {
    const management = new ManagementClient(managementEndpoint(target), 3000);
    await management.get(`/vhosts/${vhostPath(target.vhost)}`, { columns: 'name' });
    return {
      ...error,
      message: `User ${target.username} has no access to virtual host ${target.vhost}`,
      hint: `Grant ${target.username} permissions on ${target.vhost} (rabbitmqctl set_permissions -p ${target.vhost} ${target.username} ".*" ".*" ".*").`,
    };
  } catch (err) {
    if (toWarrenError(err).code !== 'NOT_FOUND') return error;
    return {
      ...error,
      message: `Virtual host ${target.vhost} does not exist on this broker`,
      hint: 'Check the virtual host name in the profile (it is case-sensitive), or create it.',
    };
  }
}
