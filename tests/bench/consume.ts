/**
 * `npm run bench -- consume`: N pre-filled messages of 100 bytes (200,000; WARREN_BENCH_CONSUME_N
 * shrinks it while developing), prefetch 1000, manual acknowledgement, on one broker:
 *  1. Warren's main process — a consumer attached over the WebSocket bridge (the call the
 *     Consumers page's Attach makes; Warren acks after 0 ms of simulated work) — vs a raw amqplib
 *     consumer; clock from the attach until Warren reports every message acked.
 *  2. The same with the Consumers page open in Chromium, attached by clicking Attach; clock until
 *     the page accounts for every message (Shown + "Counted, not shown" = N).
 * Each figure: one warm-up of each side, then 5 interleaved rounds (reference, Warren, …), the
 * queue refilled between rounds (a round takes seconds: 3 rounds are for runs over a minute).
 * WARREN_BENCH_PROFILE=1 prints where the main process spent its time in figure 1 (CPU profile
 * over the inspector).
 */
import { chromium, type Page } from '@playwright/test';
import { ACK_WAIT_MS, UPDATE_MS, type ConsumerInfo } from '../../shared/messaging/types';
import { vhostOnRunBroker } from '../support/e2e/run-broker';
import { bridgeWarren } from './_bridge';
import { Inspector, topSelf } from './_inspect';
import { listenerOf, usage } from './_procs';
import { fill, rawConnect } from './_raw';
import { writeBenchSection } from './_report';
import { figureTable, interleaved, loadAverage, printRatio, type Figure } from './_rounds';

const N = Number(process.env.WARREN_BENCH_CONSUME_N ?? 200_000);
const ROUNDS = Number(process.env.WARREN_BENCH_ROUNDS ?? 5);
const PROFILE = process.env.WARREN_BENCH_PROFILE === '1';
const PREFETCH = 1000;
/** What the page is sent (ConsumerOptions.show): the bench picks it in the form as a user would. */
const SHOW = (process.env.WARREN_BENCH_CONSUME_SHOW ?? 'newest') as 'every' | 'newest';
const QUEUE = 'bench';

/** CPU milliseconds (user + system) a process has used so far, from /proc (Linux). */
const cpuMs = (pid: number): number => usage([pid]).cpuS * 1000;

/** CPU per 1,000 messages: load-independent, unlike a rate on a shared machine. */
const cpuCost: { raw: number[]; main: number[] } = { raw: [], main: [] };
/** Figure 2's CPU per 1,000 messages, per process, so the page's whole cost is in view. */
const pageCost: { raw: number[]; rawBroker: number[]; main: number[]; chromium: number[]; broker: number[] } = { raw: [], rawBroker: [], main: [], chromium: [], broker: [] };

const rssMiB = (pid: number): number => Math.round(usage([pid]).rssBytes / 2 ** 20);

