/**
 * `npm run bench -- consume`: a queue pre-filled with N messages (200,000; WARREN_BENCH_CONSUME_N
 * shrinks it while developing) consumed by a Warren consumer attached through the Consumers page
 * (manual ack sent by Warren after 0 ms of simulated processing, prefetch 1000) with the page
 * open — counted where the UI shows them ("Shown": previews that reached the page) — vs a plain
 * amqplib consumer in the same run. Resident memory of main and renderer before, during (sampled
 * every second) and after a forced garbage collection. WARREN_BENCH_PROFILE=1 also prints where
 * the main process and the renderer spent their time.
 */
import { execFileSync } from 'node:child_process';
import amqp from 'amqplib';
import { chromium, type CDPSession } from '@playwright/test';
import { vhostOnRunBroker } from '../support/e2e/run-broker';
import { startWarren } from '../support/e2e/warren-app';
import { Inspector, topSelf } from './_inspect';
import { writeBenchSection } from './_report';

const N = Number(process.env.WARREN_BENCH_CONSUME_N ?? 200_000);
const PROFILE = process.env.WARREN_BENCH_PROFILE === '1';
/** Development only: a list filter typed before attaching (e.g. one that matches nothing, to time the list's drawing). */
const FILTER = process.env.WARREN_BENCH_FILTER;

async function fill(url: string, queue: string) {
  const conn = await amqp.connect(url);
  const ch = await conn.createChannel();
  await ch.assertQueue(queue, { durable: false });
  await ch.purgeQueue(queue);
  const body = Buffer.from('y'.repeat(100));
  for (let i = 0; i < N; i++) if (!ch.publish('', queue, body)) await new Promise((r) => ch.once('drain', r));
  await ch.checkQueue(queue);
  await conn.close();
}

async function rawConsume(url: string, queue: string): Promise<number> {
  const conn = await amqp.connect(url);
  const ch = await conn.createChannel();
  await ch.prefetch(1000);
  const started = performance.now();
  let n = 0;
  await new Promise<void>((resolve) => {
    void ch.consume(queue, (m) => {
      if (!m) return;
      n++;
      // A well-written consumer: ack multiple=true every 500 messages.
      if (n % 500 === 0 || n === N) ch.ack(m, true);
      if (n === N) resolve();
    });
  });
  const ms = performance.now() - started;
  await conn.close();
  return (N * 1000) / ms;
}

/** RSS in MiB of these processes (other people's browsers and Warrens on the machine are not counted). */
function rss(pids: number[]): number {
  if (pids.length === 0) return NaN;
  const out = execFileSync('ps', ['-o', 'rss=', '-p', pids.join(',')], { encoding: 'utf8' });
  const kb = out.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0);
  return Math.round(kb / 1024);
}

async function rendererHeap(cdp: CDPSession): Promise<number> {
  const r = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return Math.round(r.usedSize / 2 ** 20);
}

interface Sample {
  phase: string;
  at: number;
  shown: number;
  main: number;
  mainHeap: number;
  renderer: number;
  rendererHeap: number;
}

