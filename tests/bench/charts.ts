/**
 * `npm run bench -- charts`: 500 and then 1,000 watched queues (WARREN_BENCH_QUEUES=500,1000)
 * sampled at 1 Hz for 5 minutes each (WARREN_BENCH_SECONDS), the Charts page open in Chromium.
 *
 * The reference is an empty page in the same browser, measured at the same time (its own context,
 * so its own renderer process): every 30-s window gives both pages' frame rate (rAF callbacks per
 * second) and dropped-frame share, so the machine's load falls on both alike. Also counted: every
 * second of the run (a WebSocket client of the browser host records each tick the main process
 * pushes; a second is a gap when no tick with every queue's value arrived for it, however late;
 * seconds filled from the broker's history are counted apart), the management API's answer times
 * (the sampler's status, read every 30 s), the broker's CPU (its Erlang VM, by the process
 * listening on the management port) while Warren samples against the same span before it did,
 * Warren's main and renderer CPU, how many chart panels the page draws, and memory (main RSS;
 * page heap after a forced GC) from the end of the first 1-minute chart window to the end.
 *
 * Length: 5 min per size, one run each (~12 min for both). Three rounds per size would take over
 * 30 min, past the 40 min that `npm run bench -- all` must fit in; the ten 30-s windows of each run
 * give the spread instead. WARREN_BENCH_ROUNDS=3 runs three.
 */
import amqp from 'amqplib';
import { chromium } from '@playwright/test';
import type { ChartsStatus, ChartTick } from '../../shared/charts/types';
import { testBroker } from '../support/broker';
import { vhostOnRunBroker } from '../support/e2e/run-broker';
import { startWarren } from '../support/e2e/warren-app';
import { callsOver, openLink, pageSocket } from '../support/web-session';
import { listenerOf, mib, processesOf, usage } from './_procs';
import { writeBenchSection } from './_report';
import { loadAverage, printRatio, spread, type Figure } from './_rounds';

const SECONDS = Number(process.env.WARREN_BENCH_SECONDS ?? 300);
const SIZES = (process.env.WARREN_BENCH_QUEUES ?? '500,1000').split(',').map(Number);
const ROUNDS = Number(process.env.WARREN_BENCH_ROUNDS ?? 1);
const WINDOW_S = 60;
const SLOT_S = Math.min(30, SECONDS);
/** The broker's CPU with the same traffic but nobody sampling, measured for this long before. */
const BROKER_ALONE_S = Math.min(30, SECONDS);
const FRAME_MS = 1000 / 60;

/** Seconds at the end of the run left out of the gap count: their answer may still be on its way. */
const SETTLE_S = 5;

/** rAF gaps, collected until read (read empties them). A string: tsx's helpers do not exist in the page. */
const RAF_LOOP = `(() => {
  window.rafGaps = [];
  let last = performance.now();
  const loop = (now) => { window.rafGaps.push(now - last); last = now; requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
})()`;
const TAKE_GAPS = `window.rafGaps.splice(0)`;

interface Frames {
  fps: number;
  dropShare: number;
}

function frames(gaps: number[]): Frames {
  const spanMs = gaps.reduce((a, g) => a + g, 0);
  const expected = spanMs / FRAME_MS;
  const dropped = gaps.reduce((a, g) => a + Math.max(0, Math.round(g / FRAME_MS) - 1), 0);
  return { fps: (gaps.length * 1000) / Math.max(1, spanMs), dropShare: (dropped / Math.max(1, expected)) * 100 };
}

interface Run {
  queues: number;
  wall: number;
  /** Seconds of the run on the 1 s grid (the last SETTLE_S left out). */
  seconds: number;
  /** Of those, seconds with a value for every watched queue; and how many of them came late, from the broker's history. */
  withData: number;
  filled: number;
  /** Ticks that were a gap (no answer) or had a queue without a value. */
  gapTicks: number;
  /** The sampler's request times, per 30-s window: median, p95 and max of the last minute's answers. */
  requestMedians: number[];
  requestP95s: number[];
  requestMax: number;
  panelsDrawn: number;
  panels: number;
  warrenFrames: Frames[];
  emptyFrames: Frames[];
  brokerAlone: number;
  brokerSampling: number;
  mainCpu: number;
  rendererCpu: number;
  rss: { atWindow: number; end: number };
  heap: { atWindow: number; end: number };
  /** Page heap after GC at the end of every 30-s window from the first minute on (is it growing, or settled?). */
  heaps: number[];
}

