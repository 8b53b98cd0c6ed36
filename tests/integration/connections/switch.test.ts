import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBroker, waitFor } from '../../support/broker';
import { connectedService } from '../../support/messaging';

/** Issue 11 point 8: a failing profile never costs the working connection. */
describe('switching profiles', () => {
  let t: Awaited<ReturnType<typeof connectedService>>;

  beforeEach(async () => {
    t = await connectedService('switch');
  });
  afterEach(async () => {
    await t.close();
  });

  async function saveProfile(name: string, overrides: { port?: number; password?: string } = {}) {
    const b = testBroker();
    return t.call('profiles.save', {
      name,
      host: b.host,
      port: overrides.port ?? b.amqpPort,
      vhost: t.vhost,
      username: 'guest',
      password: overrides.password ?? 'guest',
      managementUrl: `http://${b.host}:${b.managementPort}`,
    });
  }

  it('a profile that cannot connect keeps the current connection and its consumer, and says why and what stays', async () => {
    await t.ch.assertQueue('kept', { durable: false });
    const consumer = await t.call('consumers.attach', { queue: 'kept', ackMode: 'auto', prefetch: 10 });
    const before = await t.call('connection.state', {});
    const bad = await saveProfile('Wrong password', { password: 'not-the-password' });

    const result = await t.svc.dispatch('connection.connect', { id: bad.id });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe('Wrong password: The broker refused the username or password');
    expect(result.error.hint).toContain(`Warren stays connected to ${before.profileName}`);
    expect(result.error.hint).toContain('the consumer on queue kept');
    const after = await t.call('connection.state', {});
    expect(after).toMatchObject({ status: 'connected', profileId: before.profileId });
    // The consumer still receives what is published after the failed switch.
    t.ch.sendToQueue('kept', Buffer.from('after the failed switch'));
    const got = await t.waitDelivered(consumer.id, 1);
    expect(got.map((m) => m.body.data)).toContain('after the failed switch');
    expect((await t.call('consumers.list', {})).find((c) => c.id === consumer.id)?.status).toBe('consuming');
  });

  it('a successful switch says which profile it left and which consumers it detached', async () => {
    await t.ch.assertQueue('cut', { durable: false });
    await t.call('consumers.attach', { queue: 'cut', ackMode: 'auto', prefetch: 10 });
    const before = await t.call('connection.state', {});
    const other = await saveProfile('Second profile');

    const state = await t.call('connection.connect', { id: other.id });

    expect(state).toMatchObject({
      status: 'connected',
      profileId: other.id,
      switched: { from: before.profileName, detached: ['the consumer on queue cut'] },
    });
    const list = await waitFor(async () => {
      const all = await t.call('consumers.list', {});
      return all.every((c) => c.status === 'closed') ? all : undefined;
    });
    expect(list?.[0]?.reason).toMatch(/disconnected from the broker/);
  });

  it('a successful switch names everything it stops: consumers, taps, running repeat runs and the running demo, and stops them', async () => {
    await t.ch.assertQueue('cut', { durable: false });
    await t.ch.assertExchange('cut-x', 'topic', { durable: false });
    await t.call('consumers.attach', { queue: 'cut', ackMode: 'auto', prefetch: 10 });
    await t.call('consumers.tap', { exchange: 'cut-x', bindingKey: '#', ackMode: 'auto', prefetch: 10 });
    const run = await t.call('messaging.repeat', { exchange: '', routingKey: 'cut', count: 1_000_000, ratePerSecond: 20, body: { mode: 'text', data: 'slow' } });
    expect((await t.svc.dispatch('demos.run', { name: 'hello' })).ok).toBe(true);
    await waitFor(async () => (await t.call('demos.state', {})).status === 'running', 30_000);
    const before = await t.call('connection.state', {});
    const other = await saveProfile('Second profile');

    const state = await t.call('connection.connect', { id: other.id });

    expect(state.switched?.from).toBe(before.profileName);
    expect(state.switched?.detached).toEqual([
      expect.stringMatching(/^the repeat run to the default exchange at [\d,]+ of 1,000,000 sent$/),
      'the consumer on queue cut',
      'the tap on exchange cut-x',
      'the running demo Hello World',
    ]);
    expect((await t.call('messaging.repeatCancel', { runId: run.runId })).state).toBe('cancelled');
    // The demo was reset: its programs stopped and its vhost deleted.
    expect((await t.call('demos.state', {})).status).toBe('idle');
    const b = testBroker();
    const vhost = await fetch(`${b.managementUrl}/api/vhosts/warren-demo-hello`, { headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` } });
    expect(vhost.status).toBe(404);
  });
});
