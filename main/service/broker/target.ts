/** Where to connect: a profile resolved to concrete endpoints and credentials. */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import amqp from 'amqplib';
import type { ChannelModel } from 'amqplib';
import type { TlsSettings } from '../../../shared/connections/types';
import { fail } from '../errors';

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

export const CONNECT_TIMEOUT_MS = 8000;

export async function openConnection(target: ConnectTarget): Promise<ChannelModel> {
  const socketOptions: Record<string, unknown> = { timeout: CONNECT_TIMEOUT_MS, noDelay: true };
  if (target.tls.enabled) {
    socketOptions.rejectUnauthorized = target.tls.verifyPeer;
    // SNI takes host names only (RFC 6066), never an IP address.
    if (!isIP(target.host)) socketOptions.servername = target.host;
    if (target.tls.caFile) socketOptions.ca = [readTlsFile(target.tls.caFile, 'CA file')];
    if (target.tls.certFile) socketOptions.cert = readTlsFile(target.tls.certFile, 'client certificate');
    if (target.tls.keyFile) socketOptions.key = readTlsFile(target.tls.keyFile, 'client key');
  }
  return amqp.connect(
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
}

function readTlsFile(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    fail('TLS', `The ${what} could not be read: ${(err as Error).message}`, {
      field: 'tls',
      hint: `Check the path of the ${what} in the profile.`,
    });
  }
}