async function runOnce(queues: number): Promise<Run> {
  const b = testBroker();
  const brokerPid = listenerOf(b.managementPort);
  if (brokerPid === undefined) throw new Error(`no process listens on the management port ${b.managementPort}`);
  const brokerCpu = () => usage([brokerPid]).cpuS;
  const broker = await vhostOnRunBroker('bench-charts');
  const names = Array.from({ length: queues }, (_, i) => `bench-q-${String(i).padStart(4, '0')}`);
  const client = await amqp.connect(broker.amqpUrl);
  const ch = await client.createChannel();
  for (const name of names) await ch.assertQueue(name, { durable: false });
  // Traffic so the series move: ~100 messages/s over the queues, a consumer draining the first 10.
  let n = 0;
  const publisher = setInterval(() => {
    for (let i = 0; i < 10; i++) ch.sendToQueue(names[n++ % queues]!, Buffer.from('x'));
  }, 100);
  const consumer = await client.createChannel();
  await consumer.prefetch(20);
  for (const name of names.slice(0, 10)) await consumer.consume(name, (m) => m && consumer.ack(m));

  // The broker with this traffic and nobody sampling (Warren not started yet).
  const alone0 = brokerCpu();
  const aloneStart = Date.now();
  await new Promise((r) => setTimeout(r, BROKER_ALONE_S * 1000));
  const brokerAlone = ((brokerCpu() - alone0) / ((Date.now() - aloneStart) / 1000)) * 100;

  const warren = await startWarren({ WARREN_BROKER_URL: broker.amqpUrl, WARREN_MANAGEMENT_URL: broker.managementUrl });
  const ticks: { t: number; complete: boolean; filled: boolean }[] = [];
  const observer = pageSocket(await openLink(await warren.link()));
  const calls = callsOver(observer);
  observer.on('message', (data) => {
    const message = JSON.parse(String(data)) as { events?: { event: string; payload: unknown }[] };
    for (const e of message.events ?? []) {
      if (e.event !== 'charts.samples') continue;
      const tick = e.payload as ChartTick;
      // What the user sees: every queue's chart has its ready count for this second.
      const complete = tick.source !== 'none' && tick.queues.length === queues && tick.queues.every((q) => q.row[0] !== null);
      ticks.push({ t: tick.t, complete, filled: tick.filled === true });
    }
  });
  const browser = await chromium.launch({
    executablePath: process.env.WARREN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const empty = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await empty.setContent('<!doctype html><title>empty</title><p>empty</p>');
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(await warren.link());
    await page.getByRole('status', { name: 'Connection status' }).getByText(/Connected/).waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Charts' }).click();
    await page.getByLabel('Queues to watch').fill(names.join(', '));
    await page.getByRole('button', { name: 'Watch' }).click();
    await page.getByRole('radio', { name: '1 min' }).click();
    await page.getByRole('figure', { name: `Chart: ${names[0]}` }).waitFor();
    await page.getByTestId('charts-status').getByText(`${queues} watched`).waitFor();
    await page.evaluate(RAF_LOOP);
    await empty.evaluate(RAF_LOOP);
    const cdp = await page.context().newCDPSession(page);
    const liveHeap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    };
    const browserCdp = await browser.newBrowserCDPSession();
    const rendererCpu = async () => {
      const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
      return processInfo.filter((p) => p.type === 'renderer').reduce((a, p) => a + p.cpuTime, 0);
    };
    // `npm start` serves the page from its own process (scripts/start.mjs imports the server).
    const mainPids = processesOf(warren.dataDir, 'scripts/start.mjs');
    if (mainPids.length === 0) throw new Error('Warren’s main process was not found');
    const requestMedians: number[] = [];
    const requestP95s: number[] = [];
    let requestMax = 0;
    const start = Date.now();
    const firstTick = ticks.length;
    const main0 = usage(mainPids).cpuS;
    const broker0 = brokerCpu();
    const renderer0 = await rendererCpu();
    const warrenFrames: Frames[] = [];
    const emptyFrames: Frames[] = [];
    let atWindow: { rss: number; heap: number } | undefined;
    const heaps: number[] = [];
    for (let slot = 1; slot * SLOT_S <= SECONDS; slot++) {
      await page.waitForTimeout(Math.max(0, start + slot * SLOT_S * 1000 - Date.now()));
      // Both pages' frames of this window, read back to back.
      warrenFrames.push(frames((await page.evaluate(TAKE_GAPS)) as number[]));
      emptyFrames.push(frames((await empty.evaluate(TAKE_GAPS)) as number[]));
      const status = (await calls.call('charts.status', {})) as { ok: boolean; value?: ChartsStatus };
      const stats = status.value?.requestStats;
      if (stats) {
        requestMedians.push(stats.medianMs);
        requestP95s.push(stats.p95Ms);
        requestMax = Math.max(requestMax, stats.maxMs);
      }
      // A forced GC of a ~15 MiB heap costs the page about one frame per window.
      if (slot * SLOT_S >= WINDOW_S) heaps.push(await liveHeap());
      if (!atWindow && heaps.length > 0) atWindow = { rss: usage(mainPids).rssBytes, heap: heaps[0] as number };
    }
    const wall = (Date.now() - start) / 1000;
    const mainCpu = ((usage(mainPids).cpuS - main0) / wall) * 100;
    const brokerSampling = ((brokerCpu() - broker0) / wall) * 100;
    const rendererCpuShare = (((await rendererCpu()) - renderer0) / wall) * 100;
    const end = { rss: usage(mainPids).rssBytes, heap: await liveHeap() };
    const panels = await page.locator('[data-drawn]').count();
    const panelsDrawn = await page.locator('[data-drawn="true"]').count();
    // Every second of the run on the sampler's grid, by sample time (a late one still counts).
    await page.waitForTimeout(SETTLE_S * 1000);
    const from = start;
    const until = start + (wall - SETTLE_S) * 1000;
    // Whole seconds [from, from + seconds·1000) only: a sample on the closing edge belongs to the
    // second after the run, and a last second cut short may end before its sample was due.
    const seconds = Math.floor((until - from) / 1000);
    const run = ticks.slice(firstTick).filter((k) => k.t >= from && k.t < from + seconds * 1000);
    const complete = new Set(run.filter((k) => k.complete).map((k) => Math.floor((k.t - from) / 1000)));
    const filled = new Set(run.filter((k) => k.complete && k.filled).map((k) => Math.floor((k.t - from) / 1000)));
    return {
      queues,
      wall,
      seconds,
      withData: complete.size,
      filled: filled.size,
      gapTicks: run.filter((k) => !k.complete).length,
      requestMedians,
      requestP95s,
      requestMax,
      panels,
      panelsDrawn,
      warrenFrames,
      emptyFrames,
      brokerAlone,
      brokerSampling,
      mainCpu,
      rendererCpu: rendererCpuShare,
      rss: { atWindow: atWindow?.rss ?? NaN, end: end.rss },
      heap: { atWindow: atWindow?.heap ?? NaN, end: end.heap },
      heaps,
    };
  } finally {
    clearInterval(publisher);
    observer.close();
    await browser.close();
    await warren.stop();
    await client.close().catch(() => undefined);
    await broker.remove();
  }
}

