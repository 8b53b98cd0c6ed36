/**
 * TLS for a profile: the socket options for amqps, an https agent for the management API, and
 * the reason a handshake was refused in the user's terms, chosen by Node's error code (the
 * message text of OpenSSL varies by version; the code does not).
 */
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { isIP } from 'node:net';
import type { TlsSettings } from '../../../shared/connections/types';
import { warrenError, type WarrenError } from '../../../shared/errors';
import { fail } from '../errors';

export interface TlsFiles {
  ca?: Buffer[];
  cert?: Buffer;
  key?: Buffer;
}

export function readTlsFiles(tls: TlsSettings): TlsFiles {
  return {
    ...(tls.caFile ? { ca: [readTlsFile(tls.caFile, 'CA file')] } : {}),
    ...(tls.certFile ? { cert: readTlsFile(tls.certFile, 'client certificate') } : {}),
    ...(tls.keyFile ? { key: readTlsFile(tls.keyFile, 'client key') } : {}),
  };
}

/** Socket options for amqplib's amqps connection. */
export function tlsSocketOptions(host: string, tls: TlsSettings): Record<string, unknown> {
  return {
    rejectUnauthorized: tls.verifyPeer,
    // SNI takes host names only (RFC 6066), never an IP address.
    ...(isIP(host) ? {} : { servername: host }),
    ...readTlsFiles(tls),
  };
}

/** An agent carrying the profile's CA and client certificate to an https management API. */
export function managementAgent(managementUrl: string, tls: TlsSettings): https.Agent | undefined {
  if (!tls.enabled || !managementUrl.startsWith('https:')) return undefined;
  return new https.Agent({ rejectUnauthorized: tls.verifyPeer, ...readTlsFiles(tls) });
}

const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

/** The refusal of a TLS handshake with `host:port`, precise by `err.code`; undefined when `err` is not one. */
export function tlsRefusal(err: unknown, host: string, port: number, tls: TlsSettings): WarrenError | undefined {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (!tls.enabled || typeof code !== 'string') return undefined;
  const where = `${host}:${port}`;
  const tlsError = (message: string, hint: string) => warrenError('TLS', `${message} (${code})`, { hint, field: 'tls' });
  if (UNTRUSTED.has(code)) {
    return tlsError(
      `The certificate of ${where} is not signed by a CA Warren trusts`,
      tls.caFile
        ? `The CA file ${tls.caFile} did not issue this broker's certificate: choose the CA that did (ask for the broker's ca_certificate.pem).`
        : "Give the CA file that issued the broker's certificate in the profile's TLS settings.",
    );
  }
  if (code === 'CERT_HAS_EXPIRED') {
    return tlsError(`The certificate of ${where} has expired`, "Renew the broker's certificate; Warren does not connect over an expired one.");
  }
  if (code === 'CERT_NOT_YET_VALID') {
    return tlsError(`The certificate of ${where} is not valid yet`, "Check the clock of this machine and of the broker, or the certificate's start date.");
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    // Node: "Host: x. is not in the cert's altnames: DNS:a, DNS:b" or "IP: x is not in the cert's list: …".
    const names = /is not in the cert's (?:altnames|list): (.*)$/.exec((err as Error).message)?.[1]?.trim();
    return tlsError(
      `The certificate of ${where} does not name ${host}${names ? ` (it names ${names})` : ''}`,
      'Connect with a host name the certificate names, or re-issue the certificate with this name in its subjectAltName.',
    );
  }
  if (code === 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED' || code === 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE') {
    return tlsError(
      `The broker at ${where} requires a client certificate${tls.certFile ? ' and refused the handshake' : ''}`,
      tls.certFile ? 'Check that the client certificate and key belong together and are issued by a CA the broker trusts.' : 'Give a client certificate and its key in the profile’s TLS settings.',
    );
  }
  if (code === 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA' || code === 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE' || code === 'ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR') {
    return tlsError(`The broker at ${where} does not trust Warren's client certificate`, "Use a client certificate issued by a CA in the broker's ssl_options.cacertfile.");
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER') {
    return tlsError(`${where} did not answer in TLS`, 'Is this the plain AMQP port? AMQPS is usually on 5671.');
  }
  return undefined;
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
