/**
 * `npm run bench -- topology`: 10,000 queues in a dedicated vhost; in Chromium, Warren's time
 * to first render of the queue table and its filter-keystroke-to-render latency, against the
 * RabbitMQ management UI's queues page on the same broker (whose filter applies on Enter,
 * server-side). Writes the ratio to docs/benchmarks.md and deletes the vhost.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axios from 'axios';
import { chromium, type Page } from '@playwright/test';
import { testBroker } from '../support/broker';

const QUEUES = Number(process.env.WARREN_BENCH_QUEUES ?? 10_000);
const REPEATS = Number(process.env.WARREN_BENCH_REPEATS ?? 5);
/** Each keystroke narrows the list, so every one must re-render. */
const KEYS = ['9', '9', '9', '9'];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const b = testBroker();
const vhost = `warren-bench-topology-${Date.now().toString(36)}`;
const http = axios.create({ baseURL: `${b.managementUrl}/api`, auth: { username: 'guest', password: 'guest' }, timeout: 120_000 });
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function createQueues(): Promise<number> {
  await http.put(`/vhosts/${encodeURIComponent(vhost)}`, {});
  await http.put(`/permissions/${encodeURIComponent(vhost)}/guest`, { configure: '.*', write: '.*', read: '.*' });
  const services = ['orders', 'email', 'billing', 'audit', 'search'];
  const queues = Array.from({ length: QUEUES }, (_, i) => ({
    name: `${services[i % services.length]}.q-${String(i).padStart(5, '0')}`,
    durable: false,
    auto_delete: false,
    arguments: {},
  }));
  const started = Date.now();
  // One request: the definitions import of a vhost.
  await http.post(`/definitions/${encodeURIComponent(vhost)}`, { queues });
  for (;;) {
    const page = await http.get<{ total_count: number }>(`/queues/${encodeURIComponent(vhost)}`, { params: { page: 1, page_size: 1, columns: 'name' } });
    if (page.data.total_count >= QUEUES) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return Date.now() - started;
}

async function startWarren(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'bench-topology-'));
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      WARREN_DATA_DIR: dataDir,
      WARREN_OPEN_BROWSER: '0',
      WARREN_BROKER_URL: `amqp://guest:guest@127.0.0.1:${b.amqpPort}/${encodeURIComponent(vhost)}`,
      WARREN_MANAGEMENT_URL: b.managementUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Warren did not start:\n${output}`)), 60_000);
    child.stdout.on('data', (d) => {
      output += d;
      const match = /Warren is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`Warren exited (${code}):\n${output}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * In the page: run `act`, then resolve with the time from `act` to the first frame painted
 * after a DOM mutation under `selector` for which `done()` holds.
 */
async function measureInPage(page: Page, selector: string, act: string, done: string, trigger?: () => Promise<void>): Promise<number> {
  // Armed first (awaited), so a key press cannot happen before the observer watches.
  // A string, not a function: tsx would wrap a function's inner closures in a helper the page lacks.
  await page.evaluate(`window.__warrenMeasure = new Promise((resolve, reject) => {
    const holds = () => (${done});
    const target = document.querySelector(${JSON.stringify(selector)}) ?? document.body;
    let t0 = 0;
    const timer = setTimeout(() => reject(new Error('timed out waiting for the result')), 60000);
    const observer = new MutationObserver(() => {
      if (!holds()) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => { clearTimeout(timer); resolve(performance.now() - t0); }));
    });
    observer.observe(target, { subtree: true, childList: true, characterData: true, attributes: true });
    t0 = performance.now();
    // Without an action, the clock starts at the key press itself (the event's own timestamp).
    if (${JSON.stringify(act)} === '') window.addEventListener('keydown', (e) => { t0 = e.timeStamp; }, { capture: true, once: true });
    ${act};
  }); 0`);
  if (trigger) await trigger();
  return (await page.evaluate('window.__warrenMeasure')) as number;
}

async function benchWarren(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('status', { name: 'Connection status' }).filter({ hasText: /Connected/ }).waitFor({ timeout: 60_000 });
  const first: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    const rowSel = '[role=table][aria-label=Queues] [role=row][aria-rowindex="2"]';
    first.push(await measureInPage(page, 'body', `document.querySelector('a[href="#/topology"]').click()`, `!!document.querySelector('${rowSel}')`));
    await page.getByTestId('topo-count').filter({ hasText: new RegExp(`^${QUEUES.toLocaleString('en-US')} of ${QUEUES.toLocaleString('en-US')} queues$`) }).waitFor({ timeout: 60_000 });
    full.push(NaN);
  }
  // Full list time: from the click to the count showing every queue.
  for (let i = 0; i < Math.min(REPEATS, 3); i++) {
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    full[i] = await measureInPage(
      page,
      'body',
      `document.querySelector('a[href="#/topology"]').click()`,
      `(document.querySelector('[data-testid=topo-count]')?.textContent ?? '') === '${QUEUES.toLocaleString('en-US')} of ${QUEUES.toLocaleString('en-US')} queues'`,
    );
  }
  const filter = page.getByLabel('Filter');
  const keystrokes: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    await filter.fill('');
    await page.getByTestId('topo-count').filter({ hasText: new RegExp(`^${QUEUES.toLocaleString('en-US')} of`) }).waitFor();
    await filter.focus();
    for (const key of KEYS) {
      const before = await page.getByTestId('topo-count').textContent();
      keystrokes.push(
        await measureInPage(page, '.topo-table-area', '', `(document.querySelector('[data-testid=topo-count]')?.textContent ?? '') !== ${JSON.stringify(before)}`, () =>
          page.keyboard.press(key),
        ),
      );
    }
  }
  return { first, full: full.filter((x) => !Number.isNaN(x)), keystrokes };
}

