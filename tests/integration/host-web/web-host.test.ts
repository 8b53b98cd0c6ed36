import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventHub } from '../../../main/bridge/events';
import { startWebHost, type WebHost } from '../../../main/host-web/server';
import { sessionCookieName } from '../../../shared/host-web/session';
import { makeService } from '../../support/service';
import { callsOver, openLink, opened, pageSocket, rawGet, upgradeOutcome, type PageSession } from '../../support/web-session';

describe('the browser host', () => {
  let host: WebHost;
  let ctx: ReturnType<typeof makeService>;
  let page: PageSession;

  beforeAll(async () => {
    const rendererDir = mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'renderer-'));
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Warren</title></head></html>');
    ctx = makeService();
    const events = new EventHub();
    events.emit('connection.state', { status: 'idle', since: 1 });
    host = await startWebHost({ dispatch: ctx.raw, events, rendererDir });
  });
  afterAll(async () => {
    await host.close();
    await ctx.service.shutdown();
  });

  const base = () => `http://127.0.0.1:${host.port}`;

  it('binds 127.0.0.1 and prints a link with a one-time token', () => {
    expect(host.url).toMatch(new RegExp(`^${base()}/\\?token=[0-9a-f]{48}$`));
    expect(host.newLink()).not.toBe(host.url);
  });

  it('answers 401 without the token, or with a wrong one', async () => {
    for (const url of [`${base()}/`, `${base()}/index.html`, `${base()}/?token=nope`, `${base()}/?token=`]) {
      const res = await fetch(url);
      expect(res.status, url).toBe(401);
    }
  });

  it('serves the page of a link once, with a port-named HttpOnly SameSite cookie, the page key and a strict CSP', async () => {
    const link = host.newLink();
    const res = await fetch(link);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(new RegExp(`^${sessionCookieName(host.port)}=[0-9a-f]{48}; HttpOnly; SameSite=Strict; Path=/$`));
    expect(await res.text()).toMatch(/<meta name="warren-session" content="[0-9a-f]{48}"><\/head>/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`connect-src ws://127.0.0.1:${host.port} ws://localhost:${host.port}`);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const again = await fetch(link);
    expect(again.status).toBe(401);
    expect(await again.text()).toContain('this link was used already');
  });

  it('serves files with the session cookie, without the key, and never outside the renderer folder', async () => {
    page = await openLink(host.newLink());
    const cookie = `${sessionCookieName(host.port)}=${page.cookie}`;
    const withCookie = await fetch(`${base()}/index.html`, { headers: { cookie } });
    expect(withCookie.status).toBe(200);
    expect(await withCookie.text()).not.toContain('warren-session');
    const res = await fetch(`${base()}/..%2F..%2Fetc%2Fpasswd`, { headers: { cookie } });
    expect(res.status).toBe(404);
  });

  it('refuses a WebSocket without the session, with half of it, from another origin, with no origin, or with a token in its address', async () => {
    page ??= await openLink(host.newLink());
    expect(await upgradeOutcome(pageSocket(page, { headers: { cookie: '' } }))).toBe('401');
    expect(await upgradeOutcome(pageSocket(page, { protocols: ['warren.v1'] }))).toBe('401');
    expect(await upgradeOutcome(pageSocket(page, { headers: { origin: 'http://evil.example' } }))).toBe('403');
    expect(await upgradeOutcome(pageSocket(page, { headers: { origin: `http://127.0.0.1:${host.port + 1}` } }))).toBe('403');
    expect(await upgradeOutcome(pageSocket(page, { headers: { origin: '' } }))).toBe('403');
    expect(await upgradeOutcome(pageSocket(page, { path: `/ws?token=${new URL(host.newLink()).searchParams.get('token')}` }))).toBe('400');
    expect(await upgradeOutcome(pageSocket(page, { headers: { host: `evil.example:${host.port}` } }))).toBe('403');
    expect(await upgradeOutcome(pageSocket(page))).toBe('open');
    expect(await upgradeOutcome(pageSocket(page, { headers: { host: `localhost:${host.port}`, origin: `http://localhost:${host.port}` } }))).toBe('open');
  });

  it('refuses HTTP requests naming another Host (DNS rebinding)', async () => {
    const link = new URL(host.newLink());
    expect((await rawGet(host.port, `${link.pathname}${link.search}`, { host: `rebound.example:${host.port}` })).status).toBe(403);
    expect((await rawGet(host.port, `${link.pathname}${link.search}`, { host: `127.0.0.1:${host.port + 1}` })).status).toBe(403);
    expect((await rawGet(host.port, `${link.pathname}${link.search}`, { host: `LOCALHOST:${host.port}` })).status).toBe(200);
  });

  it('carries calls and events over the WebSocket, and bad input comes back as BAD_INPUT', async () => {
    page ??= await openLink(host.newLink());
    const ws = pageSocket(page);
    const messages: { id?: number; events?: unknown[] }[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(data.toString())));
    const client = callsOver(ws);
    await opened(ws);
    expect(await client.call('app.info', {})).toMatchObject({ ok: true, value: { host: 'browser' } });
    expect(await client.call('profiles.save', { name: 'x', host: 'h', port: 'not a number' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'port' } });
    ws.send('{not json');
    await new Promise((r) => setTimeout(r, 200));
    ws.close();
    expect(messages[0]?.events).toEqual([{ event: 'connection.state', payload: { status: 'idle', since: 1 } }]);
    expect(client.unnumbered).toContainEqual(expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'BAD_INPUT', message: 'The message was not valid JSON' }) }));
  });
});
