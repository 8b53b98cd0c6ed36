// A stored password goes only to the host, port and management URL it was saved for. Recording
// proxies in front of the run's broker capture what each address receives (the AMQP PLAIN
// response and the management API's Basic header both carry the password in the clear).
import { randomBytes } from 'node:crypto';
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestVhost, testBroker } from '../../support/broker';
import { recordingProxy, type RecordingProxy } from '../../support/recording-proxy';
import { makeService } from '../../support/service';

describe('a stored password and the address it was saved for', () => {
  const user = `warren-pw-${randomBytes(3).toString('hex')}`;
  const password = `S3cret-${randomBytes(6).toString('hex')}`;
  const basic = Buffer.from(`${user}:${password}`).toString('base64');
  let vhost: Awaited<ReturnType<typeof createTestVhost>>;
  let saved: RecordingProxy;
  let savedManagement: RecordingProxy;
  let other: RecordingProxy;
  let otherManagement: RecordingProxy;
  let ctx: ReturnType<typeof makeService>;
  let id: string;
  const api = () => {
    const b = testBroker();
    return axios.create({ baseURL: `${b.managementUrl}/api`, auth: { username: b.username, password: b.password } });
  };
  const leaked = (proxy: RecordingProxy) => proxy.received().includes(password) || proxy.received().includes(basic);

  beforeAll(async () => {
    vhost = await createTestVhost('pw');
    await api().put(`/users/${user}`, { password, tags: 'management' });
    await api().put(`/permissions/${encodeURIComponent(vhost.vhost)}/${user}`, { configure: '.*', write: '.*', read: '.*' });
    const b = testBroker();
    [saved, savedManagement, other, otherManagement] = await Promise.all([
      recordingProxy(b.amqpPort),
      recordingProxy(b.managementPort),
      recordingProxy(b.amqpPort),
      recordingProxy(b.managementPort),
    ]);
    ctx = makeService();
    const answer = await ctx.dispatch('profiles.save', {
      name: 'Saved',
      host: '127.0.0.1',
      port: saved.port,
      vhost: vhost.vhost,
      username: user,
      password,
      rememberPassword: true,
      managementUrl: `http://127.0.0.1:${savedManagement.port}`,
    });
    if (!answer.ok) throw new Error(answer.error.message);
    id = (answer.value as { id: string }).id;
  });
  afterAll(async () => {
    await ctx?.service.shutdown();
    await Promise.all([saved, savedManagement, other, otherManagement].map((p) => p?.close()));
    await api().delete(`/users/${user}`).catch(() => undefined);
    await vhost?.remove();
  });

  const draft = (changes: Record<string, unknown>) => ({
    id,
    name: 'Saved',
    host: '127.0.0.1',
    port: saved.port,
    vhost: vhost.vhost,
    username: user,
    managementUrl: `http://127.0.0.1:${savedManagement.port}`,
    ...changes,
  });

  it('is sent to its own address (the proxies do capture it)', async () => {
    expect(await ctx.dispatch('profiles.test', { id })).toMatchObject({ ok: true });
    expect(leaked(saved)).toBe(true);
    expect(await ctx.dispatch('profiles.test', draft({}))).toMatchObject({ ok: true });
    expect(leaked(savedManagement)).toBe(true);
  });

  it('testing the profile with another port asks for the password, and that port receives nothing', async () => {
    const answer = await ctx.dispatch('profiles.test', draft({ port: other.port }));
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'password', hint: expect.stringContaining('Enter the password again') } });
    expect(other.connections).toBe(0);
    expect(leaked(other)).toBe(false);
  });

  it('testing the profile with another host name or management URL asks for the password too', async () => {
    expect(await ctx.dispatch('profiles.test', draft({ host: 'localhost' }))).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'password' } });
    expect(await ctx.dispatch('profiles.test', draft({ managementUrl: `http://127.0.0.1:${otherManagement.port}` }))).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'password' },
    });
    expect(otherManagement.connections).toBe(0);
  });

  it('saving the profile with another port keeps the password back: connecting asks for it, nothing reaches the new port', async () => {
    const changed = await ctx.dispatch('profiles.save', draft({ port: other.port }));
    expect(changed).toMatchObject({ ok: true, value: { hasPassword: false } });
    const answer = await ctx.dispatch('connection.connect', { id });
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'password', message: expect.stringContaining('changed since its password was saved') } });
    expect(await ctx.dispatch('profiles.test', { id })).toMatchObject({ ok: false, error: { field: 'password' } });
    expect(other.connections).toBe(0);
    expect(leaked(other)).toBe(false);
  });

  it('with the password typed again the new address is used', async () => {
    expect(await ctx.dispatch('profiles.save', draft({ port: other.port, password }))).toMatchObject({ ok: true, value: { hasPassword: true } });
    expect(await ctx.dispatch('profiles.test', { id })).toMatchObject({ ok: true });
    expect(leaked(other)).toBe(true);
  });
});
