// The browser host's session against another server on 127.0.0.1, with real Chromium: the
// browser does send Warren's cookie to every port of 127.0.0.1, so the test checks that what
// that server receives drives nothing, that its page cannot reach Warren, that a link works
// once, and that the Publish page refuses a body the bridge cannot carry before sending it.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { expect, test } from '@playwright/test';
import { vhostOnRunBroker } from '../support/e2e/run-broker';
import { startWarren, type RunningWarren } from '../support/e2e/warren-app';

let warren: RunningWarren;
let broker: Awaited<ReturnType<typeof vhostOnRunBroker>>;
let other: Server;
let otherPort = 0;
const seen: IncomingHttpHeaders[] = [];
const reports: string[] = [];

/** A page on another port of 127.0.0.1 that tries what a hostile page would. */
const hostilePage = (warrenPort: number) => `<!doctype html><html><body>
<img src="http://127.0.0.1:${warrenPort}//">
<img src="http://127.0.0.1:${warrenPort}/%E0%A4%A">
<script>
  const report = (what) => fetch('/report?' + encodeURIComponent(what));
  const ws = new WebSocket('ws://127.0.0.1:${warrenPort}/ws', ['warren.v1']);
  ws.onopen = () => report('ws:open');
  ws.onerror = () => report('ws:error');
  fetch('http://127.0.0.1:${warrenPort}/', { credentials: 'include' }).then((r) => report('fetch:' + r.status)).catch(() => report('fetch:blocked'));
</script></body></html>`;

test.beforeAll(async () => {
  broker = await vhostOnRunBroker('e2e-security');
  warren = await startWarren({ WARREN_BROKER_URL: broker.amqpUrl, WARREN_MANAGEMENT_URL: broker.managementUrl });
  const warrenPort = Number(new URL(warren.origin).port);
  other = createServer((req, res) => {
    seen.push(req.headers);
    if (req.url?.startsWith('/report?')) reports.push(decodeURIComponent(req.url.slice('/report?'.length)));
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(hostilePage(warrenPort));
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherPort = (other.address() as AddressInfo).port;
});
test.afterAll(async () => {
  await new Promise((resolve) => other?.close(resolve));
  await warren?.stop();
  await broker?.remove();
});

test('another local server receives nothing that drives Warren, and its page cannot reach Warren', async ({ page, context }) => {
  await page.goto(await warren.link());
  const status = page.getByRole('status', { name: 'Connection status' });
  await expect(status).toContainText(/Connected/, { timeout: 60_000 });

  const hostile = await context.newPage();
  await hostile.goto(`http://127.0.0.1:${otherPort}/`);
  await expect.poll(() => reports.filter((r) => r.startsWith('ws:') || r.startsWith('fetch:')).length, { timeout: 10_000 }).toBe(2);
  expect(reports).toContain('ws:error');
  expect(reports.some((r) => r === 'fetch:blocked' || r === 'fetch:401')).toBe(true);

  // Browsers send cookies for 127.0.0.1 to every port: the other server did get Warren's cookie…
  const cookies = seen.map((h) => h.cookie ?? '').filter((c) => c.includes('warren_session_'));
  expect(cookies.length).toBeGreaterThan(0);
  // …and a Node client replaying it, with Warren's own Origin and Host, is still refused.
  const replay = await new Promise<string>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${new URL(warren.origin).port}/ws`, ['warren.v1'], { headers: { cookie: cookies[0]!, origin: warren.origin } });
    ws.on('open', () => resolve('open'));
    ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
    ws.on('error', () => resolve('error'));
  });
  expect(replay).toBe('401');
  // The page the cookie fetches carries no key (only the page of a one-time link does).
  const withCookie = await fetch(`${warren.origin}/`, { headers: { cookie: cookies[0]! } });
  expect(await withCookie.text()).not.toContain('warren-session');

  // Warren is alive and its own page still works after the hostile page's requests.
  await page.bringToFront();
  await page.reload();
  await expect(status).toContainText(/Connected/, { timeout: 30_000 });
});

test('a link works once: another browser opening it again is refused', async ({ browser }) => {
  const link = await warren.link();
  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const a = await first.newPage();
    await a.goto(link);
    await expect(a.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
    const b = await second.newPage();
    const answer = await b.goto(link);
    expect(answer?.status()).toBe(401);
    await expect(b.locator('body')).toContainText('this link was used already');
  } finally {
    await first.close();
    await second.close();
  }
});

test('the Publish page refuses a 17 MB body before sending it, and Warren keeps serving', async ({ page }) => {
  const dir = mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'big-body-'));
  const file = path.join(dir, 'body.bin');
  writeFileSync(file, Buffer.alloc(13 * 1024 * 1024, 7)); // 13 MB of bytes = 17.3 MB of base64
  await page.goto(await warren.link());
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
  await page.getByRole('link', { name: 'Publish' }).click();
  await page.getByLabel('Routing key').fill('nowhere');
  await page.getByLabel('Load body from a file').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Loaded body.bin (13.0 MiB) as Base64' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not published' })).toContainText(/Warren’s bridge carries at most 16\.0 MiB/, { timeout: 30_000 });
  await page.getByLabel('Routing key').fill('still-alive');
  await page.reload();
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 30_000 });
});
