/**
 * Definitions against the real broker, through the service's operations: export, diff, dry run
 * and apply of the accepted changes; malformed and newer files; refusals named before anything
 * is applied.
 */
import { createHash, randomBytes } from 'node:crypto';
import amqp from 'amqplib';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestVhost, testBroker } from '../../support/broker';
import { adminApi, queueNames, seedShop, vhostObjects } from '../../support/definitions';
import { topologyFixture, type TopologyFixture } from '../../support/topology';

const enc = encodeURIComponent;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fixture(): Promise<TopologyFixture & { empty: string }> {
  const f = await topologyFixture('defs');
  cleanups.push(f.close);
  const { vhost: empty, remove } = await createTestVhost('defs-empty');
  cleanups.push(remove);
  return { ...f, empty };
}

const queueDef = (name: string, args: Record<string, unknown> = {}) => ({ name, durable: true, auto_delete: false, arguments: args });

describe('definitions against the real broker', () => {
  it('round trip: export a vhost, import it into an empty vhost, export again: the same objects', async () => {
    const f = await fixture();
    await seedShop(f.vhost);
    const exported = await f.call('definitions.export', { vhost: f.vhost });
    expect(exported.fileName).toMatch(/^warren-definitions-vhost-warren-defs-[0-9a-f]+-\d{4}-\d\d-\d\d\.json$/);
    expect(exported.counts).toMatchObject({ queues: 2, exchanges: 2, bindings: 2, policies: 1, parameters: 2 });

    const source = { kind: 'file' as const, text: exported.text };
    const diff = await f.call('definitions.diff', { source, vhost: f.empty });
    expect(diff.changes.every((c) => c.kind === 'added' && !c.refusal)).toBe(true);
    expect(diff.counts.queues).toEqual({ added: 2, changed: 0, removed: 0, same: 0 });
    const report = await f.call('definitions.apply', { source, vhost: f.empty, accept: diff.changes.map((c) => c.id) });
    expect(report.applied).toHaveLength(diff.changes.length);
    expect(report.requests).toEqual([`POST /definitions/${enc(f.empty)} (${diff.changes.length} objects)`]);

    expect(await vhostObjects(f.empty)).toEqual(await vhostObjects(f.vhost));
    const again = await f.call('definitions.diff', { source, vhost: f.empty });
    expect(again.changes).toEqual([]);
  });

  it('compares two vhosts; a dry run sends nothing; removals are applied one DELETE each', async () => {
    const f = await fixture();
    await seedShop(f.vhost);
    const http = adminApi();
    await http.put(`/queues/${enc(f.empty)}/leftover`, { durable: true });
    await http.put(`/queues/${enc(f.empty)}/orders`, { durable: true, arguments: { 'x-max-length': 10, 'x-dead-letter-exchange': 'dlx' } });
    await http.post(`/bindings/${enc(f.empty)}/e/amq.direct/q/leftover`, { routing_key: 'left', arguments: {} });
    const source = { kind: 'vhost' as const, vhost: f.vhost };
    const diff = await f.call('definitions.diff', { source, vhost: f.empty });
    expect(diff.changes.filter((c) => c.kind === 'removed').map((c) => c.label)).toEqual([
      `queue leftover in vhost ${f.empty}`,
      `binding amq.direct → queue leftover (key “left”) in vhost ${f.empty}`,
    ]);
    expect(diff.counts.queues).toEqual({ added: 1, changed: 0, removed: 1, same: 1 });

    const accept = diff.changes.map((c) => c.id);
    const dry = await f.call('definitions.apply', { source, vhost: f.empty, accept, dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.applied).toHaveLength(accept.length);
    expect(await queueNames(f.empty)).toEqual(['leftover', 'orders']);

    const done = await f.call('definitions.apply', { source, vhost: f.empty, accept });
    expect(done.requests.filter((r) => r.startsWith('DELETE'))).toEqual([
      `DELETE /bindings/${enc(f.empty)}/e/amq.direct/q/leftover/left`,
      `DELETE /queues/${enc(f.empty)}/leftover`,
    ]);
    expect(await queueNames(f.empty)).toEqual(['audit', 'orders']);
    expect(await vhostObjects(f.empty)).toEqual(await vhostObjects(f.vhost));
  });

  it('a file from a newer RabbitMQ: unknown keys are reported as ignored and the rest imports', async () => {
    const f = await fixture();
    const text = JSON.stringify({ rabbit_version: '9.0.0', deprecated_features: [{ name: 'x' }], queues: [{ ...queueDef('fresh'), type: 'classic' }] });
    const diff = await f.call('definitions.diff', { source: { kind: 'file', text }, vhost: f.empty });
    expect(diff.ignoredKeys).toEqual(['deprecated_features', 'queues[].type']);
    expect(diff.changes.map((c) => c.label)).toEqual([`queue fresh in vhost ${f.empty}`]);
    await f.call('definitions.apply', { source: { kind: 'file', text }, vhost: f.empty, accept: diff.changes.map((c) => c.id) });
    expect(await queueNames(f.empty)).toEqual(['fresh']);
  });

  it('a malformed file: BAD_INPUT with where and a hint, and nothing applied', async () => {
    const f = await fixture();
    const text = JSON.stringify({ queues: [queueDef('ok'), { name: 'bad', durable: 'yes' }] });
    const diffError = await f.refused('definitions.diff', { source: { kind: 'file', text }, vhost: f.empty });
    expect(diffError).toMatchObject({ code: 'BAD_INPUT', field: 'file.queues[1].durable', hint: expect.stringMatching(/definitions file/) });
    const applyError = await f.refused('definitions.apply', { source: { kind: 'file', text: '{"queues": [' }, vhost: f.empty, accept: ['queues|added|["x","ok"]'] });
    expect(applyError).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/^The file is not JSON/) });
    expect(await queueNames(f.empty)).toEqual([]);
  });

  it('a conflicting queue is named before anything is applied; accepting it applies nothing; the rest applies alone', async () => {
    const f = await fixture();
    await adminApi().put(`/queues/${enc(f.empty)}/orders`, { durable: true, arguments: { 'x-max-length': 10 } });
    const text = JSON.stringify({ queues: [queueDef('orders', { 'x-max-length': 99 }), queueDef('invoices')] });
    const source = { kind: 'file' as const, text };
    const diff = await f.call('definitions.diff', { source, vhost: f.empty });
    const conflict = diff.changes.find((c) => c.kind === 'changed')!;
    expect(conflict).toMatchObject({ label: `queue orders in vhost ${f.empty}`, fields: [{ field: 'arguments', before: { 'x-max-length': 10 }, after: { 'x-max-length': 99 } }], refusal: { code: 'PRECONDITION_FAILED' } });

    const refused = await f.refused('definitions.apply', { source, vhost: f.empty, accept: diff.changes.map((c) => c.id) });
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining(`queue orders in vhost ${f.empty}`), hint: expect.stringMatching(/^Nothing was applied/) });
    expect(await queueNames(f.empty)).toEqual(['orders']);

    const rest = diff.changes.filter((c) => !c.refusal).map((c) => c.id);
    const report = await f.call('definitions.apply', { source, vhost: f.empty, accept: rest });
    expect(report.applied.map((a) => a.label)).toEqual([`queue invoices in vhost ${f.empty}`]);
    expect(await queueNames(f.empty)).toEqual(['invoices', 'orders']);
    const orders = (await adminApi().get<{ arguments: object }>(`/queues/${enc(f.empty)}/orders`)).data;
    expect(orders.arguments).toEqual({ 'x-max-length': 10 });
  });

  it('a changed policy is applied field by field; removing an exchange with a binding needs that binding ticked too', async () => {
    const f = await fixture();
    const http = adminApi();
    const v = enc(f.empty);
    await http.put(`/policies/${v}/cap`, { pattern: '^a', definition: { 'max-length': 5 }, 'apply-to': 'queues', priority: 0 });
    await http.put(`/exchanges/${v}/gone`, { type: 'fanout', durable: true });
    await http.put(`/queues/${v}/kept`, { durable: true });
    await http.post(`/bindings/${v}/e/gone/q/kept`, { routing_key: '', arguments: {} });
    const text = JSON.stringify({ policies: [{ name: 'cap', pattern: '^a', definition: { 'max-length': 7 }, 'apply-to': 'queues', priority: 0 }], queues: [queueDef('kept')] });
    const source = { kind: 'file' as const, text };
    const diff = await f.call('definitions.diff', { source, vhost: f.empty });
    expect(diff.changes.find((c) => c.type === 'policies')).toMatchObject({ kind: 'changed', fields: [{ field: 'definition', before: { 'max-length': 5 }, after: { 'max-length': 7 } }] });
    expect(diff.changes.find((c) => c.type === 'policies')!.refusal).toBeUndefined();

    const withoutBinding = diff.changes.filter((c) => c.type !== 'bindings').map((c) => c.id);
    const refused = await f.refused('definitions.apply', { source, vhost: f.empty, accept: withoutBinding });
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining(`Removing exchange gone in vhost ${f.empty} also removes binding gone → queue kept`) });
    expect((await http.get<{ definition: object }>(`/policies/${v}/cap`)).data.definition).toEqual({ 'max-length': 5 });

    await f.call('definitions.apply', { source, vhost: f.empty, accept: diff.changes.map((c) => c.id) });
    expect((await http.get<{ definition: object }>(`/policies/${v}/cap`)).data.definition).toEqual({ 'max-length': 7 });
    expect((await http.get<{ name: string }[]>(`/exchanges/${v}`, { params: { columns: 'name' } })).data.map((e) => e.name)).not.toContain('gone');
    expect((await f.call('definitions.diff', { source, vhost: f.empty })).changes).toEqual([]);
  });

  it('into the whole broker: a vhost, a user with a password hash, permissions and a queue from a file; the user logs in', async () => {
    const f = await fixture();
    const suffix = f.vhost.slice(-8);
    const vhost = `warren-defs-broker-${suffix}`;
    const user = `warren-defs-user-${suffix}`;
    cleanups.push(async () => {
      await adminApi().delete(`/users/${enc(user)}`).catch(() => undefined);
      await adminApi().delete(`/vhosts/${enc(vhost)}`).catch(() => undefined);
    });
    // RabbitMQ's rabbit_password_hashing_sha256: base64(salt ‖ sha256(salt ‖ password)).
    const salt = randomBytes(4);
    const hash = Buffer.concat([salt, createHash('sha256').update(Buffer.concat([salt, Buffer.from('s3cret')])).digest()]).toString('base64');
    const text = JSON.stringify({
      vhosts: [{ name: vhost }],
      users: [{ name: user, password_hash: hash, hashing_algorithm: 'rabbit_password_hashing_sha256', tags: [] }],
      permissions: [{ user, vhost, configure: '.*', write: '.*', read: '.*' }],
      queues: [{ ...queueDef('inbox'), vhost }],
    });
    const source = { kind: 'file' as const, text };
    const diff = await f.call('definitions.diff', { source });
    const added = diff.changes.filter((c) => c.kind === 'added');
    expect(added.map((c) => c.label)).toEqual([`vhost ${vhost}`, `user ${user}`, `permissions of ${user} on vhost ${vhost}`, `queue inbox in vhost ${vhost}`]);
    expect(JSON.stringify(diff)).not.toContain(hash);
    // What the file lacks (every other vhost, guest …) is listed as removed and left alone.
    expect(diff.changes.some((c) => c.kind === 'removed' && c.label === 'user guest')).toBe(true);
    const report = await f.call('definitions.apply', { source, accept: added.map((c) => c.id) });
    expect(report.requests).toEqual(['POST /definitions (4 objects)']);
    const b = testBroker();
    const login = await amqp.connect(`amqp://${enc(user)}:s3cret@${b.host}:${b.amqpPort}/${enc(vhost)}`);
    const ch = await login.createChannel();
    expect((await ch.checkQueue('inbox')).queue).toBe('inbox');
    await login.close();
  });

  it('removing the user Warren logs in as is refused before anything is sent', async () => {
    const f = await fixture();
    const exported = await f.call('definitions.export', {});
    const withoutGuest = JSON.stringify({ ...(JSON.parse(exported.text) as object), users: [] });
    const source = { kind: 'file' as const, text: withoutGuest };
    const diff = await f.call('definitions.diff', { source });
    const guest = diff.changes.find((c) => c.label === 'user guest')!;
    expect(guest.kind).toBe('removed');
    const refused = await f.refused('definitions.apply', { source, accept: [guest.id] });
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringMatching(/user Warren is logged in as/) });
  });

  it('the broker-wide export names users without showing a password hash in the diff', async () => {
    const f = await fixture();
    const exported = await f.call('definitions.export', {});
    expect(exported.text).toContain('password_hash');
    const diff = await f.call('definitions.diff', { source: { kind: 'file', text: exported.text } });
    expect(diff.changes).toEqual([]);
    const changedUser = exported.text.replace(/"tags": \[\s*"administrator"\s*\]/, '"tags": ["administrator", "monitoring"]').replace(/"password_hash": "[^"]+"/, '"password_hash": "AAAA"');
    const userDiff = await f.call('definitions.diff', { source: { kind: 'file', text: changedUser } });
    expect(userDiff.changes).toMatchObject([{ type: 'users', kind: 'changed', label: 'user guest', fields: [{ field: 'password' }, { field: 'tags' }] }]);
    expect(JSON.stringify(userDiff)).not.toMatch(/"password_hash"|AAAA/);
  });
});
