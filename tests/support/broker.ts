/**
 * The run's sandbox broker as tests see it (started by scripts/test.mjs), and a fresh vhost
 * per test so tests never see each other's queues.
 */
import { randomBytes } from 'node:crypto';
import axios from 'axios';
import type { ConnectTarget } from '../../main/service/broker/target';

export function testBroker() {
  const amqpPort = Number(process.env.WARREN_TEST_AMQP_PORT);
  const managementPort = Number(process.env.WARREN_TEST_MANAGEMENT_PORT);
  if (!amqpPort || !managementPort) {
    throw new Error('No test broker: run the tests with `npm test` (it starts one), or set WARREN_TEST_AMQP_PORT and WARREN_TEST_MANAGEMENT_PORT.');
  }
  return { host: '127.0.0.1', amqpPort, managementPort, managementUrl: `http://127.0.0.1:${managementPort}`, username: 'guest', password: 'guest' };
}

const api = () => {
  const b = testBroker();
  return axios.create({ baseURL: `${b.managementUrl}/api`, auth: { username: b.username, password: b.password }, timeout: 15_000 });
};

/** Creates a vhost with full permissions for guest; returns its name and a cleanup. */
export async function createTestVhost(label = 'test'): Promise<{ vhost: string; remove: () => Promise<void> }> {
  const vhost = `warren-${label}-${randomBytes(4).toString('hex')}`;
  const http = api();
  await http.put(`/vhosts/${encodeURIComponent(vhost)}`, {});
  await http.put(`/permissions/${encodeURIComponent(vhost)}/guest`, { configure: '.*', write: '.*', read: '.*' });
  return { vhost, remove: async () => void (await http.delete(`/vhosts/${encodeURIComponent(vhost)}`).catch(() => undefined)) };
}

/** Sets a policy in `vhost` through the management API, as an operator would. */
export async function putPolicy(vhost: string, name: string, policy: { pattern: string; 'apply-to': 'exchanges' | 'queues' | 'all'; definition: Record<string, unknown> }): Promise<void> {
  await api().put(`/policies/${encodeURIComponent(vhost)}/${encodeURIComponent(name)}`, policy);
}

export function targetFor(vhost: string, overrides: Partial<ConnectTarget> = {}): ConnectTarget {
  const b = testBroker();
  return {
    profileId: 'test',
    profileName: 'Test broker',
    host: b.host,
    port: b.amqpPort,
    vhost,
    username: b.username,
    password: b.password,
    tls: { enabled: false, verifyPeer: true },
    heartbeat: 10,
    managementUrl: b.managementUrl,
    ...overrides,
  };
}

export async function waitFor<T>(probe: () => T | Promise<T>, timeoutMs = 20_000, stepMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