const orNaN = (xs: number[]) => (xs.length > 0 ? xs : [NaN]);
const pct = (x: number) => `${x.toFixed(1)} %`;
const growth = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)} %`;
const spreadOf = (xs: number[], digits = 1) => {
  const s = spread(xs);
  return `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
};

async function main() {
  const loadStart = loadAverage();
  const runs: Run[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const queues of SIZES) {
      console.log(`round ${round}: ${queues} watched queues for ${SECONDS} s…`);
      runs.push(await runOnce(queues));
      const r = runs.at(-1)!;
      console.log(`  ${r.withData} of ${r.seconds} s with data (${r.filled} filled late), ${r.seconds - r.withData} gaps; frames ${spreadOf(r.warrenFrames.map((f) => f.fps))} fps vs empty page ${spreadOf(r.emptyFrames.map((f) => f.fps))}`);
    }
  }
  const loadEnd = loadAverage();
  const rows: string[] = [];
  for (const queues of SIZES) {
    const mine = runs.filter((r) => r.queues === queues);
    const wFrames = mine.flatMap((r) => r.warrenFrames);
    const eFrames = mine.flatMap((r) => r.emptyFrames);
    const fpsFigure: Figure = { name: `${queues} watched queues: frames per second, Charts page ÷ empty page`, reference: spread(eFrames.map((f) => f.fps)), warren: spread(wFrames.map((f) => f.fps)) };
    const samplesFigure: Figure = { name: `${queues} watched queues: seconds with data ÷ seconds of the run`, reference: spread([1]), warren: spread(mine.map((r) => r.withData / r.seconds)) };
    printRatio(fpsFigure);
    printRatio(samplesFigure);
    const dropGap = spread(wFrames.map((f, i) => f.dropShare - (eFrames[i]?.dropShare ?? NaN)));
    const seconds = mine.reduce((a, r) => a + r.seconds, 0);
    const withData = mine.reduce((a, r) => a + r.withData, 0);
    const filled = mine.reduce((a, r) => a + r.filled, 0);
    const gapTicks = mine.reduce((a, r) => a + r.gapTicks, 0);
    const last = mine.at(-1)!;
    rows.push(
      `| **${queues.toLocaleString('en')} queues** | | |`,
      `| Seconds of the run with every queue's value (one sample a second expected; late ones count) | ${withData} of ${seconds}: **${seconds - withData} gaps**; ${filled} of them filled late from the broker's per-second history; ${gapTicks} samples pushed without every queue's value | ratio **${samplesFigure.warren.median.toFixed(2)}** |`,
      `| Management API answer (all queues + overview), per 30-s window: median; p95; max of the run | ${spreadOf(orNaN(last.requestMedians), 0)} ms; ${spreadOf(orNaN(last.requestP95s), 0)} ms; ${Math.round(last.requestMax)} ms | |`,
      `| Chart panels drawn (on screen) of those on the page | ${last.panelsDrawn} of ${last.panels} | |`,
      `| Frames per second, per 30-s window: Charts page vs empty page at the same time | ${spreadOf(wFrames.map((f) => f.fps))} vs ${spreadOf(eFrames.map((f) => f.fps))} | ratio **${(fpsFigure.warren.median / fpsFigure.reference.median).toFixed(2)}** |`,
      `| Dropped-frame share, per window: Charts page vs empty page (difference, goal ≤ 3 points) | ${spreadOf(wFrames.map((f) => f.dropShare))} % vs ${spreadOf(eFrames.map((f) => f.dropShare))} % (difference ${dropGap.median.toFixed(1)}, worst window ${dropGap.max.toFixed(1)}) | ${Math.abs(dropGap.median) <= 3 ? 'holds' : '**does not hold**'} |`,
      `| Broker CPU (its Erlang VM): same traffic, nobody sampling → Warren sampling | ${mine.map((r) => `${pct(r.brokerAlone)} → ${pct(r.brokerSampling)}`).join('; ')} of one core | cost ${pct(spread(mine.map((r) => r.brokerSampling - r.brokerAlone)).median)} |`,
      `| Warren main process CPU; renderer processes CPU (OS time ÷ wall) | ${mine.map((r) => `${pct(r.mainCpu)}; ${pct(r.rendererCpu)}`).join(' / ')} of one core | |`,
      `| Main RSS, end of the first 1-min window → end | ${mine.map((r) => `${mib(r.rss.atWindow)} → ${mib(r.rss.end)} (${growth(r.rss.atWindow, r.rss.end)})`).join('; ')} | |`,
      `| Page JS heap after GC, end of the first window → end | ${mine.map((r) => `${mib(r.heap.atWindow)} → ${mib(r.heap.end)} (${growth(r.heap.atWindow, r.heap.end)})`).join('; ')} | |`,
      `| Page JS heap after GC at the end of each 30-s window from the first minute (MiB) | ${mine.map((r) => r.heaps.map((h) => (h / 2 ** 20).toFixed(1)).join(', ')).join('; ')} | |`,
    );
  }
  const body = `
Watched queues in one vhost (~100 messages/s published across them, 10 drained), sampled every second by Warren's main process: one management API request at a time for all of them plus one for the broker totals; a second whose request could not start in time (the previous answer was late) is filled by the next request from the broker's own per-second history (main/service/charts/cadence.ts). The Charts page open in Chromium (1280×800, 1-minute window, 12 of the queues' charts on the page, only the panels on screen drawn). The reference for frames is an empty page in the same browser, in its own context, measured over the same 30-s windows at the same time (so the machine's load falls on both). ${ROUNDS} run${ROUNDS === 1 ? '' : 's'} of ${SECONDS} s per size${ROUNDS === 1 ? ' (three rounds of 5 min per size would take over 30 min, past the 40 min `npm run bench -- all` must fit in; the spread is over the 30-s windows of the run; `WARREN_BENCH_ROUNDS=3` runs three)' : ''}. Median (min–max).

| Measure | Value | |
| --- | --- | --- |
${rows.join('\n')}

Load average (1 / 5 / 15 min): ${loadStart} at start, ${loadEnd} at end.
`;
  console.log(body);
  writeBenchSection('charts', 'Charts: 500 and 1,000 watched queues at 1 Hz', body);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

