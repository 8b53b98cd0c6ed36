/** Setting up definitions on the run's broker as an operator would (management API), and reading them back. */
import axios from 'axios';
import { canonical, readDefinitions, scopeTo } from '../../shared/definitions';
import { VHOST_TYPES } from '../../shared/definitions/types';
import { testBroker } from './broker';

const enc = encodeURIComponent;

export function adminApi() {
  const b = testBroker();
  return axios.create({ baseURL: `${b.managementUrl}/api`, auth: { username: b.username, password: b.password }, timeout: 15_000 });
}

/** A small shop in `vhost`: a queue with arguments, a topic exchange, a binding, a policy, an operator policy, limits. */
export async function seedShop(vhost: string): Promise<void> {
  const http = adminApi();
  const v = enc(vhost);
  await http.put(`/queues/${v}/orders`, { durable: true, arguments: { 'x-max-length': 10, 'x-dead-letter-exchange': 'dlx' } });
  await http.put(`/queues/${v}/audit`, { durable: false, auto_delete: false, arguments: {} });
  await http.put(`/exchanges/${v}/shop`, { type: 'topic', durable: true, arguments: { 'alternate-exchange': 'amq.fanout' } });
  await http.put(`/exchanges/${v}/dlx`, { type: 'fanout', durable: true });
  await http.post(`/bindings/${v}/e/shop/q/orders`, { routing_key: 'order.#', arguments: {} });
  await http.post(`/bindings/${v}/e/shop/e/dlx`, { routing_key: 'dead', arguments: { 'x-match': 'all' } });
  await http.put(`/policies/${v}/cap`, { pattern: '^audit$', definition: { 'max-length': 5 }, 'apply-to': 'queues', priority: 1 });
  await http.put(`/operator-policies/${v}/ops-cap`, { pattern: '.*', definition: { 'max-length': 1000 }, 'apply-to': 'queues', priority: 0 });
  await http.put(`/vhost-limits/${v}/max-queues`, { value: 50 });
}

/** The vhost's objects as its export lists them, moved into vhost "x" and sorted: equal when the objects are the same. */
export async function vhostObjects(vhost: string): Promise<Record<string, string[]>> {
  const read = readDefinitions((await adminApi().get(`/definitions/${enc(vhost)}`)).data);
  if (!read.ok) throw new Error(read.error.message);
  const scoped = scopeTo(read.value, 'x');
  if (!scoped.ok) throw new Error(scoped.error.message);
  return Object.fromEntries(VHOST_TYPES.map((t) => [t, scoped.value.defs.objects[t].map(canonical).sort()]));
}

export async function queueNames(vhost: string): Promise<string[]> {
  const rows = (await adminApi().get<{ name: string }[]>(`/queues/${enc(vhost)}`, { params: { columns: 'name' } })).data;
  return rows.map((r) => r.name).sort();
}
