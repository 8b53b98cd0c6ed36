import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createTestVhost, testBroker } from '../../support/broker';
import { makeService } from '../../support/service';

describe('connection profiles against the sandbox broker', () => {
  let vhost: string;
  let remove: () => Promise<void>;
  let ctx: ReturnType<typeof makeService>;

  beforeEach(async () => {
    ({ vhost, remove } = await createTestVhost('profiles'));
    ctx = makeService();
  });
  afterEach(async () => {
    await ctx.service.shutdown();
    await remove();
  });

  const draft = (overrides: Record<string, unknown> = {}) => {
    const b = testBroker();
    return { name: 'Test', host: b.host, port: b.amqpPort, vhost, username: 'guest', password: 'guest', managementUrl: b.managementUrl, ...overrides };
  };

  it('tests a draft and names the broker, the node and the vhost', async () => {
    const result = await ctx.dispatch('profiles.test', draft());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value;
    expect(value.message).toMatch(new RegExp(`^Connected to RabbitMQ 3\\.\\d+\\.\\d+ on warren-[0-9a-f]{8}@localhost, vhost ${vhost}$`));
  });

  it('a wrong password is ACCESS_REFUSED with a hint about credentials', async () => {
    const result = await ctx.dispatch('profiles.test', draft({ password: 'wrong' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('ACCESS_REFUSED');
    expect(result.error.hint).toMatch(/username and password/);
  });

  it('an unknown vhost is NOT_ALLOWED and says the vhost is the problem', async () => {
    const result = await ctx.dispatch('profiles.test', draft({ vhost: 'no-such-vhost' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('NOT_ALLOWED');
    expect(result.error.status).toBe(530);
    expect(`${result.error.message} ${result.error.hint}`).toMatch(/virtual host|vhost/i);
  });

  it('a closed port is UNREACHABLE', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (server.address() as net.AddressInfo).port;
        server.close(() => resolve(p));
      });
    });
    const result = await ctx.dispatch('profiles.test', draft({ port }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('UNREACHABLE');
  });

  it('TLS against a plain AMQP port is a TLS error that says so', async () => {
    const result = await ctx.dispatch('profiles.test', draft({ tls: { enabled: true, verifyPeer: true } }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('TLS');
    expect(result.error.message).toMatch(/did not answer in TLS/);
  });

  it('a server that accepts the socket but never speaks AMQP is a TIMEOUT', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const result = await ctx.dispatch('profiles.test', draft({ port: (silent.address() as net.AddressInfo).port }));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('TIMEOUT');
    } finally {
      silent.close();
    }
  });

  it('an unknown host name is a DNS error', async () => {
    const result = await ctx.dispatch('profiles.test', draft({ host: 'no-such-host.invalid' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('DNS');
  });

  it('saves, lists, connects, switches and deletes profiles; the password never reaches disk in plain text', async () => {
    const saved = await ctx.dispatch('profiles.save', draft({ name: 'Mine', password: 'guest', rememberPassword: true }));
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const profile = saved.value;
    expect(profile.hasPassword).toBe(true);
    const onDisk = readFileSync(path.join(ctx.configDir, 'profiles.json'), 'utf8');
    expect(onDisk).toContain('"Mine"');
    expect(onDisk).not.toMatch(/"password"\s*:/);
    expect(statSync(path.join(ctx.configDir, 'profiles.json')).mode & 0o777).toBe(0o600);

    const listed = await ctx.dispatch('profiles.list', {});
    expect(listed.ok && listed.value.some((p) => p.id === profile.id)).toBe(true);

    const connected = await ctx.dispatch('connection.connect', { id: profile.id });
    expect(connected.ok && connected.value.status).toBe('connected');

    // Edit without a password keeps the stored one.
    const edited = await ctx.dispatch('profiles.save', { ...draft({ name: 'Mine (edited)' }), id: profile.id, password: undefined });
    expect(edited.ok && edited.value.hasPassword).toBe(true);

    const deleted = await ctx.dispatch('profiles.delete', { id: profile.id });
    expect(deleted.ok).toBe(true);
    const state = await ctx.dispatch('connection.state', {});
    expect(state.ok && state.value.status).toBe('idle');
  });

  it('a password not remembered stays in memory only', async () => {
    const saved = await ctx.dispatch('profiles.save', draft({ name: 'Volatile', password: 's3cret-value' }));
    expect(saved.ok).toBe(true);
    const onDisk = readFileSync(path.join(ctx.configDir, 'profiles.json'), 'utf8');
    expect(onDisk).not.toContain('s3cret-value');
    expect(onDisk).not.toContain('sealedPassword');
  });

  it('imports a profile from an amqp:// URL', async () => {
    const result = await ctx.dispatch('profiles.parseUrl', { url: 'amqps://alice:p%40ss@mq.example.com:5671/prod%2Feu?heartbeat=15' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ host: 'mq.example.com', port: 5671, vhost: 'prod/eu', username: 'alice', password: 'p@ss', heartbeat: 15, tls: { enabled: true } });
  });
});
