/**
 * `npm run bench -- topology`: 10,000 queues in a dedicated vhost; in Chromium, Warren's time
 * to first render of the queue table and its filter-keystroke-to-render latency, against the
 * RabbitMQ management UI's queues page on the same broker (whose filter applies on Enter,
 * server-side). Writes the ratio to docs/benchmarks.md and deletes the vhost.
 */
import os from 'node:os';
import axios from 'axios';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { testBroker } from '../support/broker';
import { startWarren } from '../support/e2e/warren-app';

const QUEUES = Number(process.env.WARREN_BENCH_QUEUES ?? 10_000);
const REPEATS = Number(process.env.WARREN_BENCH_REPEATS ?? 5);
/** Each keystroke narrows the list, so every one must re-render. */
const KEYS = ['9', '9', '9', '9'];

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

const ROW = '[role=table][aria-label=Queues] [role=row][aria-rowindex="2"]';
const allRowsText = () => `${QUEUES.toLocaleString('en-US')} of ${QUEUES.toLocaleString('en-US')} queues`;

/** A fresh load of Warren (nothing remembered in the renderer), connected and on the Overview page. */
async function openWarren(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('status', { name: 'Connection status' }).filter({ hasText: /Connected/ }).waitFor({ timeout: 60_000 });
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  await page.waitForTimeout(1000);
  return page;
}

/** From the click on Topology: the first row painted, and every row loaded (the count says so). */
async function clickToTable(page: Page): Promise<{ first: number; full: number }> {
  return (await page.evaluate(`new Promise((resolve, reject) => {
    let first;
    const t0 = performance.now();
    const timer = setTimeout(() => reject(new Error('the queue table did not load every row in 180 s')), 180000);
    const observer = new MutationObserver(() => {
      if (first === undefined && document.querySelector(${JSON.stringify(ROW)})) {
        first = -1;
        requestAnimationFrame(() => setTimeout(() => { first = performance.now() - t0; }));
      }
      if ((document.querySelector('[data-testid=topo-count]')?.textContent ?? '') === ${JSON.stringify(allRowsText())}) {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => {
          clearTimeout(timer);
          const full = performance.now() - t0;
          resolve({ first: first === undefined || first < 0 ? full : first, full });
        }));
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    document.querySelector('a[href="#/topology"]').click();
  })`)) as { first: number; full: number };
}

async function benchWarren(context: BrowserContext, url: string) {
  // Cold: a fresh page load each time, so the renderer remembers no rows (the broker and
  // Warren's main process stay up, as the management UI's server does).
  const first: number[] = [];
  const full: number[] = [];
  let page: Page | undefined;
  for (let i = 0; i < REPEATS; i++) {
    await page?.close();
    page = await openWarren(context, url);
    const took = await clickToTable(page);
    first.push(took.first);
    full.push(took.full);
  }
  if (!page) throw new Error('REPEATS must be at least 1');
  // Warm: back to the page in the same session shows the remembered rows while one request refreshes them.
  const revisit: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.waitForTimeout(500);
    revisit.push((await clickToTable(page)).first);
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
          page!.keyboard.press(key),
        ),
      );
    }
  }
  await page.close();
  return { first, full, revisit, keystrokes };
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
    // The Overview page has lists too: wait for the Queues heading and this vhost's queues.
    first.push(
      await measureInPage(
        page,
        'body',
        `location.hash = '#/queues'`,
        `/Queues/.test(document.querySelector('#main h1')?.textContent ?? '') && [...document.querySelectorAll('#main table.list tbody tr')].some((r) => r.textContent.includes('.q-'))`,
      ),
    );
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

async function main() {
  console.log(`Creating ${QUEUES} queues in ${vhost}…`);
  const createMs = await createQueues();
  console.log(`  done in ${ms(createMs)}`);
  const warren = await startWarren({
    WARREN_BROKER_URL: `amqp://guest:guest@127.0.0.1:${b.amqpPort}/${encodeURIComponent(vhost)}`,
    WARREN_MANAGEMENT_URL: b.managementUrl,
  });
  const browser = await chromium.launch({
    executablePath: process.env.WARREN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const w = await benchWarren(context, await warren.link());
    console.log('Warren', w);
    const m = await benchManagementUi(await context.newPage());
    console.log('Management UI', m);
    const count = QUEUES.toLocaleString('en-US');
    const wFirst = median(w.first);
    const wRevisit = median(w.revisit);
    const wKey = median(w.keystrokes);
    const mFirst = median(m.first);
    const mFilter = median(m.filter);
    const worstKey = Math.max(...w.keystrokes);
    const range = (xs: number[]) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;
    const body = `
${count} classic queues in one vhost (created in ${ms(createMs)} by one definitions import). Machine load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min) at the end of the run. Chromium ${browser.version()}, 1280×800; medians of ${REPEATS} runs (range in brackets). Times run from the action (click, hash change, key press) to the first frame after the DOM shows the result.

| Measure | Warren | Management UI 3.10 | Ratio (UI ÷ Warren) |
| --- | --- | --- | --- |
| First render of the queue table, fresh page load (first page of 100) | ${ms(wFirst)} (${range(w.first)}) | ${ms(mFirst)} (${range(m.first)}) | ${(mFirst / wFirst).toFixed(1)}× |
| First render, back to the page (Warren shows the rows it has and refreshes them with one request) | ${ms(wRevisit)} (${range(w.revisit)}) | ${ms(mFirst)} (fetches again) | ${(mFirst / wRevisit).toFixed(1)}× |
| Filter: keystroke → list updated | ${ms(wKey)} (${range(w.keystrokes)}; client-side over all ${count} rows) | ${ms(mFilter)} (${range(m.filter)}; server-side, applied on Enter) | ${(mFilter / wKey).toFixed(1)}× |
| Every row loaded, from the click (one \`columns=\` request in the background) | ${ms(median(w.full))} (${range(w.full)}) | — (pages of 100) | |

The issue's target, a filter keystroke updating the list within 100 ms: ${worstKey <= 100 ? `met on all ${w.keystrokes.length} keystrokes measured` : `median ${ms(wKey)}, worst ${ms(worstKey)} (${w.keystrokes.filter((x) => x > 100).length} of ${w.keystrokes.length} over 100 ms)`}.
`;
    // Not written to docs/benchmarks.md: this bench does not yet interleave its two sides in one
    // run under the same conditions (see the header of docs/benchmarks.md); its figures are printed only.
    console.log('Printed only, not written to docs/benchmarks.md (not yet to the interleaved standard).');
    console.log(body);
  } finally {
    await browser.close();
    await warren.stop();
    await http.delete(`/vhosts/${encodeURIComponent(vhost)}`).catch(() => undefined);
  }
}

await main();
