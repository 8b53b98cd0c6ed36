import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestVhost, testBroker, waitFor } from '../../support/broker';
import { connectedService } from '../../support/messaging';

/** Issue 15 point 5: several brokers at once, each page's operations answered by the broker it names. */
describe('several brokers at once', () => {
  let t: Awaited<ReturnType<typeof connectedService>>;
  let beside: { vhost: string; remove: () => Promise<void> };
  let besideId: string;

  beforeEach(async () => {
    t = await connectedService('brokers-main');
    beside = await createTestVhost('brokers-beside');
    const b = testBroker();
    const profile = await t.call('profiles.save', {
      name: 'Beside',
      host: b.host,
      port: b.amqpPort,
      vhost: beside.vhost,
      username: 'guest',
      password: 'guest',
      managementUrl: `http://${b.host}:${b.managementPort}`,
    });
    besideId = profile.id;
  });
  afterEach(async () => {
    await t.close();
    await beside.remove();
  });

  const queueNames = async (broker?: string) => {
    const table = await t.call('topology.list', { kind: 'queues', ...(broker ? { broker } : {}) });
    return (table.data.rows as { name: string }[]).map((q) => q.name).sort();
  };

  it('opens a profile beside the main connection, which stays, and lists both with the main one first', async () => {
    const main = await t.call('connection.state', {});
    const open = await t.call('brokers.open', { id: besideId });

    expect(open.map((b) => [b.name, b.main, b.state.status])).toEqual([
      [main.profileName, true, 'connected'],
      ['Beside', false, 'connected'],
    ]);
    expect(open[1]!.state.vhost).toBe(beside.vhost);
    expect(await t.call('connection.state', {})).toMatchObject({ status: 'connected', profileId: main.profileId, vhost: t.vhost });
  });

  it('two opens of one profile at once make one connection to it', async () => {
    const [first, second] = await Promise.all([t.call('brokers.open', { id: besideId }), t.call('brokers.open', { id: besideId })]);

    expect(first.map((b) => b.id)).toEqual(second.map((b) => b.id));
    expect(first.filter((b) => !b.main).map((b) => b.name)).toEqual(['Beside']);
    const b = testBroker();
    const connectionsOf = async () => {
      const res = await fetch(`http://${b.host}:${b.managementPort}/api/vhosts/${encodeURIComponent(beside.vhost)}/connections`, { headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` } });
      return (await res.json()) as unknown[];
    };
    const connections = await waitFor(async () => ((await connectionsOf()).length > 0 ? connectionsOf() : undefined));
    // Statistics list connections a moment late: look again after a while, still one.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(connections).toHaveLength(1);
    expect(await connectionsOf()).toHaveLength(1);
  });

  it('a declare and a table read name their broker: the queue lands on that broker only', async () => {
    await t.call('brokers.open', { id: besideId });

    await t.call('topology.declareQueue', { name: 'only-beside', broker: besideId });
    await t.call('topology.declareQueue', { name: 'only-main' });

    expect(await queueNames(besideId)).toEqual(['only-beside']);
    expect(await queueNames()).toEqual(['only-main']);
  });

  it('compares the definitions of the main broker’s vhost with the broker beside', async () => {
    await t.call('brokers.open', { id: besideId });
    await t.call('topology.declareQueue', { name: 'only-beside', broker: besideId });

    const diff = await t.call('definitions.diff', { vhost: t.vhost, source: { kind: 'broker', broker: besideId, vhost: beside.vhost } });

    expect(diff.changes.map((c) => [c.kind, c.label])).toEqual([['added', `queue only-beside in vhost ${t.vhost}`]]);
  });

  it('a broker that is not open is refused with what to do, and closing one leaves the main connection', async () => {
    const unknown = await t.svc.dispatch('topology.list', { kind: 'queues', broker: 'no-such-profile' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_CONNECTED', field: 'broker' } });
    if (!unknown.ok) expect(unknown.error.hint).toContain('Connections page');

    await t.call('brokers.open', { id: besideId });
    const after = await t.call('brokers.close', { id: besideId });

    expect(after.map((b) => b.main)).toEqual([true]);
    const closed = await t.svc.dispatch('topology.list', { kind: 'queues', broker: besideId });
    expect(closed).toMatchObject({ ok: false, error: { code: 'NOT_CONNECTED' } });
    expect((await t.call('connection.state', {})).status).toBe('connected');
  });

  it('a profile that cannot connect is not opened, and says why', async () => {
    const b = testBroker();
    const bad = await t.call('profiles.save', { name: 'Wrong password', host: b.host, port: b.amqpPort, vhost: beside.vhost, username: 'guest', password: 'nope', managementUrl: `http://${b.host}:${b.managementPort}` });

    const result = await t.svc.dispatch('brokers.open', { id: bad.id });

    expect(result).toMatchObject({ ok: false, error: { message: 'Wrong password: The broker refused the username or password' } });
    expect((await t.call('brokers.list', {})).map((x) => x.main)).toEqual([true]);
  });

  it('switching the main connection to a broker open beside leaves one connection to it, as the main one', async () => {
    await t.call('brokers.open', { id: besideId });

    await t.call('connection.connect', { id: besideId });

    expect((await t.call('brokers.list', {})).map((x) => [x.id, x.main])).toEqual([[besideId, true]]);
  });
});