async function benchManagementUi(page: Page) {
  await page.goto(`${b.managementUrl}/`);
  await page.locator('input[name=username]').fill('guest');
  await page.locator('input[name=password]').fill('guest');
  await page.locator('input[type=submit]').click();
  await page.locator('#main h1').first().waitFor({ timeout: 30_000 });
  // Show this vhost only, as Warren does.
  await page.locator('#show-vhost').selectOption(vhost).catch(() => undefined);
  const first: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    await page.evaluate(() => (location.hash = '#/'));
    await page.locator('#main h1', { hasText: 'Overview' }).waitFor();
    first.push(await measureInPage(page, 'body', `location.hash = '#/queues'`, `!!document.querySelector('#main table.list tbody tr')`));
  }
  const filter: number[] = [];
  const input = page.locator('#queues-name');
  for (let i = 0; i < REPEATS; i++) {
    const text = '9'.repeat((i % KEYS.length) + 1);
    await input.fill(text);
    await input.focus();
    const took = await measureInPage(
      page,
      'body',
      '',
      `(() => { const rows = document.querySelectorAll('#main table.list tbody tr'); const v = document.querySelector('#queues-name'); return v && v.value === ${JSON.stringify(text)} && rows.length > 0 && [...rows].every((r) => r.textContent.includes(${JSON.stringify(text)})) && document.activeElement !== v; })()`,
      () => page.keyboard.press('Enter'),
    );
    filter.push(took);
    await input.fill('');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
  }
  return { first, filter };
}

/**
 * _report.ts reads __dirname, which ES modules (package.json "type": "module") do not define;
 * give it the value it expects until that file uses import.meta.url.
 */
async function loadReport(): Promise<typeof import('./_report')> {
  const g = globalThis as { __dirname?: string };
  g.__dirname ??= path.join(root, 'tests', 'bench');
  return import('./_report');
}

async function main() {
  const { writeBenchSection } = await loadReport();
  console.log(`Creating ${QUEUES} queues in ${vhost}…`);
  const createMs = await createQueues();
  console.log(`  done in ${ms(createMs)}`);
  const warren = await startWarren();
  const browser = await chromium.launch({
    executablePath: process.env.WARREN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const w = await benchWarren(await context.newPage(), warren.url);
    console.log('Warren', w);
    const m = await benchManagementUi(await context.newPage());
    console.log('Management UI', m);
    const wFirst = median(w.first);
    const wKey = median(w.keystrokes);
    const mFirst = median(m.first);
    const mFilter = median(m.filter);
    const body = `
${QUEUES.toLocaleString('en-US')} classic queues in one vhost (created in ${ms(createMs)} by one definitions import). Chromium ${browser.version()}, 1280×800; medians of ${REPEATS} runs. Times run from the action (click, hash change, key press) to the first frame after the DOM shows the result.

| Measure | Warren | Management UI 3.10 | Ratio (UI ÷ Warren) |
| --- | --- | --- | --- |
| First render of the queue table | ${ms(wFirst)} (first page of 100) | ${ms(mFirst)} (first page of 100) | ${(mFirst / wFirst).toFixed(1)}× |
| Filter: keystroke → list updated | ${ms(wKey)} per keystroke (client-side, all ${QUEUES.toLocaleString('en-US')} rows; max ${ms(Math.max(...w.keystrokes))}) | ${ms(mFilter)} (server-side, applied on Enter) | ${(mFilter / wKey).toFixed(1)}× |
| Every row loaded | ${ms(median(w.full))} | — (pages of 100) | |

The issue's target: a filter keystroke updates the list within 100 ms — ${Math.max(...w.keystrokes) <= 100 ? 'met on every keystroke measured' : `median ${ms(wKey)}, worst ${ms(Math.max(...w.keystrokes))}`}.
`;
    writeBenchSection('topology', 'Topology: 10,000 queues in Chromium, Warren vs the management UI', body);
    console.log(body);
  } finally {
    await browser.close();
    await warren.stop();
    await http.delete(`/vhosts/${encodeURIComponent(vhost)}`).catch(() => undefined);
  }
}

await main();
