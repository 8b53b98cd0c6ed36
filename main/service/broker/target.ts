/** Where to connect: a profile resolved to concrete endpoints and credentials. */
import amqp from 'amqplib';
import type { ChannelModel } from 'amqplib';
import type { TlsSettings } from '../../../shared/connections/types';
import { WarrenFailure } from '../errors';
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
export async function openConnection(target: ConnectTarget, clientProperties: Record<string, string> = warrenClientProperties(target)): Promise<ChannelModel> {
  const socketOptions: Record<string, unknown> = { timeout: CONNECT_TIMEOUT_MS, noDelay: true, clientProperties };
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
