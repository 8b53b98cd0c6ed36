/**
 * The current broker: one AMQP session plus its management client. Switching profiles
 * closes the old session first; the state is pushed to the renderer on every change.
 */
import type { ConnectionState, TestConnectionResult } from '../../../shared/connections/types';
import type { WarrenError } from '../../../shared/errors';
import { AmqpSession, serverInfo } from './session';
import { openFirstAnswering, type ConnectTarget } from './target';
import { fail, toWarrenError, WarrenFailure } from '../errors';
import { warrenError } from '../../../shared/errors';
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
  /** One management client per host of the target: the one used follows the node Warren is on. */
  private managementClients = new Map<string, ManagementClient>();
  private idle: ConnectionState = { status: 'idle', since: Date.now() };
  private readonly describers = new Set<{ describe: (session: AmqpSession) => string[]; stop?: (session: AmqpSession) => Promise<void> | void }>();

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
    if (!this.session || !this.currentTarget) return undefined;
    const url = this.session.at?.managementUrl ?? this.currentTarget.managementUrl;
    let client = this.managementClients.get(url);
    if (!client) {
      client = new ManagementClient(managementEndpoint({ ...this.currentTarget, managementUrl: url }));
      this.managementClients.set(url, client);
    }
    return client;
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

  /**
   * Registers who can say what a switch away from a session cuts (its consumers, repeat runs, a
   * running demo …), so a switch that succeeds says what it detached and one that fails says what
   * it kept. `stop` ends what would otherwise outlive the switch (or end as a "broker restart"):
   * it runs once the new connection is up, before the old one closes.
   */
  describeOnSession(describe: (session: AmqpSession) => string[], stop?: (session: AmqpSession) => Promise<void> | void): void {
    this.describers.add(stop ? { describe, stop } : { describe });
  }

  /**
   * Connects to `target`. While a connection is up (or reconnecting) the new one is opened
   * beside it first: when it fails, the current connection and its consumers stay and the
   * failure says why; when it succeeds, the old one is closed and the state says what went.
   */
  async connect(target: ConnectTarget): Promise<ConnectionState> {
    const previous = this.session;
    const previousTarget = this.currentTarget;
    const keepable = previous && previousTarget && (previous.current.status === 'connected' || previous.current.status === 'reconnecting');
    if (!keepable) {
      await this.disconnect();
      const session = this.newSession(target);
      this.adopt(session, target);
      return session.open();
    }
    const session = this.newSession(target);
    const state = await session.open();
    const cut = this.describe(previous);
    if (state.status !== 'connected') {
      await session.close();
      throw new WarrenFailure(keptOnFailure(state.error, target, previousTarget, cut));
    }
    this.adopt(session, target);
    for (const { stop } of this.describers) await Promise.resolve(stop?.(previous)).catch(() => undefined);
    await previous.close();
    const switched: ConnectionState = { ...session.current, switched: { from: previousTarget.profileName, detached: cut } };
    this.onState(switched);
    return switched;
  }

  private newSession(target: ConnectTarget): AmqpSession {
    const session: AmqpSession = new AmqpSession({
      target,
      onState: (state) => {
        if (this.session === session) this.onState(state);
      },
      backoffMs: this.backoffMs ?? RECONNECT_BACKOFF_MS,
      explain: (error) => explainRefusal(target, error),
      locate: (at) => nodeNameAt({ ...target, managementUrl: at.managementUrl }),
    });
    session.onConnected((model) => watchLiveness(model, target.heartbeat));
    return session;
  }

  private adopt(session: AmqpSession, target: ConnectTarget): void {
    this.session = session;
    this.currentTarget = target;
    this.managementClients = new Map();
  }

  private describe(session: AmqpSession): string[] {
    return [...this.describers].flatMap(({ describe }) => describe(session));
  }

  async disconnect(): Promise<ConnectionState> {
    const session = this.session;
    this.session = undefined;
    this.managementClients = new Map();
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

/** The node name the management API at the target's URL answers with, if it answers soon. */
async function nodeNameAt(target: ConnectTarget): Promise<string | undefined> {
  const management = new ManagementClient(managementEndpoint(target), 1500);
  return (await management.get<{ node?: string }>('/overview', { columns: 'node' })).node;
}

/** Opens and closes a connection, then asks the management API for the node's name. */
export async function testConnection(target: ConnectTarget): Promise<TestConnectionResult> {
  const { model, at } = await openFirstAnswering(target).catch(async (err: unknown) => {
    throw new WarrenFailure(await explainRefusal(target, toWarrenError(err)));
  });
  const server = serverInfo(model);
  await model.close().catch(() => undefined);
  try {
    const management = new ManagementClient(managementEndpoint({ ...target, managementUrl: at.managementUrl }), 3000);
    const overview = await management.get<{ node?: string }>('/overview', { columns: 'node' });
    if (overview.node) server.node = overview.node;
  } catch {
    // The management plugin is optional: the AMQP test already succeeded.
  }
  const where = server.node ?? server.clusterName ?? `${at.host}:${at.port}`;
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

/** A failed switch: why the new profile failed, and that the current connection stays. */
export function keptOnFailure(error: WarrenError | undefined, target: ConnectTarget, kept: ConnectTarget, running: string[]): WarrenError {
  const reason = error ?? warrenError('UNREACHABLE', 'the connection failed');
  const still = running.length > 0 ? ` (${running.join('; ')} keep running)` : '';
  return {
    ...reason,
    // The page titles it "Could not connect"; the message names the profile once.
    message: `${target.profileName}: ${reason.message}`,
    hint: `${reason.hint ? `${reason.hint} ` : ''}Warren stays connected to ${kept.profileName}${still}.`,
  };
}
