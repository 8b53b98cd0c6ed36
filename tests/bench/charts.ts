/**
 * `npm run bench -- charts`: 500 watched queues sampled at 1 Hz for 5 minutes
 * (WARREN_BENCH_SECONDS shortens it while developing). Measures every sample the main process
 * pushes (a WebSocket client of the browser host records each `charts.samples` tick: its time,
 * whether it is a gap, and its management API request time), the main process' CPU and memory
 * (/proc), the renderer's CPU and JS heap (Chromium's Performance metrics; heap read after a
 * forced GC), dropped frames (requestAnimationFrame gaps), and whether memory stays flat once the
 * first 1-minute window has filled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import amqp from 'amqplib';
import { chromium } from '@playwright/test';
import type { ChartTick } from '../../shared/charts/types';
import { vhostOnRunBroker } from '../support/e2e/run-broker';
import { startWarren } from '../support/e2e/warren-app';
import { openLink, pageSocket } from '../support/web-session';

const SECONDS = Number(process.env.WARREN_BENCH_SECONDS ?? 300);
const QUEUES = Number(process.env.WARREN_BENCH_QUEUES ?? 500);
const WINDOW_S = 60;
const TICK = 100; // clock ticks per second (/proc)

function processesOf(dataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').includes(`WARREN_DATA_DIR=${dataDir}`)) pids.push(Number(entry));
    } catch {
      // Gone, or not ours.
    }
  }
  return pids;
}

/** CPU seconds and resident bytes of the Warren processes (not the broker: it is detached and has its own env). */
function usage(pids: number[]): { cpuS: number; rssBytes: number } {
  let cpu = 0;
  let rss = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu += (Number(fields[11]) + Number(fields[12])) / TICK;
      rss += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
    } catch {
      // Exited.
    }
  }
  return { cpuS: cpu, rssBytes: rss };
}

const BASELINE_S = 15;
/** Dropped frames: gaps between animation frames longer than 1.5 frames (60 Hz). A string, not a
 * function: tsx's helpers (__name) do not exist in the page. */
const RAF_LOOP = `(() => {
  window.rafGaps = [];
  let last = performance.now();
  const loop = (now) => { window.rafGaps.push(now - last); last = now; requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
})()`;
const FRAME_MS = 1000 / 60;

function dropStats(gaps: number[]) {
  const expected = gaps.reduce((a, g) => a + g, 0) / FRAME_MS;
  const dropped = gaps.reduce((a, g) => a + Math.max(0, Math.round(g / FRAME_MS) - 1), 0);
  return { expected, dropped, share: (dropped / Math.max(1, expected)) * 100, long: gaps.filter((g) => g > 100).length };
}

async function frameDrops(page: import('@playwright/test').Page, seconds: number) {
  await page.setContent('<!doctype html><title>baseline</title><p>baseline</p>');
  await page.evaluate(RAF_LOOP);
  await page.waitForTimeout(seconds * 1000);
  return dropStats((await page.evaluate('window.rafGaps')) as number[]);
}

const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

