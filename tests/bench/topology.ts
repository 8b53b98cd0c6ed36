/**
 * `npm run bench -- topology`: N queues (10,000; WARREN_BENCH_QUEUES=100000 for the big run) in one
 * vhost of one broker; Warren's Topology page against RabbitMQ's management UI queues page, both in
 * the same Chromium, a fresh browser context for every round (signed in already: each side's
 * saved cookie and storage), rounds interleaved (management UI, Warren, …) after one warm-up each.
 *
 * Per round, on each side: page load (navigation start) → the first frame showing queue rows;
 * then, half a second later, a user types "q-0999" (a key every 120 ms; the management UI applies
 * its filter on Enter, so Enter is pressed after the last key, as its user must) and the clock
 * runs from the first key press to the first frame showing only the matching rows (all of them).
 * Long tasks (PerformanceObserver 'longtask') are collected while typing. After each Warren round:
 * Warren's main process RSS and the page's JS heap after a forced GC.
 */
import os from 'node:os';
import axios from 'axios';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { testBroker } from '../support/broker';
import { startWarren } from '../support/e2e/warren-app';
import { writeBenchSection } from './_report';
import { setStatisticsInterval } from './_statistics';
import { FULL_LIST_MAX_ROWS } from '../../shared/topology/types';
import { listenerOf, mib, processesOf, usage } from './_procs';
import { loadAverage, printRatio, showSpread, spread, type Figure, type Spread } from './_rounds';

const QUEUES = Number(process.env.WARREN_BENCH_QUEUES ?? 10_000);
/**
 * Over 20,000 queues the broker runs RabbitMQ's default statistics interval (5 s) instead of the
 * sandbox's 1 s, which alone kept it at ~170 % CPU with 100,000 queues (tests/bench/_statistics.ts).
 */
const BIG = QUEUES > 20_000;
/** Runs over a minute: 3 rounds. */
const ROUNDS = Number(process.env.WARREN_BENCH_ROUNDS ?? (BIG ? 3 : 5));
/** Typed as a user types it; matches q-09990 … q-09999 in every service: 10 queues. */
const TYPED = 'q-0999';
const MATCHES = 10;
const KEY_DELAY_MS = 120;
/** 100,000 queues: four imports of 25,000 took ~6 min here; one queue at a time is far slower. */
const IMPORT_CHUNK = 25_000;
/** The broker counts as quiet within this share of one core of its use at rest. */
const QUIET_MARGIN = 0.25;
const SETTLE_MAX_MS = 180_000;

const b = testBroker();
/** WARREN_BENCH_VHOST: go on with the queues a stopped run left (creating only the missing chunks). */
const vhost = process.env.WARREN_BENCH_VHOST ?? `warren-bench-topology-${Date.now().toString(36)}`;
const http = axios.create({ baseURL: `${b.managementUrl}/api`, auth: { username: 'guest', password: 'guest' }, timeout: 600_000 });
const ms = (x: number) => (x === Infinity ? 'none in 4 min' : `${Math.round(x).toLocaleString('en')} ms`);
const count = QUEUES.toLocaleString('en');

async function createQueues(): Promise<number> {
  await http.put(`/vhosts/${encodeURIComponent(vhost)}`, {});
  await http.put(`/permissions/${encodeURIComponent(vhost)}/guest`, { configure: '.*', write: '.*', read: '.*' });
  const services = ['orders', 'email', 'billing', 'audit', 'search'];
  const started = Date.now();
  // Definitions imports of the vhost, in chunks the broker takes in one request each.
  const existing = await http.get<{ total_count: number }>(`/queues/${encodeURIComponent(vhost)}`, { params: { page: 1, page_size: 1, columns: 'name' } });
  for (let from = Math.floor(existing.data.total_count / IMPORT_CHUNK) * IMPORT_CHUNK; from < QUEUES; from += IMPORT_CHUNK) {
    const queues = Array.from({ length: Math.min(IMPORT_CHUNK, QUEUES - from) }, (_, k) => {
      const i = from + k;
      return { name: `${services[i % services.length]}.q-${String(i).padStart(5, '0')}`, durable: false, auto_delete: false, arguments: {} };
    });
    // A busy broker may close the connection of a long import while it goes on importing:
    // then wait for its queues to appear, and send the chunk again only if they do not.
    await http.post(`/definitions/${encodeURIComponent(vhost)}`, { queues }).catch(async (err: unknown) => {
      console.log(`  the import of ${from}… ended with ${(err as Error).message}; waiting for its queues`);
      if (!(await queueCountReaches(from + queues.length, 300_000))) await http.post(`/definitions/${encodeURIComponent(vhost)}`, { queues });
    });
  }
  if (!(await queueCountReaches(QUEUES, 600_000))) throw new Error(`the broker did not reach ${QUEUES} queues`);
  return Date.now() - started;
}

