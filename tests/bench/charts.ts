/**
 * `npm run bench -- charts`: 500 watched queues sampled at 1 Hz for 5 minutes
 * (WARREN_BENCH_SECONDS shortens it while developing). Measures the management API request time
 * per sample (as the sampler reports it), the main process' CPU and memory (/proc), the
 * renderer's CPU and JS heap (Chromium's Performance metrics), dropped frames (requestAnimationFrame
 * gaps), and whether memory stays flat once the first 1-minute window has filled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import amqp from 'amqplib';
import { chromium } from '@playwright/test';
import { vhostOnRunBroker } from '../e2e/support/run-broker';
import { startWarren } from '../e2e/support/warren-app';
import { writeBenchSection } from './_report';

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
  const browser = await chromium.launch({
    executablePath: process.env.WARREN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(warren.url);
    await page.getByRole('status', { name: 'Connection status' }).getByText(/Connected/).waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Charts' }).click();
    await page.getByLabel('Queues to watch').fill(names.join(', '));
    await page.getByRole('button', { name: 'Watch' }).click();
    await page.getByRole('radio', { name: '1 min' }).click();
    await page.getByRole('figure', { name: `Chart: ${names[0]}` }).waitFor();
    await page.getByTestId('charts-status').getByText(`${QUEUES} watched`).waitFor();
    // Dropped frames: gaps between animation frames longer than 1.5 frames (60 Hz).
    // A string, not a function: tsx's helpers (__name) do not exist in the page.
    await page.evaluate(`(() => {
      window.rafGaps = [];
      let last = performance.now();
      const loop = (now) => { window.rafGaps.push(now - last); last = now; requestAnimationFrame(loop); };
      requestAnimationFrame(loop);
    })()`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => {
      const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      const get = (name: string) => list.find((m) => m.name === name)?.value ?? 0;
      return { task: get('TaskDuration'), heap: get('JSHeapUsedSize') };
    };

    const pids = processesOf(warren.dataDir);
    const requestMs: number[] = [];
    const memory: { at: number; main: number; heap: number }[] = [];
    const start = Date.now();
    const cpu0 = usage(pids);
    const r0 = await metrics();
    let cpuAtWindow = cpu0;
    let rAtWindow = r0;
    let windowAt = start;
    let lastRequestText = '';
    while (Date.now() - start < SECONDS * 1000) {
      await page.waitForTimeout(1000);
      const text = (await page.getByTestId('charts-status').textContent()) ?? '';
      const match = /last request (\d+) ms/.exec(text);
      // One reading per sample (the status line changes once a tick).
      if (match && text !== lastRequestText) requestMs.push(Number(match[1]));
      lastRequestText = text;
      const elapsed = (Date.now() - start) / 1000;
      if (Math.round(elapsed) % 10 === 0 || elapsed >= SECONDS) {
        const m = await metrics();
        memory.push({ at: elapsed, main: usage(pids).rssBytes, heap: m.heap });
      }
      if (elapsed >= WINDOW_S && windowAt === start) {
        windowAt = Date.now();
        cpuAtWindow = usage(pids);
        rAtWindow = await metrics();
      }
    }
    const wall = (Date.now() - start) / 1000;
    const cpu1 = usage(pids);
    const r1 = await metrics();
    const gaps = (await page.evaluate('window.rafGaps')) as number[];
    const frameMs = 1000 / 60;
    const expectedFrames = gaps.reduce((a, g) => a + g, 0) / frameMs;
    const dropped = gaps.reduce((a, g) => a + Math.max(0, Math.round(g / frameMs) - 1), 0);
    const longGaps = gaps.filter((g) => g > 100).length;
    const sorted = [...requestMs].sort((a, b) => a - b);
    const afterWindow = memory.filter((m) => m.at >= WINDOW_S);
    const first = afterWindow[0];
    const lastMem = memory[memory.length - 1]!;
    const growth = (a: number | undefined, b: number) => (a ? `${(((b - a) / a) * 100).toFixed(1)} %` : 'n/a (run shorter than the window)');
    const steadyWall = (Date.now() - windowAt) / 1000;

    const body = `
${QUEUES} watched queues in one vhost (~100 messages/s published across them, 10 drained), sampled every second by the main process with one management API request per tick for all of them (plus one for the broker totals); the Charts page open in Chromium (1280×800, 12 queue charts drawn plus the overview chart, 1-minute window). Run length ${Math.round(wall)} s${SECONDS === 300 ? '' : ` (WARREN_BENCH_SECONDS=${SECONDS}; the default is 300)`}.

| Measure | Value |
| --- | --- |
| Management API request per sample (all ${QUEUES} queues + overview), median / p95 / max | ${pct(sorted, 50)} / ${pct(sorted, 95)} / ${sorted[sorted.length - 1] ?? NaN} ms (${sorted.length} samples) |
| Main process CPU (all Warren processes, whole run) | ${(((cpu1.cpuS - cpu0.cpuS) / wall) * 100).toFixed(1)} % of one core |
| Main process CPU after the first window filled | ${steadyWall > 1 ? (((cpu1.cpuS - cpuAtWindow.cpuS) / steadyWall) * 100).toFixed(1) : 'n/a'} % of one core |
| Renderer CPU (Chromium TaskDuration / wall time) | ${(((r1.task - r0.task) / wall) * 100).toFixed(1)} % of one core (after the window filled: ${steadyWall > 1 ? (((r1.task - rAtWindow.task) / steadyWall) * 100).toFixed(1) : 'n/a'} %) |
| Main process memory (RSS) at ${first ? Math.round(first.at) : '—'} s → end | ${first ? mib(first.main) : '—'} → ${mib(lastMem.main)} (${growth(first?.main, lastMem.main)}) |
| Renderer JS heap at ${first ? Math.round(first.at) : '—'} s → end | ${first ? mib(first.heap) : '—'} → ${mib(lastMem.heap)} (${growth(first?.heap, lastMem.heap)}) |
| Dropped frames (rAF gaps, 60 Hz) | ${dropped} of ~${Math.round(expectedFrames)} (${((dropped / Math.max(1, expectedFrames)) * 100).toFixed(2)} %); gaps > 100 ms: ${longGaps} |

Memory cap: the main process keeps each series in a typed-array ring of ${8 + 4 * 9} bytes per sample; all rings together stay under 64 MiB (1 h per series up to ~420 queues, then fewer minutes each, never under 5 min), allocated up front so memory does not grow as they fill. The renderer keeps at most 1 h per drawn series.

Memory samples (s: main RSS / renderer heap): ${memory.map((m) => `${Math.round(m.at)}: ${mib(m.main)} / ${mib(m.heap)}`).join('; ')}.
`;
    console.log(body);
    writeBenchSection('charts', 'Live charts: 500 watched queues at 1 Hz', body);
  } finally {
    clearInterval(publisher);
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
