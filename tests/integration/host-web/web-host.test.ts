import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { EventHub } from '../../../main/bridge/events';
import { startWebHost, type WebHost } from '../../../main/host-web/server';
import { makeService } from '../../support/service';

describe('the browser host', () => {
  let host: WebHost;
  let ctx: ReturnType<typeof makeService>;

  beforeAll(async () => {
    const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Warren</title>');
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

  it('binds 127.0.0.1 and prints a URL with the token', () => {
    expect(host.url).toBe(`${base()}/?token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('answers 401 without the token, or with a wrong one', async () => {
    for (const url of [`${base()}/`, `${base()}/index.html`, `${base()}/?token=nope`, `${base()}/?token=`]) {
      const res = await fetch(url);
      expect(res.status, url).toBe(401);
    }
  });

  it('serves the page with the token, sets an HttpOnly SameSite cookie and a strict CSP', async () => {
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/warren_token=[0-9a-f]+; HttpOnly; SameSite=Strict/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`connect-src ws://127.0.0.1:${host.port}`);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const withCookie = await fetch(`${base()}/index.html`, { headers: { cookie: `warren_token=${host.token}` } });
    expect(withCookie.status).toBe(200);
  });

  it('never serves files outside the renderer folder', async () => {
    const res = await fetch(`${base()}/..%2F..%2Fetc%2Fpasswd`, { headers: { cookie: `warren_token=${host.token}` } });
    expect(res.status).toBe(404);
  });

  it('refuses a WebSocket without the token or from another origin', async () => {
    const attempt = (url: string, headers: Record<string, string> = {}) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url, { headers });
        ws.on('open', () => {
          ws.close();
          resolve('open');
        });
        ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
        ws.on('error', () => resolve('error'));
      });
    expect(await attempt(`ws://127.0.0.1:${host.port}/ws`)).toBe('401');
    expect(await attempt(`ws://127.0.0.1:${host.port}/ws`, { cookie: `warren_token=${host.token}`, origin: 'http://evil.example' })).toBe('401');
    expect(await attempt(`ws://127.0.0.1:${host.port}/ws`, { cookie: `warren_token=${host.token}`, origin: base() })).toBe('open');
  });

  it('carries calls and events over the WebSocket, and bad input comes back as BAD_INPUT', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers: { cookie: `warren_token=${host.token}`, origin: base() } });
    const messages: { id?: number; events?: unknown[]; result?: { ok: boolean; value?: unknown; error?: { code: string; field?: string } } }[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(data.toString())));
    await new Promise((resolve) => ws.on('open', resolve));
    ws.send(JSON.stringify({ id: 1, op: 'app.info', input: {} }));
    ws.send(JSON.stringify({ id: 2, op: 'profiles.save', input: { name: 'x', host: 'h', port: 'not a number' } }));
    ws.send('{not json');
    const deadline = Date.now() + 5000;
    while (messages.filter((m) => m.id !== undefined).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    ws.close();
    expect(messages[0]?.events).toEqual([{ event: 'connection.state', payload: { status: 'idle', since: 1 } }]);
    expect(messages.find((m) => m.id === 1)?.result).toMatchObject({ ok: true, value: { host: 'browser' } });
    expect(messages.find((m) => m.id === 2)?.result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'port' } });
    expect(messages.find((m) => m.id === -1)?.result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