async function main() {
  const broker = await vhostOnRunBroker('bench-consume');
  // The inspector lets the bench force a GC in the main process (and profile it); both
  // start.mjs and the main process print a URL, Inspector.find picks the main one.
  const warren = await startWarren({ WARREN_BROKER_URL: broker.amqpUrl, WARREN_MANAGEMENT_URL: broker.managementUrl, NODE_OPTIONS: '--inspect=127.0.0.1:0' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const inspector = await Inspector.find(warren.output(), 'dist/main/web.mjs');
  const mainPid = await inspector.evaluate<number>('process.pid');
  const browserCdp = await browser.newBrowserCDPSession();
  const mainRss = () => rss([mainPid]);
  // This browser's renderer processes, by pid (Chromium's own process list).
  let rendererPids: number[] = [];
  const rendererRss = () => rss(rendererPids);
  try {
    await fill(broker.amqpUrl, 'raw');
    const raw = await rawConsume(broker.amqpUrl, 'raw');
    console.log(`amqplib consumer: ${Math.round(raw).toLocaleString('en')} msg/s`);
    await fill(broker.amqpUrl, 'bench');

    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await page.goto(warren.url);
    await page.getByRole('status', { name: 'Connection status' }).getByText(/Connected/).waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Consumers' }).click();
    await page.getByRole('heading', { name: 'Consumers', level: 1 }).waitFor();
    const info = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    rendererPids = info.processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
    const shownNow = async () => Number((await page.getByTestId('ui-seen').textContent())?.replace(/\D/g, '') ?? 0);
    const samples: Sample[] = [];
    const sample = async (phase: string, at: number, shown: number) => {
      samples.push({ phase, at, shown, main: mainRss(), mainHeap: await inspector.heapMiB(), renderer: rendererRss(), rendererHeap: await rendererHeap(cdp) });
    };
    await inspector.gc();
    await cdp.send('HeapProfiler.collectGarbage');
    await sample('before', 0, 0);

    await page.getByLabel('Queue', { exact: true }).fill('bench');
    await page.getByLabel('Prefetch').fill('1000');
    await page.getByLabel('Acknowledgement').selectOption('simulated');
    await page.getByLabel('Work time').selectOption('fixed');
    await page.getByLabel('Milliseconds').fill('0');
    if (PROFILE) {
      await inspector.send('Profiler.enable');
      await inspector.send('Profiler.start');
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
      await browser.startTracing(page, { categories: ['devtools.timeline'] });
    }
    await page.getByRole('button', { name: 'Attach' }).click();
    const started = performance.now();
    let shown = 0;
    let lastSample = 0;
    await page.getByTestId('ui-seen').waitFor();
    if (FILTER) await page.getByLabel('Filter messages').fill(FILTER);
    while (shown < N) {
      await page.waitForTimeout(200);
      shown = await shownNow();
      const at = performance.now() - started;
      if (at - lastSample >= 1000) {
        lastSample = at;
        await sample('during', at, shown);
      }
      if (at > 900_000) throw new Error(`only ${shown} shown after 15 minutes`);
    }
    const ms = performance.now() - started;
    const warrenRate = (N * 1000) / ms;
    if (PROFILE) {
      const mainProfile = await inspector.send<{ profile: Parameters<typeof topSelf>[0] }>('Profiler.stop');
      const rendererProfile = (await cdp.send('Profiler.stop')) as unknown as { profile: Parameters<typeof topSelf>[0] };
      console.log('main process, self time:\n' + topSelf(mainProfile.profile).join('\n'));
      console.log('renderer, self time:\n' + topSelf(rendererProfile.profile).join('\n'));
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: { name: string; ph: string; dur?: number; tid: number }[] };
      const byName = new Map<string, number>();
      for (const e of trace.traceEvents) if (e.ph === 'X' && e.dur) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
      console.log('renderer trace, total ms by event (nested events overlap):\n' + [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`).join('\n'));
    }
    const unacked = await page.getByTestId('consumer-unacked').textContent();
    await page.waitForTimeout(3000);
    await sample('after, before GC', ms + 3000, shown);
    await inspector.gc();
    await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(1000);
    await sample('after GC', ms + 4000, shown);

    const during = samples.filter((s) => s.phase === 'during');
    const half = during.slice(Math.floor(during.length / 2));
    const firstHalf = during.slice(0, Math.floor(during.length / 2));
    const avg = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : NaN);
    const mainFirst = avg(firstHalf.map((s) => s.main));
    const mainSecond = avg(half.map((s) => s.main));
    const ratio = warrenRate / raw;
    console.log(`Warren to the UI: ${Math.round(warrenRate).toLocaleString('en')} msg/s (${unacked})`);
    for (const s of samples) console.log(`${s.phase} ${(s.at / 1000).toFixed(0)} s, shown ${s.shown}: main ${s.main} MiB (heap ${s.mainHeap}), renderer ${s.renderer} MiB (heap ${s.rendererHeap})`);
    console.log(`main RSS, first half of the run ${mainFirst} MiB, second half ${mainSecond} MiB`);
    console.log(`ratio: ${ratio.toFixed(2)}`);
    const row = (s: Sample) => `| ${s.phase}${s.phase === 'during' ? ` (${(s.at / 1000).toFixed(0)} s, ${s.shown.toLocaleString('en')} shown)` : ''} | ${s.main} | ${s.mainHeap} | ${s.renderer} | ${s.rendererHeap} |`;
    const step = Math.max(1, Math.ceil(during.length / 8));
    const shownSamples = [samples[0]!, ...during.filter((_, i) => i % step === 0 || i === during.length - 1), ...samples.filter((s) => s.phase.startsWith('after'))];
    writeBenchSection(
      'consume',
      'Consume: messages reaching the UI vs a plain amqplib consumer',
      [
        `${N.toLocaleString('en')} pre-filled messages of 100 bytes in one classic queue. Warren: a consumer attached on the Consumers page with prefetch 1000 and manual acknowledgement sent by Warren after 0 ms of simulated processing ("Ack after simulated work", fixed 0 ms — consecutive acks of one network read go out as one ack with multiple=true); Chromium (1280×720) has the page open, and the figure counts the previews that reached the page (its "Shown" count), from the Attach click to the last one. amqplib: a plain consumer with prefetch 1000 that acks multiple=true every 500 messages.`,
        '',
        `| Consumer | msg/s |`,
        `| --- | ---: |`,
        `| plain amqplib | ${Math.round(raw).toLocaleString('en')} |`,
        `| Warren, reaching the UI | ${Math.round(warrenRate).toLocaleString('en')} |`,
        '',
        `Ratio Warren / amqplib: **${ratio.toFixed(2)}**.`,
        '',
        `Memory (MiB; RSS from ps, heap from V8; "during" sampled every second, ${during.length} samples, some shown):`,
        '',
        '| Phase | main RSS | main heap | renderer RSS | renderer heap |',
        '| --- | ---: | ---: | ---: | ---: |',
        ...shownSamples.map(row),
        '',
        `Main RSS averaged ${mainFirst} MiB over the first half of the run and ${mainSecond} MiB over the second; each consumer keeps at most 10,000 messages (ring) and the page at most 2,000.`,
      ].join('\n'),
    );
    await cdp.detach();
  } finally {
    inspector.close();
    await browser.close();
    await warren.stop();
    await broker.remove();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