async function main() {
  const loadStart = loadAverage();
  const broker = await vhostOnRunBroker('bench-consume');
  const warren = await bridgeWarren(broker.amqpUrl, broker.managementUrl, { NODE_OPTIONS: '--inspect=127.0.0.1:0' });
  // A bench that fails before its rounds still stops the Warren it started.
  const inspector = await Inspector.find(warren.warren.output(), 'scripts/start.mjs').catch(async (err: unknown) => {
    await warren.stop();
    await broker.remove();
    throw err;
  });
  const mainPid = await inspector.evaluate<number>('process.pid');
  const rssStart = rssMiB(mainPid);
  const raw = await rawConnect(broker.amqpUrl);
  const refill = () => fill(broker.amqpUrl, QUEUE, N);
  const notes: string[] = [];
  let peakMainRss = 0;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  // Every Chromium process (browser, renderers, GPU, utilities), by Chromium's own account.
  const browserCdp = await browser.newBrowserCDPSession();
  const chromiumCpuMs = async () => {
    const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: { cpuTime: number }[] };
    return processInfo.reduce((a, p) => a + p.cpuTime, 0) * 1000;
  };
  const brokerPid = listenerOf(Number(new URL(broker.managementUrl).port)) ?? 0;
  try {
    await refill();

    /** A raw amqplib consumer, prefetch 1000, acking multiple=true every 500 (and the last). */
    /** Where a raw round's CPU per 1,000 messages goes: its figure's list (and, with the page, the broker's). */
    let rawCost: { consumer: number[]; broker?: number[] } = { consumer: cpuCost.raw };
    const rawConsume = async () => {
      const started = performance.now();
      const cpu0 = process.cpuUsage();
      const broker0 = cpuMs(brokerPid);
      const ch = await raw.createChannel();
      await ch.prefetch(PREFETCH);
      let n = 0;
      await new Promise<void>((resolve) => {
        void ch.consume(QUEUE, (m) => {
          if (!m) return;
          n++;
          if (n % 500 === 0 || n === N) ch.ack(m, true);
          if (n === N) resolve();
        });
      });
      const ms = performance.now() - started;
      const cpu = process.cpuUsage(cpu0);
      const perK = (cpu.user + cpu.system) / 1000 / (N / 1000);
      rawCost.consumer.push(perK);
      rawCost.broker?.push((cpuMs(brokerPid) - broker0) / (N / 1000));
      await ch.close();
      return (N * 1000) / ms;
    };

    // Warren's consumer counts, from the consumers.state events the bridge pushes.
    let latest: ConsumerInfo[] = [];
    warren.onEvents((events) => {
      for (const e of events) if (e.event === 'consumers.state') latest = e.payload as ConsumerInfo[];
    });
    const untilAcked = async (id: string) => {
      for (;;) {
        const c = latest.find((x) => x.id === id);
        if (c && c.acked >= N) return;
        if (c?.status === 'closed') throw new Error(`consumer closed: ${c.reason}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const detachAll = async () => {
      for (const c of await warren.call('consumers.list', {})) await warren.call('consumers.detach', { consumerId: c.id });
    };
    const warrenMain = async () => {
      const started = performance.now();
      const cpu0 = cpuMs(mainPid);
      const c = await warren.call('consumers.attach', { queue: QUEUE, prefetch: PREFETCH, ackMode: 'simulated', simulate: { kind: 'fixed', ms: 0 }, show: SHOW });
      await untilAcked(c.id);
      const ms = performance.now() - started;
      cpuCost.main.push((cpuMs(mainPid) - cpu0) / (N / 1000));
      peakMainRss = Math.max(peakMainRss, rssMiB(mainPid));
      await detachAll();
      return (N * 1000) / ms;
    };
    const figures: Figure[] = [];
    console.log('main process, no page');
    const name1 = `main process (bridge client, no page), ${N.toLocaleString('en')} × 100 B`;
    figures.push({ name: name1, ...(await interleaved(ROUNDS, rawConsume, warrenMain, refill)) });
    printRatio(figures.at(-1)!);
    const cpuText = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ');
    const cpuFigure1 = `raw ${cpuText(cpuCost.raw)} ms; Warren main ${cpuText(cpuCost.main)} ms`;
    console.log(`CPU per 1,000 messages (warm-up first): ${cpuFigure1}`);

    if (PROFILE) {
      await refill();
      await inspector.send('Profiler.enable');
      await inspector.send('Profiler.start');
      await warrenMain();
      const profile = await inspector.send<{ profile: Parameters<typeof topSelf>[0] }>('Profiler.stop');
      console.log('main process, self time:\n' + topSelf(profile.profile).join('\n'));
      await refill();
    }

    // With the page: a fresh one-time link per page, as pressing Enter in Warren's terminal gives.
    const accounts: string[] = [];
    const busy: number[] = [];
    const withPage = async () => {
      const page: Page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      try {
        await page.goto(await warren.warren.link());
        await page.getByRole('status', { name: 'Connection status' }).getByText(/Connected/).waitFor({ timeout: 60_000 });
        await page.getByRole('link', { name: 'Consumers' }).click();
        await page.getByRole('heading', { name: 'Consumers', level: 1 }).waitFor();
        await page.getByLabel('Queue', { exact: true }).fill(QUEUE);
        await page.getByLabel('Prefetch').fill(String(PREFETCH));
        await page.getByLabel('Acknowledgement').selectOption('simulated');
        await page.getByLabel('Work time').selectOption('fixed');
        await page.getByLabel('Milliseconds').fill('0');
        await page.getByLabel('Show', { exact: true }).selectOption(SHOW);
        // The renderer's main thread: CDP's TaskDuration (seconds of tasks) over the run's wall time.
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
        const busyBefore = await taskSeconds();
        // The clock, in the page: from the press of Attach (its pointerdown) to the DOM change that
        // makes the page account for every message — a message is accounted for when it is shown
        // or counted as "Counted, not shown". A MutationObserver reads the two counters' text
        // (textContent: no layout) on each change, so the end is when the page changed, not when
        // a poll noticed. A string, not a function: the bench runs under tsx, whose helpers do not exist in the page.
        await page.evaluate(`(() => {
          const num = (id) => Number((document.querySelector('[data-testid="' + id + '"]')?.textContent || '').replace(/\\D/g, '') || 0);
          window.benchClock = { pressed: 0, accounted: 0, shown: 0, notShown: 0 };
          document.addEventListener('pointerdown', () => { window.benchClock.pressed ||= performance.timeOrigin + performance.now(); }, { capture: true, once: true });
          const observer = new MutationObserver(() => {
            const shown = num('ui-seen');
            const notShown = num('ui-not-shown');
            Object.assign(window.benchClock, { shown, notShown });
            if (shown + notShown >= ${N}) {
              window.benchClock.accounted = performance.timeOrigin + performance.now();
              observer.disconnect();
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        })()`);
        const started = performance.now();
        const cpu0 = { main: cpuMs(mainPid), chromium: await chromiumCpuMs(), broker: cpuMs(brokerPid) };
        await page.getByRole('button', { name: 'Attach' }).click();
        let clock = { pressed: 0, accounted: 0, shown: 0, notShown: 0 };
        // The end is taken in the page when it happens; asking for it seldom keeps the bench's own
        // requests to the page out of the cost it measures.
        while (!clock.accounted) {
          await page.waitForTimeout(500);
          clock = await page.evaluate<typeof clock>('window.benchClock');
          if (performance.now() - started > 900_000) throw new Error(`the page accounts for ${clock.shown + clock.notShown} after 15 minutes`);
        }
        const perK = (ms: number) => ms / (N / 1000);
        pageCost.main.push(perK(cpuMs(mainPid) - cpu0.main));
        pageCost.chromium.push(perK((await chromiumCpuMs()) - cpu0.chromium));
        pageCost.broker.push(perK(cpuMs(brokerPid) - cpu0.broker));
        if (!clock.pressed) throw new Error('the press of Attach was not seen by the page');
        const ms = clock.accounted - clock.pressed;
        busy.push(((await taskSeconds()) - busyBefore) / (ms / 1000));
        accounts.push(`${clock.shown.toLocaleString('en')} shown + ${clock.notShown.toLocaleString('en')} counted, not shown`);
        peakMainRss = Math.max(peakMainRss, rssMiB(mainPid));
        return (N * 1000) / ms;
      } finally {
        await page.close();
        await detachAll();
      }
    };
    console.log('Consumers page open in Chromium');
    const name2 = `Consumers page open in Chromium, ${N.toLocaleString('en')} × 100 B`;
    rawCost = { consumer: pageCost.raw, broker: pageCost.rawBroker };
    figures.push({ name: name2, ...(await interleaved(ROUNDS, rawConsume, withPage, refill)) });
    printRatio(figures.at(-1)!);
    console.log(`the page accounted for: ${accounts.join('; ')}`);
    const busyText = busy.map((b) => `${Math.round(b * 100)} %`).join(', ');
    console.log(`renderer main thread busy: ${busyText}`);
    const cpuFigure2 = `raw consumer ${cpuText(pageCost.raw)} ms, the broker meanwhile ${cpuText(pageCost.rawBroker)} ms; Warren main ${cpuText(pageCost.main)} ms, Chromium (all its processes) ${cpuText(pageCost.chromium)} ms, the broker meanwhile ${cpuText(pageCost.broker)} ms`;
    console.log(`CPU per 1,000 messages in figure 2 (warm-up first): ${cpuFigure2}`);
    const rssEnd = rssMiB(mainPid);
    console.log(`Warren main RSS: ${rssStart} MiB before, peak ${peakMainRss} MiB, ${rssEnd} MiB after`);
    const loadEnd = loadAverage();
    console.log(`load average (1/5/15 min): start ${loadStart}, end ${loadEnd}`);
    notes.push(
      `${N.toLocaleString('en')} messages of 100 bytes pre-filled in one classic queue before every round (outside the clocks). Reference: raw amqplib on its own warm connection (socket options as Warren's: noDelay), prefetch ${PREFETCH}, manual ack with multiple=true every 500 messages; clock from \`consume\` to the last ack. Warren: a consumer with prefetch ${PREFETCH} and manual acks sent by Warren after 0 ms of simulated work (finished messages acked together with multiple=true: a quarter of the prefetch window, or what finished within ${ACK_WAIT_MS} ms), attached with Show "${SHOW === 'newest' ? 'the newest 50 of each update (the rest counted)' : 'every message'}" (\`show: '${SHOW}'\`; WARREN_BENCH_CONSUME_SHOW picks the other).`,
      '',
      `1. Main process: attached by \`consumers.attach\` over the browser host's WebSocket by a bridge client (shared/client.ts), the call the Attach button makes; clock from the call until Warren reports ${N.toLocaleString('en')} acked (its consumers.state event).`,
      `2. Page open: the Consumers page in Chromium (1280×720, fresh page per round), Attach clicked; clock in the page, from the press of Attach (its pointerdown) to the DOM change after which the page accounts for every message — its "Shown" count plus its "Counted, not shown" count (previews it was not sent — by the Show choice made in the form, more than one ${UPDATE_MS} ms update carries, or the page fell behind — the messages stay in Warren's kept list) reaches ${N.toLocaleString('en')}; a MutationObserver reads the two counters' text on each change (no layout). Renderer main thread busy: Chrome's TaskDuration (CDP Performance.getMetrics) over the round's wall time; tasks on a loaded machine take longer in wall time, so this is an upper bound.`,
      '',
      `One warm-up of each side, then ${ROUNDS} rounds interleaved per figure (a figure's reference rounds are its own). Median (min–max).`,
      '',
      figureTable(figures, 'raw amqplib', 'msg/s'),
      '',
      `What the page accounted for, per round (the warm-up first): ${accounts.join('; ')}. CPU per 1,000 messages in figure 1 (warm-up first; the raw consumer's process, Warren's main process; the broker's not counted): ${cpuFigure1}. CPU per 1,000 messages in figure 2 (warm-up first; counted over each side's clock, so Warren's also covers the ~0.5 s until the bench reads the page's clock): ${cpuFigure2}. Renderer main thread busy per round (the warm-up first): ${busyText}. Warren's main RSS: ${rssStart} MiB before the first round, peak ${peakMainRss} MiB, ${rssEnd} MiB after the last (consumers detached; kept bodies are capped at 64 MiB and 10,000 messages per consumer).`,
      '',
      `Load average (1 / 5 / 15 min): ${loadStart} at start, ${loadEnd} at end.`,
    );
    writeBenchSection('consume', 'Consume: Warren vs a raw amqplib consumer (prefetch 1000, manual ack)', notes.join('\n'));
  } finally {
    inspector.close();
    await browser.close();
    await raw.close().catch(() => undefined);
    await warren.stop();
    await broker.remove();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