async function main() {
  const broker = await vhostOnRunBroker('bench-charts');
  const names = Array.from({ length: QUEUES }, (_, i) => `bench-q-${String(i).padStart(3, '0')}`);
  const client = await amqp.connect(broker.amqpUrl);
  const ch = await client.createChannel();
  for (const name of names) await ch.assertQueue(name, { durable: false });
  // Traffic so the series move: ~100 messages/s over the queues, a consumer draining the first 10.
  let n = 0;
  const publisher = setInterval(() => {
    for (let i = 0; i < 10; i++) ch.sendToQueue(names[n++ % QUEUES]!, Buffer.from('x'));
  }, 100);
  const consumer = await client.createChannel();
  await consumer.prefetch(20);
  for (const name of names.slice(0, 10)) await consumer.consume(name, (m) => m && consumer.ack(m));

  const warren = await startWarren({ WARREN_BROKER_URL: broker.amqpUrl, WARREN_MANAGEMENT_URL: broker.managementUrl });
  // Every tick the sampler pushes, as any client of the browser host receives it.
  const ticks: { at: number; t: number; gap: boolean; requestMs?: number; queues: number }[] = [];
  // A session of its own, from a one-time link, as a page gets one.
  const observer = pageSocket(await openLink(await warren.link()));
  observer.on('message', (data) => {
    const message = JSON.parse(String(data)) as { events?: { event: string; payload: unknown }[] };
    for (const e of message.events ?? []) {
      if (e.event !== 'charts.samples') continue;
      const tick = e.payload as ChartTick;
      ticks.push({ at: Date.now(), t: tick.t, gap: tick.source === 'none', requestMs: tick.requestMs, queues: tick.queues.length });
    }
  });
  const browser = await chromium.launch({
    executablePath: process.env.WARREN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Baseline: frames an empty page drops on this machine right now (other processes share its cores).
    const baseline = await frameDrops(page, BASELINE_S);
    await page.goto(await warren.link());
    await page.getByRole('status', { name: 'Connection status' }).getByText(/Connected/).waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Charts' }).click();
    await page.getByLabel('Queues to watch').fill(names.join(', '));
    await page.getByRole('button', { name: 'Watch' }).click();
    await page.getByRole('radio', { name: '1 min' }).click();
    await page.getByRole('figure', { name: `Chart: ${names[0]}` }).waitFor();
    await page.getByTestId('charts-status').getByText(`${QUEUES} watched`).waitFor();
    // Dropped frames: gaps between animation frames longer than 1.5 frames (60 Hz).
    // A string, not a function: tsx's helpers (__name) do not exist in the page.
    await page.evaluate(RAF_LOOP);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => {
      const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      const get = (name: string) => list.find((m) => m.name === name)?.value ?? 0;
      return { task: get('TaskDuration'), heap: get('JSHeapUsedSize') };
    };
    // What stays live (after a full GC): the used heap without the garbage of the last seconds.
    const liveHeap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await metrics()).heap;
    };

    // The renderer's CPU time as the OS counts it (TaskDuration is wall time of tasks, which
    // grows when other processes take the cores).
    const browserCdp = await browser.newBrowserCDPSession();
    const rendererCpu = async () => {
      const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
      return processInfo.filter((p) => p.type === 'renderer').reduce((a, p) => a + p.cpuTime, 0);
    };
    const pids = processesOf(warren.dataDir);
    const memory: { at: number; main: number; heap: number }[] = [];
    const start = Date.now();
    const firstTick = ticks.length;
    const cpu0 = usage(pids);
    const r0 = await metrics();
    const rc0 = await rendererCpu();
    let rcAtWindow = rc0;
    let cpuAtWindow = cpu0;
    let rAtWindow = r0;
    let windowAt = start;
    while (Date.now() - start < SECONDS * 1000) {
      // The page is left alone between readings (every 10 s): nothing polls it each second.
      await page.waitForTimeout(Math.min(10_000, SECONDS * 1000 - (Date.now() - start)));
      const elapsed = (Date.now() - start) / 1000;
      if (elapsed >= WINDOW_S && windowAt === start) {
        windowAt = Date.now();
        cpuAtWindow = usage(pids);
        rAtWindow = await metrics();
        rcAtWindow = await rendererCpu();
      }
      memory.push({ at: elapsed, main: usage(pids).rssBytes, heap: await liveHeap() });
    }
    const wall = (Date.now() - start) / 1000;
    const cpu1 = usage(pids);
    const r1 = await metrics();
    const rc1 = await rendererCpu();
    const frames = dropStats((await page.evaluate('window.rafGaps')) as number[]);
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    const run = ticks.slice(firstTick).filter((k) => k.at <= start + wall * 1000);
    const sorted = run.flatMap((k) => (k.requestMs === undefined ? [] : [k.requestMs])).sort((a, b) => a - b);
    const gapTicks = run.filter((k) => k.gap).length;
    const spacing = run.slice(1).map((k, i) => k.t - run[i]!.t).sort((a, b) => a - b);
    const over1s = sorted.filter((ms) => ms > 1000).length;
    const afterWindow = memory.filter((m) => m.at >= WINDOW_S);
    const first = afterWindow[0];
    const lastMem = memory[memory.length - 1]!;
    const growth = (a: number | undefined, b: number) => (a ? `${(((b - a) / a) * 100).toFixed(1)} %` : 'n/a (run shorter than the window)');
    const steadyWall = (Date.now() - windowAt) / 1000;

    const body = `
${QUEUES} watched queues in one vhost (~100 messages/s published across them, 10 drained), sampled every second by the main process with one management API request per tick for all of them (plus one for the broker totals); the Charts page open in Chromium (1280×800, 1-minute window, 12 queue charts on the page plus the overview chart; charts scrolled out of view keep their numbers but are not drawn, so 4 are drawn at this size). A WebSocket client of the browser host records every sample the main process pushes. Run length ${Math.round(wall)} s${SECONDS === 300 ? '' : ` (WARREN_BENCH_SECONDS=${SECONDS}; the default is 300)`}.

| Measure | Value |
| --- | --- |
| Samples pushed in ${Math.round(wall)} s (one per second expected) | ${run.length}: ${run.length - gapTicks} with data, ${gapTicks} gaps; spacing median ${pct(spacing, 50)} ms, max ${spacing[spacing.length - 1] ?? NaN} ms |
| Management API request per sample (all ${QUEUES} queues + overview), median / p95 / max | ${pct(sorted, 50)} / ${pct(sorted, 95)} / ${sorted[sorted.length - 1] ?? NaN} ms (${sorted.length} samples; ${over1s} took over 1 s and overlapped the next) |
| Main process CPU (all Warren processes, whole run) | ${(((cpu1.cpuS - cpu0.cpuS) / wall) * 100).toFixed(1)} % of one core |
| Main process CPU after the first window filled | ${steadyWall > 1 ? (((cpu1.cpuS - cpuAtWindow.cpuS) / steadyWall) * 100).toFixed(1) : 'n/a'} % of one core |
| Renderer CPU time (Chromium renderer processes, OS CPU time / wall time) | ${(((rc1 - rc0) / wall) * 100).toFixed(1)} % of one core (after the window filled: ${steadyWall > 1 ? (((rc1 - rcAtWindow) / steadyWall) * 100).toFixed(1) : 'n/a'} %) |
| Renderer main-thread task time (Chromium TaskDuration / wall time; includes waiting for a core) | ${(((r1.task - r0.task) / wall) * 100).toFixed(1)} % (after the window filled: ${steadyWall > 1 ? (((r1.task - rAtWindow.task) / steadyWall) * 100).toFixed(1) : 'n/a'} %) |
| Main process memory (RSS) at ${first ? Math.round(first.at) : '—'} s → end | ${first ? mib(first.main) : '—'} → ${mib(lastMem.main)} (${growth(first?.main, lastMem.main)}) |
| Renderer JS heap after GC at ${first ? Math.round(first.at) : '—'} s → end | ${first ? mib(first.heap) : '—'} → ${mib(lastMem.heap)} (${growth(first?.heap, lastMem.heap)}) |
| Dropped frames (rAF gaps, 60 Hz) | ${frames.dropped} of ~${Math.round(frames.expected)} (${frames.share.toFixed(2)} %); gaps > 100 ms: ${frames.long} |
| Baseline: an empty page on the same machine just before (${BASELINE_S} s) | ${baseline.dropped} of ~${Math.round(baseline.expected)} frames dropped (${baseline.share.toFixed(2)} %); gaps > 100 ms: ${baseline.long} |
| Machine load average at the end (1 / 5 / 15 min, 2 cores) | ${load} |

Memory cap: the main process keeps each series in a typed-array ring of ${8 + 4 * 9} bytes per sample; all rings together stay under 64 MiB (1 h per series up to ~420 queues, then fewer minutes each — ~51 min at 500 — never under 5 min; at most 1,000 queues can be watched), allocated up front so the main process' memory is flat as they fill. The page keeps at most 1 h per drawn series (13 here), so its heap after GC grows by a few hundred KiB a minute until an hour has filled, then stays (see docs/charts.md).

Memory samples (s: main RSS / renderer heap): ${memory.map((m) => `${Math.round(m.at)}: ${mib(m.main)} / ${mib(m.heap)}`).join('; ')}.
`;
    console.log(body);
    // Not written to docs/benchmarks.md: this bench does not yet interleave its two sides in one
    // run under the same conditions (see the header of docs/benchmarks.md); its figures are printed only.
    console.log('Printed only, not written to docs/benchmarks.md (not yet to the interleaved standard).');
  } finally {
    clearInterval(publisher);
    observer.close();
    await browser.close();
    await warren.stop();
    await client.close().catch(() => undefined);
    await broker.remove();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
