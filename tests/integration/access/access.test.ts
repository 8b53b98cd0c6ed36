/** Issue 15 point 3: virtual hosts, users, permissions, topic permissions and limits, on the real broker. */
import amqp from 'amqplib';
import axios from 'axios';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBroker } from '../../support/broker';
import { connectedService } from '../../support/messaging';

describe('access', () => {
  let t: Awaited<ReturnType<typeof connectedService>>;
  /** Users and vhosts are broker-wide: each test names its own after its vhost and removes them. */
  let made: { users: string[]; vhosts: string[] };
  const admin = () => {
    const b = testBroker();
    return axios.create({ baseURL: `${b.managementUrl}/api`, auth: { username: b.username, password: b.password }, validateStatus: () => true });
  };
  const amqpAs = (user: string, password: string, vhost: string) =>
    amqp.connect(`amqp://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${testBroker().amqpPort}/${encodeURIComponent(vhost)}`);

  beforeEach(async () => {
    t = await connectedService('access');
    made = { users: [], vhosts: [] };
  });
  afterEach(async () => {
    for (const u of made.users) await admin().delete(`/users/${encodeURIComponent(u)}`);
    for (const v of made.vhosts) await admin().delete(`/vhosts/${encodeURIComponent(v)}`);
    await t.close();
  });

  it('creates a vhost with description, tags and limits, lists it, and edits the limits away', async () => {
    const name = `${t.vhost}-extra`;
    made.vhosts.push(name);
    const created = await t.call('access.vhost.save', { name, description: 'orders of EcomNow', tags: ['shop'], maxConnections: 5, maxQueues: 100 });
    expect(created.summary).toBe(`Created virtual host ${name}`);
    let row = (await t.call('access.list', {})).vhosts.find((v) => v.name === name);
    expect(row).toMatchObject({ description: 'orders of EcomNow', tags: ['shop'], limits: { maxConnections: 5, maxQueues: 100 } });
    const saved = await t.call('access.vhost.save', { name, description: 'orders of EcomNow', tags: ['shop'], maxConnections: null, maxQueues: 100 });
    expect(saved.summary).toBe(`Saved virtual host ${name}`);
    row = (await t.call('access.list', {})).vhosts.find((v) => v.name === name);
    expect(row?.limits).toEqual({ maxConnections: undefined, maxQueues: 100 });
  });

  it('a vhost limit holds at the broker: max-queues 1 refuses a second queue', async () => {
    await t.call('access.vhost.save', { name: t.vhost, maxQueues: 1 });
    await t.ch.assertQueue('first', { durable: false });
    const ch = await t.raw.createChannel();
    ch.on('error', () => undefined); // the refusal closes this channel; the assertion below reads it
    await expect(ch.assertQueue('second', { durable: false })).rejects.toThrow(/queue limit in vhost .* \(1\) is reached/);
  });

  it('before a vhost is deleted, its queues, own exchanges, messages and connections are counted; then it is gone', async () => {
    await t.ch.assertExchange('orders', 'topic', { durable: false });
    await t.ch.assertQueue('email_queue', { durable: false });
    for (let i = 0; i < 3; i++) t.ch.sendToQueue('email_queue', Buffer.from(`order ${i}`));
    await t.ch.assertQueue('stock_queue', { durable: false });
    await t.ch.checkQueue('email_queue');
    const impact = await (async () => {
      for (let i = 0; i < 60; i++) {
        const seen = await t.call('access.vhost.impact', { name: t.vhost });
        if (seen.messages === 3) return seen; // the management API counts messages on its next statistics tick
        await new Promise((r) => setTimeout(r, 250));
      }
      return t.call('access.vhost.impact', { name: t.vhost });
    })();
    expect(impact).toMatchObject({ vhost: t.vhost, queues: 2, exchanges: 1, messages: 3, warrenIsHere: true });
    expect(impact.connections).toBeGreaterThanOrEqual(2); // Warren's and this test's
    const other = `${t.vhost}-empty`;
    made.vhosts.push(other);
    await t.call('access.vhost.save', { name: other });
    expect(await t.call('access.vhost.impact', { name: other })).toMatchObject({ queues: 0, exchanges: 0, messages: 0, connections: 0, warrenIsHere: false });
    expect((await t.call('access.vhost.delete', { name: other })).summary).toBe(`Deleted virtual host ${other} and everything in it`);
    expect((await t.call('access.list', {})).vhosts.map((v) => v.name)).not.toContain(other);
    const missing = await t.svc.dispatch('access.vhost.impact', { name: other });
    expect(missing.ok ? undefined : missing.error.code).toBe('NOT_FOUND');
  });

  it('a new user logs in with its password; editing its tags keeps the password; no hash ever reaches the page', async () => {
    const user = `${t.vhost}-alice`;
    made.users.push(user);
    await t.call('access.user.save', { name: user, password: 's3cret', tags: ['monitoring'], maxConnections: 3 });
    await t.call('access.permission.set', { user, vhost: t.vhost, configure: '.*', write: '.*', read: '.*' });
    await (await amqpAs(user, 's3cret', t.vhost)).close();
    await t.call('access.user.save', { name: user, tags: ['management'], maxConnections: null });
    await (await amqpAs(user, 's3cret', t.vhost)).close();
    const lists = await t.call('access.list', {});
    expect(lists.users.find((u) => u.name === user)).toEqual({ name: user, tags: ['management'], passwordLogin: true, limits: { maxConnections: undefined, maxChannels: undefined }, isWarrensUser: false });
    expect(lists.users.find((u) => u.name === 'guest')?.isWarrensUser).toBe(true);
    const hash = (await admin().get(`/users/${encodeURIComponent(user)}`)).data.password_hash as string;
    expect(hash.length).toBeGreaterThan(10);
    expect(JSON.stringify(lists)).not.toContain(hash);
    expect(JSON.stringify(lists)).not.toMatch(/password_hash|hashing_algorithm/);
  });

  it('a new user without a password is refused at the password field; "No password" makes one that cannot log in with one', async () => {
    const user = `${t.vhost}-cert`;
    made.users.push(user);
    const refused = await t.svc.dispatch('access.user.save', { name: user });
    expect(refused.ok ? undefined : refused.error).toMatchObject({ code: 'BAD_INPUT', field: 'password', message: 'A new user needs a password' });
    expect((await admin().get(`/users/${encodeURIComponent(user)}`)).status).toBe(404);
    await t.call('access.user.save', { name: user, noPassword: true });
    expect((await t.call('access.list', {})).users.find((u) => u.name === user)?.passwordLogin).toBe(false);
  });

  it('a user limit holds at the broker: max-connections 0 refuses the login', async () => {
    const user = `${t.vhost}-bob`;
    made.users.push(user);
    await t.call('access.user.save', { name: user, password: 'pw', maxConnections: 0 });
    await t.call('access.permission.set', { user, vhost: t.vhost, configure: '.*', write: '.*', read: '.*' });
    await expect(amqpAs(user, 'pw', t.vhost)).rejects.toThrow();
    await t.call('access.user.save', { name: user, maxConnections: null });
    await (await amqpAs(user, 'pw', t.vhost)).close();
  });

  it('permissions are set, listed and removed; a pattern that is not a regex is refused at its field before the broker sees it', async () => {
    const user = `${t.vhost}-carol`;
    made.users.push(user);
    await t.call('access.user.save', { name: user, password: 'pw' });
    const bad = await t.svc.dispatch('access.permission.set', { user, vhost: t.vhost, configure: 'orders.(', write: '', read: '' });
    expect(bad.ok ? undefined : bad.error).toMatchObject({ code: 'BAD_INPUT', field: 'configure', message: expect.stringMatching(/not a valid regular expression/) });
    expect((await t.call('access.list', {})).permissions.filter((p) => p.user === user)).toEqual([]);
    await t.call('access.permission.set', { user, vhost: t.vhost, configure: '^orders\\.', write: '.*', read: '' });
    expect((await t.call('access.list', {})).permissions.filter((p) => p.user === user)).toEqual([
      { user, vhost: t.vhost, configure: '^orders\\.', write: '.*', read: '' },
    ]);
    await t.call('access.permission.clear', { user, vhost: t.vhost });
    expect((await t.call('access.list', {})).permissions.filter((p) => p.user === user)).toEqual([]);
  });

  it('topic permissions per exchange are set and listed; clearing removes every exchange of that user in that vhost', async () => {
    const user = `${t.vhost}-dave`;
    made.users.push(user);
    await t.call('access.user.save', { name: user, password: 'pw' });
    await t.call('access.topicPermission.set', { user, vhost: t.vhost, exchange: 'amq.topic', write: '^orders\\.', read: '.*' });
    await t.call('access.topicPermission.set', { user, vhost: t.vhost, exchange: 'topic_logs', write: '', read: 'kern\\..*' });
    const mine = () => t.call('access.list', {}).then((l) => l.topicPermissions.filter((p) => p.user === user));
    expect(await mine()).toEqual([
      { user, vhost: t.vhost, exchange: 'amq.topic', write: '^orders\\.', read: '.*' },
      { user, vhost: t.vhost, exchange: 'topic_logs', write: '', read: 'kern\\..*' },
    ]);
    await t.call('access.topicPermission.clear', { user, vhost: t.vhost });
    expect(await mine()).toEqual([]);
  });

  it('refusals come in the user’s terms: a missing user to delete is NOT_FOUND, a bad tag is refused at its field', async () => {
    const missing = await t.svc.dispatch('access.user.delete', { name: `${t.vhost}-nobody` });
    expect(missing.ok ? undefined : missing.error.code).toBe('NOT_FOUND');
    const badTag = await t.svc.dispatch('access.user.save', { name: `${t.vhost}-eve`, password: 'pw', tags: ['admin istrator'] });
    expect(badTag.ok ? undefined : badTag.error).toMatchObject({ code: 'BAD_INPUT', field: 'tags.0' });
  });
});