async function queueCountReaches(n: number, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    const page = await http.get<{ total_count: number }>(`/queues/${encodeURIComponent(vhost)}`, { params: { page: 1, page_size: 1, columns: 'name' } }).catch(() => undefined);
    if ((page?.data.total_count ?? 0) >= n) return true;
    await new Promise((r) => setTimeout(r, 2000));
  }
  return false;
}

/** After the management applications restarted: their listener answers again. */
async function managementAnswers(withinMs: number): Promise<void> {
  const until = Date.now() + withinMs;
  while (!(await http.get('/overview').then(() => true, () => false))) {
    if (Date.now() > until) throw new Error('the management API did not come back');
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Installed before any page script: long tasks, and the first frame (rAF, then a task) after the
 * rows under `rowsSelector` include a queue. A string: tsx's helpers do not exist in the page.
 */
const probe = (rowsSelector: string) => `(() => {
  const p = (window.__probe = { longtasks: [], firstRows: undefined, watch: undefined });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) p.longtasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
  const rows = () => [...document.querySelectorAll(${JSON.stringify(rowsSelector)})].map((r) => r.textContent || '');
  p.rows = rows;
  let seen = false;
  const observer = new MutationObserver(() => {
    if (!seen && rows().some((t) => t.includes('.q-'))) {
      seen = true;
      requestAnimationFrame(() => setTimeout(() => { p.firstRows = performance.now(); }));
    }
    if (p.watch && !p.watch.done && p.watch.holds(rows())) {
      p.watch.done = true;
      requestAnimationFrame(() => setTimeout(() => { p.watch.at = performance.now(); }));
    }
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
})()`;

interface Side {
  name: string;
  url: () => string;
  rowsSelector: string;
  filterSelector: string;
  /** The management UI applies its filter on Enter. */
  enter: boolean;
  /** Warren: true in the page once every row is there (the UI only ever holds a page of 100). */
  allRows?: string;
  context: () => Promise<BrowserContext>;
}

interface Round {
  firstRows: number;
  filter: number;
  /** Warren, with the filter typed: page load → every row here, and the longest task while they arrived. */
  arrival?: { allRows: number; longestTask: number };
  longestTask: number;
  heapBytes: number;
}

/** Polls an expression (page.waitForFunction compiles strings with eval, which Warren's CSP forbids). */
/** How long a page may take to show what a round waits for (the management UI's page of 100,000 queues can take minutes). */
const PAGE_WAIT_MS = 240_000;

async function until(page: Page, expression: string): Promise<void> {
  const deadline = Date.now() + PAGE_WAIT_MS;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) {
      // What the page says instead (the management UI's status line, an error notice…).
      const shown = (await page.evaluate(`(document.querySelector('#status')?.textContent ?? '') + ' | ' + (document.querySelector('main, #main')?.textContent ?? '').slice(0, 400)`).catch(() => '')) as string;
      throw new Error(`timed out waiting for ${expression}; the page shows: ${shown.replace(/\s+/g, ' ')}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** One request's time, for the log: what each side's first request costs the broker now. */
async function timed(label: string, path: string, params: Record<string, string | number | boolean>): Promise<void> {
  const started = Date.now();
  const outcome = await http.get(path, { params }).then(
    (r) => `${r.status}, ${Math.round(JSON.stringify(r.data).length / 1024)} KB`,
    (err: unknown) => (err as Error).message,
  );
  console.log(`  ${label}: ${ms(Date.now() - started)} (${outcome})`);
}

/**
 * A round whose page never showed what it waits for (PAGE_WAIT_MS) counts as never: its times
 * are Infinity (shown "none in 4 min"), and the run goes on with the next round.
 */
async function round(side: Side): Promise<Round> {
  return measuredRound(side).catch((err: unknown) => {
    console.log(`  ${side.name}: ${(err as Error).message}`);
    return { firstRows: Infinity, filter: Infinity, longestTask: Number.NaN, heapBytes: Number.NaN };
  });
}

async function measuredRound(side: Side): Promise<Round> {
  const context = await side.context();
  try {
    await context.addInitScript(probe(side.rowsSelector));
    const page = await context.newPage();
    await page.goto(side.url(), { waitUntil: 'commit' });
    await until(page, 'window.__probe.firstRows !== undefined');
    const firstRows = (await page.evaluate('window.__probe.firstRows')) as number;
    await page.waitForTimeout(500);
    const input = page.locator(side.filterSelector);
    await input.focus();
    await page.evaluate(`(() => {
      const p = window.__probe;
      p.watch = { holds: (rows) => rows.length === ${MATCHES} && rows.every((t) => t.includes(${JSON.stringify(TYPED)})) };
      window.addEventListener('keydown', (e) => { p.watch.t0 = e.timeStamp; }, { capture: true, once: true });
    })()`);
    await page.keyboard.type(TYPED, { delay: KEY_DELAY_MS });
    if (side.enter) await page.keyboard.press('Enter');
    const answered = await until(page, 'window.__probe.watch.at !== undefined').then(
      () => true,
      (err: unknown) => (console.log(`  ${side.name}: ${(err as Error).message}`), false),
    );
    // The first rows came; the filter did not answer in PAGE_WAIT_MS.
    if (!answered) return { firstRows, filter: Infinity, longestTask: Number.NaN, heapBytes: Number.NaN };
    const took = (await page.evaluate(`(() => {
      const w = window.__probe.watch;
      const during = window.__probe.longtasks.filter((t) => t.start + t.duration >= w.t0 && t.start <= w.at);
      return { filter: w.at - w.t0, longestTask: Math.max(0, ...during.map((t) => t.duration)) };
    })()`)) as { filter: number; longestTask: number };
    const arrival = side.allRows === undefined ? undefined : await arrived(page, side.allRows);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return { firstRows, ...took, ...(arrival ? { arrival } : {}), heapBytes: heap.usedSize };
  } finally {
    await context.close();
  }
}

/**
 * With the filter still typed, the page keeps reading every row in the background: waits until
 * they are all there, and takes the longest main-thread task since the filter answered (the
 * user may be typing while the rows land).
 */
async function arrived(page: Page, allRows: string): Promise<{ allRows: number; longestTask: number }> {
  const here = await until(page, allRows).then(
    () => true,
    (err: unknown) => (console.log(`  Warren: ${(err as Error).message}`), false),
  );
  if (!here) return { allRows: Infinity, longestTask: Number.NaN };
  return (await page.evaluate(`(() => {
    const p = window.__probe;
    const after = p.longtasks.filter((t) => t.start + t.duration >= p.watch.at);
    return { allRows: performance.now(), longestTask: Math.max(0, ...after.map((t) => t.duration)) };
  })()`)) as { allRows: number; longestTask: number };
}

async function signedIn(browser: Browser, sign: (context: BrowserContext) => Promise<void>) {
  const context = await browser.newContext();
  await sign(context);
  const state = await context.storageState();
  await context.close();
  return () => browser.newContext({ viewport: { width: 1280, height: 800 }, storageState: state });
}

const asRate = (name: string, reference: Spread, warren: Spread): Figure => ({
  name,
  reference: spread(reference.values.map((x) => 1000 / x)),
  warren: spread(warren.values.map((x) => 1000 / x)),
});

async function main() {
  const loadStart = loadAverage();
  const statisticsS = BIG ? setStatisticsInterval(5) : undefined;
  if (statisticsS !== undefined) {
    await managementAnswers(60_000);
    console.log(`The broker's statistics interval is now ${statisticsS} s`);
  }
  console.log(`Creating ${count} queues in ${vhost}…`);
  const createMs = await createQueues();
  console.log(`  done in ${ms(createMs)}`);
  const brokerPid = listenerOf(b.managementPort);
  const brokerShare = async (seconds: number) => {
    const before = usage(brokerPid === undefined ? [] : [brokerPid]).cpuS;
    await new Promise((r) => setTimeout(r, seconds * 1000));
    return (usage(brokerPid === undefined ? [] : [brokerPid]).cpuS - before) / seconds;
  };
  // The broker with these queues and nobody asking it anything (after 20 s for the imports' tail),
  // then with Warren connected (its charts sampler reads /api/overview every second): what Warren
  // costs the broker in the background.
  await new Promise((r) => setTimeout(r, 20_000));
  const restAlone = await brokerShare(10);
  const warren = await startWarren({
    WARREN_BROKER_URL: `amqp://guest:guest@127.0.0.1:${b.amqpPort}/${encodeURIComponent(vhost)}`,
    WARREN_MANAGEMENT_URL: b.managementUrl,
  });
  const browser = await chromium.launch({
    executablePath: process.env.WARREN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const warrenContext = await signedIn(browser, async (context) => {
      const page = await context.newPage();
      await page.goto(await warren.link());
      await page.getByRole('status', { name: 'Connection status' }).filter({ hasText: /Connected/ }).waitFor({ timeout: 60_000 });
    });
    const managementContext = await signedIn(browser, async (context) => {
      const page = await context.newPage();
      await page.goto(`${b.managementUrl}/`);
      await page.locator('input[name=username]').fill('guest');
      await page.locator('input[name=password]').fill('guest');
      // The login loads the Overview page, which a broker with many queues answers slowly.
      await page.locator('input[type=submit]').click({ timeout: 300_000 });
      await page.locator('#main h1').first().waitFor({ timeout: 300_000 });
      // This vhost only, as Warren shows its connection's vhost.
      await page.locator('#show-vhost').selectOption(vhost);
      await page.waitForTimeout(500);
    });
    const sides: { reference: Side; warren: Side } = {
      reference: {
        name: 'management UI',
        url: () => `${b.managementUrl}/#/queues`,
        rowsSelector: '#main table.list tbody tr',
        filterSelector: '#queues-name',
        enter: true,
        context: managementContext,
      },
      warren: {
        name: 'Warren',
        url: () => `${warren.origin}/#/topology`,
        rowsSelector: '[role=table][aria-label=Queues] [role=row][aria-rowindex]:not([aria-rowindex="1"])',
        filterSelector: '#filter-queues',
        enter: false,
        // The count once the page filters every row itself: "10 of 100,000 queues".
        // Over FULL_LIST_MAX_ROWS Warren never reads the list whole: nothing to wait for.
        ...(QUEUES <= FULL_LIST_MAX_ROWS ? { allRows: `(document.querySelector('[data-testid=topo-count]')?.textContent ?? '') === ${JSON.stringify(`${MATCHES} of ${count} queues`)}` } : {}),
        context: warrenContext,
      },
    };
    // Warren's main process: `npm start` runs it inside scripts/start.mjs; started directly, it is dist/main/web.mjs.
    const mainPids = () => [...processesOf(warren.dataDir, 'scripts/start.mjs'), ...processesOf(warren.dataDir, 'dist/main/web.mjs')];
    const results: { reference: Round[]; warren: Round[]; rss: number[] } = { reference: [], warren: [], rss: [] };
    // Each round leaves the broker working (a page's requests still being answered after its
    // context closed, Warren's full list in the background): the next round starts once the
    // broker is quiet again, so neither side pays for the other's work.
    // The broker at rest with these queues (its statistics): quiet is within a quarter core of it.
    const rest = await brokerShare(10);
    console.log(`The broker's CPU at rest: ${Math.round(restAlone * 100)} % of a core before Warren started, ${Math.round(rest * 100)} % with Warren connected`);
    const queuesPath = `/queues/${encodeURIComponent(vhost)}`;
    await timed("the management UI's first page request", queuesPath, { page: 1, page_size: 100, name: '', use_regex: false, pagination: true });
    await timed("Warren's first page request", queuesPath, { page: 1, page_size: 100, columns: 'name,vhost,type,state,messages,consumers' });
    await timed("Warren's charts sampler's request (every second)", '/overview', { columns: 'queue_totals,object_totals,message_stats' });
    const quiet = rest + QUIET_MARGIN;
    const settled: number[] = [];
    const settle = async () => {
      const started = Date.now();
      if (brokerPid === undefined) return;
      for (;;) {
        if ((await brokerShare(2)) < quiet || Date.now() - started > SETTLE_MAX_MS) break;
      }
      settled.push(Date.now() - started);
    };
    // The warm-up is each side's first visit (nothing remembered anywhere yet): reported on its own.
    console.log('warm-up: management UI, Warren');
    await settle();
    const firstVisit = { reference: await round(sides.reference), warren: { firstRows: 0, filter: 0, longestTask: 0, heapBytes: 0 } };
    await settle();
    firstVisit.warren = await round(sides.warren);
    await settle();
    console.log(`  first visit: first rows ${ms(firstVisit.reference.firstRows)} / ${ms(firstVisit.warren.firstRows)}, filter ${ms(firstVisit.reference.filter)} / ${ms(firstVisit.warren.filter)}, longest task while typing ${ms(firstVisit.reference.longestTask)} / ${ms(firstVisit.warren.longestTask)} (management UI / Warren)`);
    for (let i = 1; i <= ROUNDS; i++) {
      const r = await round(sides.reference);
      await settle();
      const w = await round(sides.warren);
      await settle();
      results.reference.push(r);
      results.warren.push(w);
      results.rss.push(usage(mainPids()).rssBytes);
      console.log(`  round ${i}: first rows ${ms(r.firstRows)} / ${ms(w.firstRows)}, filter ${ms(r.filter)} / ${ms(w.filter)}, longest task while typing ${ms(r.longestTask)} / ${ms(w.longestTask)} (management UI / Warren)${w.arrival ? `; Warren: every row at ${ms(w.arrival.allRows)}, longest task meanwhile ${ms(w.arrival.longestTask)}` : ''}`);
    }
    const of = (side: 'reference' | 'warren', key: 'firstRows' | 'filter' | 'longestTask' | 'heapBytes') => spread(results[side].map((x) => x[key]));
    const first = asRate(`${count} queues: page load → first rows`, of('reference', 'firstRows'), of('warren', 'firstRows'));
    const filter = asRate(`${count} queues: filter, first key → only matches`, of('reference', 'filter'), of('warren', 'filter'));
    printRatio(first);
    printRatio(filter);
    const loadEnd = loadAverage();
    const msSpread = (s: Spread) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;
    const longest = of('warren', 'longestTask');
    const arrivalSpread = (key: 'allRows' | 'longestTask') =>
      QUEUES > FULL_LIST_MAX_ROWS ? `never (over ${FULL_LIST_MAX_ROWS.toLocaleString('en')} rows)` : msSpread(spread(results.warren.map((r) => r.arrival?.[key] ?? Number.NaN)));
    const body = `
${count} classic queues in one vhost (created in ${ms(createMs)} by definitions imports), one broker; Chromium ${browser.version()}, 1280×800, a fresh browser context for every round (each side signed in through its saved cookie and storage). One warm-up of each side, then ${ROUNDS} rounds interleaved (management UI, Warren, …). Median (min–max).

- **First rows**: from navigation start to the first frame showing queue rows (Warren: \`#/topology\`; management UI 3.10: \`#/queues\`, which pages 100 rows).
- **Filter**: half a second after the first rows, "${TYPED}" is typed, a key every ${KEY_DELAY_MS} ms; the management UI applies its filter on Enter, pressed after the last key, as its user must. From the first key press to the first frame showing only the ${MATCHES} matching rows.

| Figure | Management UI | Warren | Warren ÷ UI (rate) |
| --- | ---: | ---: | ---: |
| Page load → first rows | ${msSpread(of('reference', 'firstRows'))} | ${msSpread(of('warren', 'firstRows'))} | **${(first.warren.median / first.reference.median).toFixed(2)}** |
| Filter: first key → only matches | ${msSpread(of('reference', 'filter'))} | ${msSpread(of('warren', 'filter'))} | **${(filter.warren.median / filter.reference.median).toFixed(2)}** |
| Longest main-thread task while typing (longtask) | ${msSpread(of('reference', 'longestTask'))} | ${msSpread(longest)} | |
| Warren, filter still typed: page load → every row here | — | ${arrivalSpread('allRows')} | |
| Warren: longest main-thread task while every row arrives (filter typed) | — | ${arrivalSpread('longestTask')} | |
| Page JS heap after GC, end of round (Warren: every row here) | ${mib(of('reference', 'heapBytes').median)} | ${mib(of('warren', 'heapBytes').median)} | |
| First visit (the warm-up: nothing remembered yet), one round: first rows; filter | ${ms(firstVisit.reference.firstRows)}; ${ms(firstVisit.reference.filter)} | ${ms(firstVisit.warren.firstRows)}; ${ms(firstVisit.warren.filter)} | ${(firstVisit.reference.firstRows / firstVisit.warren.firstRows).toFixed(2)}; ${(firstVisit.reference.filter / firstVisit.warren.filter).toFixed(2)} |
| Warren main process RSS after each round | — | ${mib(spread(results.rss).median)} (${mib(spread(results.rss).min)}–${mib(spread(results.rss).max)}) | |

${statisticsS === undefined ? "The broker emits statistics every second (Warren's sandbox setting)." : `The broker emits statistics every ${statisticsS} s (RabbitMQ's default, set for this run: at 1 s, 100,000 queues alone kept it at ~170 % CPU of this 2-core machine); one broker for both sides.`}

Before every round the bench waits until the broker's VM is back within ${Math.round(QUIET_MARGIN * 100)} % of one core of its use at rest with these queues (${Math.round(rest * 100)} % with Warren connected and no page open, ${Math.round(restAlone * 100)} % before Warren started; 2-s samples; waits ${msSpread(spread(settled))}), so no round pays for the previous one's leftover requests. ${
  QUEUES <= FULL_LIST_MAX_ROWS
    ? `Warren's rows before its full list arrives come from the service's memory of its last full list (shown "as of" their time, and refreshed at once) or, without one, from the broker's first page; its filter before every row is here is answered from that memory or by the broker's \`name=\` filter. Over 2,000 rows such a page is read by name (main/service/topology/page-by-name.ts): the broker's page of names without statistics (\`disable_stats=true\`), then each of those rows on its own.`
    : `Over ${FULL_LIST_MAX_ROWS.toLocaleString('en')} queues Warren never reads the list whole (the broker closes a request silent for 60 s, and a full list of ${count} queues takes it longer than that here): its first rows are the last first page the service read (shown "as of" its time, and asked of the broker again at once) or, on a first visit, from the broker; its filter (asked once typing pauses for 300 ms) is answered from the table's names, which the service reads without statistics in the background once a first page shows the table is that big (the matching rows are then read one by one, and the broker's own filter is asked next and replaces them), or, before it has them, by the broker. A page from the broker is read by name (main/service/topology/page-by-name.ts): the broker's page of names without statistics (\`disable_stats=true\`, its \`name=\` filter, the same paging), then each of those rows on its own (at most 100 reads of ~5 ms, 8 at a time), where the management UI's one page with statistics makes the broker gather and sort every queue's statistics first.`
}

No main-thread task over 200 ms while typing in Warren: ${longest.max <= 200 ? `holds (longest ${ms(longest.max)})` : `does not hold (longest ${ms(longest.max)})`}. Rates for the ratio are 1 ÷ time. Load average (1 / 5 / 15 min): ${loadStart} at start, ${loadEnd} at end.
`;
    console.log(body);
    // The section names the command that makes it, with the queue count when it is not the default.
    if (process.env.WARREN_BENCH_QUEUES !== undefined) process.env.WARREN_BENCH_COMMAND = `WARREN_BENCH_QUEUES=${QUEUES} ${process.env.WARREN_BENCH_COMMAND ?? 'npm run bench -- topology'}`;
    writeBenchSection(`topology-${QUEUES}`, `Topology: ${count} queues, Warren vs the management UI`, body);
    console.log(`first rows: ${showSpread(of('warren', 'firstRows'))} vs ${showSpread(of('reference', 'firstRows'))} ms; load ${loadEnd}; ${os.cpus().length} cores`);
  } finally {
    await browser.close();
    await warren.stop();
    // A vhost handed in (WARREN_BENCH_VHOST) stays for the next run; the run's own goes.
    if (process.env.WARREN_BENCH_VHOST === undefined) await http.delete(`/vhosts/${encodeURIComponent(vhost)}`).catch(() => undefined);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
