/** Where to connect: a profile resolved to concrete endpoints and credentials. */
import amqp from 'amqplib';
import type { ChannelModel } from 'amqplib';
import type { TlsSettings } from '../../../shared/connections/types';
import { hostLabel, type HostEndpoint } from '../../../shared/connections/host-list';
import { warrenError } from '../../../shared/errors';
import { WarrenFailure, toWarrenError } from '../errors';
import { tlsRefusal, tlsSocketOptions } from './tls';

export interface ConnectTarget {
  profileId: string;
  profileName: string;
  host: string;
  port: number;
  vhost: string;
  username: string;
  password: string;
  tls: TlsSettings;
  heartbeat: number;
  managementUrl: string;
  /**
   * Several nodes of one cluster, in the profile's order (host/port/managementUrl are the first):
   * Warren connects, and reconnects, to the first that answers.
   */
  hosts?: HostEndpoint[];
}

/** Every host of a target, in order (one for a plain profile). */
export function targetHosts(target: ConnectTarget): HostEndpoint[] {
  return target.hosts && target.hosts.length > 0 ? target.hosts : [{ host: target.host, port: target.port, managementUrl: target.managementUrl }];
}

/** A plain (no TLS) AMQP endpoint on the default vhost: a sandbox node, a probe of localhost. */
export interface PlainEndpoint {
  host: string;
  amqpPort: number;
  managementUrl: string;
  username: string;
  password: string;
}

/** The target of a plain endpoint, under a profile id and name of the caller's. */
export function plainTarget(endpoint: PlainEndpoint, profile: { id: string; name: string; heartbeat: number }): ConnectTarget {
  return {
    profileId: profile.id,
    profileName: profile.name,
    host: endpoint.host,
    port: endpoint.amqpPort,
    vhost: '/',
    username: endpoint.username,
    password: endpoint.password,
    tls: { enabled: false, verifyPeer: true },
    heartbeat: profile.heartbeat,
    managementUrl: endpoint.managementUrl,
  };
}

export const CONNECT_TIMEOUT_MS = 8000;

/** The product Warren reports in its client properties: the Connections table marks these rows as Warren's own. */
export const WARREN_CLIENT_PRODUCT = 'Warren';

/** What the broker (and its management UI) shows for a connection Warren opens. */
export function warrenClientProperties(target: Pick<ConnectTarget, 'profileName'>): Record<string, string> {
  return { product: WARREN_CLIENT_PRODUCT, connection_name: `Warren — ${target.profileName}` };
}

/** The product a demo's programs report: they stand for the tutorial's services, not for Warren. */
export const DEMO_CLIENT_PRODUCT = 'Warren demo';

/**
 * What the broker shows for a connection of a demo's program (the order service, a worker …):
 * the demo and the program by name, so the Connections table tells them apart from Warren's own.
 */
export function demoClientProperties(demo: string, program: string): Record<string, string> {
  return { product: DEMO_CLIENT_PRODUCT, connection_name: `demo ${demo} — ${program}`, warren_demo: demo, warren_program: program };
}

/** Opens a connection as Warren, or under the client properties given (a demo's programs). */
export async function openConnection(target: ConnectTarget, clientProperties?: Record<string, string>): Promise<ChannelModel> {
  return (await openFirstAnswering(target, clientProperties)).model;
}

/** Where a connection was opened: the model and which of the target's hosts answered. */
export interface OpenedAt {
  model: ChannelModel;
  at: HostEndpoint;
}

/**
 * Tries the target's hosts in order and keeps the first that answers. A host that cannot be
 * reached (refused, no route, timeout) passes to the next; any other refusal (credentials, vhost,
 * TLS) is the same on every node of a cluster and is said at once.
 */
export async function openFirstAnswering(target: ConnectTarget, clientProperties?: Record<string, string>): Promise<OpenedAt> {
  const hosts = targetHosts(target);
  const unreachable: string[] = [];
  for (const at of hosts) {
    try {
      return { model: await openAt(target, at, clientProperties), at };
    } catch (err) {
      const error = toWarrenError(err);
      if (hosts.length === 1 || !UNREACHABLE_CODES.has(error.code)) throw err;
      unreachable.push(`${hostLabel(at)} (${error.message})`);
    }
  }
  throw new WarrenFailure(
    warrenError('UNREACHABLE', `None of the ${hosts.length} hosts answered: ${unreachable.join('; ')}`, {
      hint: 'Check that at least one node of the cluster is running and that the host names and ports are right.',
    }),
  );
}

const UNREACHABLE_CODES = new Set(['UNREACHABLE', 'TIMEOUT', 'DNS', 'CONNECTION_FORCED']);

async function openAt(base: ConnectTarget, at: HostEndpoint, clientProperties?: Record<string, string>): Promise<ChannelModel> {
  const target = { ...base, host: at.host, port: at.port };
  const socketOptions: Record<string, unknown> = { timeout: CONNECT_TIMEOUT_MS, noDelay: true, clientProperties: clientProperties ?? warrenClientProperties(target) };
  if (target.tls.enabled) Object.assign(socketOptions, tlsSocketOptions(target.host, target.tls));
  try {
    return await amqp.connect(
      {
        protocol: target.tls.enabled ? 'amqps' : 'amqp',
        hostname: target.host,
        port: target.port,
        username: target.username,
        password: target.password,
        vhost: target.vhost,
        heartbeat: target.heartbeat,
        locale: 'en_US',
      },
      socketOptions,
    );
  } catch (err) {
    const refusal = tlsRefusal(err, target.host, target.port, target.tls);
    throw refusal ? new WarrenFailure(refusal) : err;
  }
}
