/**
 * TLS for real (issue 10, point 5): the test makes a CA, server and client certificates with
 * openssl in its work folder, starts its own broker node with amqps (client certificate
 * required) and https management, and Warren connects with the CA and peer verification — and
 * refuses a wrong CA, an expired certificate, a wrong host name and a missing client
 * certificate with a precise message and hint.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TlsSettings } from '../../../shared/connections/types';
import { BrokerConnection, testConnection } from '../../../main/service/broker/connection';
import type { ConnectTarget } from '../../../main/service/broker/target';
import { SandboxBroker } from '../../../main/service/connections/sandbox/sandbox';
import { toWarrenError } from '../../../main/service/errors';

const dir = mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'tls-'));
const file = (name: string) => path.join(dir, name);
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });

function makeCa(name: string) {
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file(`${name}.key`), '-out', file(`${name}.pem`), '-days', '2', '-subj', `/CN=Warren test ${name}`);
}
/** A certificate signed by `ca`; negative `days` makes one that has expired. */
function makeCert(name: string, ca: string, subject: string, ext: string, days = 2) {
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', subject);
  writeFileSync(file(`${name}.ext`), `${ext}\n`);
  openssl('x509', '-req', '-in', file(`${name}.csr`), '-CA', file(`${ca}.pem`), '-CAkey', file(`${ca}.key`), '-CAcreateserial', '-out', file(`${name}.pem`), '-days', String(days), '-extfile', file(`${name}.ext`));
}

let sandbox: SandboxBroker;
let amqps = 0;
let httpsPort = 0;
let expiredServer: tls.Server;
let expiredPort = 0;

beforeAll(async () => {
  makeCa('ca');
  makeCa('other-ca');
  // The server certificate names localhost only (not 127.0.0.1): the wrong-host case below.
  makeCert('server', 'ca', '/CN=localhost', 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth');
  makeCert('client', 'ca', '/CN=warren-client', 'extendedKeyUsage=clientAuth');
  makeCert('expired', 'ca', '/CN=localhost', 'subjectAltName=DNS:localhost', -1);
  sandbox = new SandboxBroker({
    dir: file('node'),
    preferDefaultPorts: false,
    tls: { caFile: file('ca.pem'), certFile: file('server.pem'), keyFile: file('server.key'), requireClientCert: true },
  });
  const state = await sandbox.start();
  if (state.status !== 'ready') throw new Error(`TLS node: ${state.error?.message}\n${state.logTail?.join('\n')}`);
  amqps = sandbox.ports!.amqps!;
  httpsPort = sandbox.ports!.managementTls!;
  // A TLS endpoint presenting an expired certificate from the same CA (RabbitMQ has one set of
  // ssl_options per node, and the refusal happens in the handshake, before any AMQP).
  expiredServer = tls.createServer({ cert: readFileSync(file('expired.pem')), key: readFileSync(file('expired.key')) }, (s) => s.end());
  await new Promise<void>((r) => expiredServer.listen(0, '127.0.0.1', () => r()));
  expiredPort = (expiredServer.address() as { port: number }).port;
}, 180_000);

afterAll(async () => {
  expiredServer?.close();
  await sandbox?.stop();
});

const good: TlsSettings = { enabled: true, verifyPeer: true, caFile: file('ca.pem'), certFile: file('client.pem'), keyFile: file('client.key') };
const target = (over: Partial<ConnectTarget> = {}, tlsOver: Partial<TlsSettings> = {}): ConnectTarget => ({
  profileId: 'tls',
  profileName: 'TLS broker',
  host: 'localhost',
  port: amqps,
  vhost: '/',
  username: 'guest',
  password: 'guest',
  heartbeat: 10,
  managementUrl: `https://localhost:${httpsPort}`,
  ...over,
  tls: { ...good, ...tlsOver },
});
const refusal = async (t: ConnectTarget) => {
  try {
    await testConnection(t);
  } catch (err) {
    return toWarrenError(err);
  }
  throw new Error('connected, but a refusal was expected');
};

describe('TLS against a real broker', () => {
  it('connects over amqps with the CA, peer verification and a client certificate; the https management API answers with the same CA', async () => {
    const result = await testConnection(target());
    // The node name comes from the https management API: it answered through the CA.
    expect(result.server.node).toMatch(/^warren-/);
    const connection = new BrokerConnection(() => undefined);
    try {
      expect((await connection.connect(target())).status).toBe('connected');
      const overview = await connection.requireManagement().get<{ node: string }>('/overview', { columns: 'node' });
      expect(overview.node).toBe(result.server.node);
    } finally {
      await connection.disconnect();
    }
  });

  it('refuses a certificate from another CA, naming the CA file in the hint', async () => {
    const error = await refusal(target({}, { caFile: file('other-ca.pem') }));
    expect(error).toMatchObject({ code: 'TLS', field: 'tls' });
    expect(error.message).toMatch(/not signed by a CA Warren trusts \((SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\)/);
    expect(error.hint).toContain('other-ca.pem');
  });

  it('refuses an expired certificate', async () => {
    const error = await refusal(target({ port: expiredPort }));
    expect(error).toMatchObject({ code: 'TLS' });
    expect(error.message).toBe(`The certificate of localhost:${expiredPort} has expired (CERT_HAS_EXPIRED)`);
    expect(error.hint).toMatch(/Renew/);
  });

  it('refuses a certificate that does not name the host', async () => {
    const error = await refusal(target({ host: '127.0.0.1', managementUrl: `https://127.0.0.1:${httpsPort}` }));
    expect(error).toMatchObject({ code: 'TLS' });
    expect(error.message).toMatch(/^The certificate of 127\.0\.0\.1:\d+ does not name 127\.0\.0\.1.* \(ERR_TLS_CERT_ALTNAME_INVALID\)$/);
    expect(error.hint).toMatch(/subjectAltName/);
  });

  it('without a client certificate, says the broker requires one', async () => {
    const error = await refusal(target({}, { certFile: undefined, keyFile: undefined }));
    expect(error).toMatchObject({ code: 'TLS' });
    expect(error.message).toBe(`The broker at localhost:${amqps} requires a client certificate (ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED)`);
    expect(error.hint).toMatch(/client certificate and its key/);
  });
});
