/**
 * `npm run bench -- consume`: a queue pre-filled with N messages (200,000) consumed by a Warren
 * consumer (manual ack, prefetch 1000) with the browser page open on Consumers — counted where
 * the UI shows them ("Shown"), acked with the page's "Ack all" button — vs a plain amqplib
 * consumer in the same run. Resident memory of main and renderer before, during and after.
 */
import { execFileSync } from 'node:child_process';
import amqp from 'amqplib';
import { chromium } from '@playwright/test';
import { vhostOnRunBroker } from '../e2e/support/run-broker';
import { startWarren } from '../e2e/support/warren-app';
import { writeBenchSection } from './_report';

const N = Number(process.env.WARREN_BENCH_CONSUME_N ?? 200_000);

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
      // Same acking pattern as Warren's "Ack all": multiple=true every 500 messages.
      if (n % 500 === 0 || n === N) ch.ack(m, true);
      if (n === N) resolve();
    });
  });
  const ms = performance.now() - started;
  await conn.close();
  return (N * 1000) / ms;
}

/** RSS in MiB of the processes whose command line matches. */
function rss(match: (args: string) => boolean): number {
  const out = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8' });
  let kb = 0;
  for (const line of out.split('\n')) {
    const m = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (m && match(m[2]!)) kb += Number(m[1]);
  }
  return Math.round(kb / 1024);
}

async function main() {
  const broker = await vhostOnRunBroker('bench-consume');
  const warren = await startWarren({ WARREN_BROKER_URL: broker.amqpUrl, WARREN_MANAGEMENT_URL: broker.managementUrl });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const mainRss = () => rss((a) => a.includes('dist/main/web.mjs') && a.includes('node'));
  const rendererRss = () => rss((a) => a.includes('chromium') && a.includes('--type=renderer'));
  try {
    await fill(broker.amqpUrl, 'raw');
    const raw = await rawConsume(broker.amqpUrl, 'raw');
    await fill(broker.amqpUrl, 'bench');

    const page = await browser.newPage();
    await page.goto(warren.url);
    await page.getByRole('status', { name: 'Connection status' }).getByText(/Connected/).waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Consumers' }).click();
    const memory: { phase: string; main: number; renderer: number }[] = [{ phase: 'before', main: mainRss(), renderer: rendererRss() }];
    await page.getByLabel('Queue', { exact: true }).fill('bench');
    await page.getByLabel('Prefetch').fill('1000');
    await page.getByRole('button', { name: 'Attach' }).click();
    const started = performance.now();
    const seen = page.getByTestId('ui-seen');
    const ackAll = page.getByRole('button', { name: 'Ack all' });
    let shown = 0;
    let sampled = false;
    while (shown < N) {
      if (await ackAll.isEnabled()) await ackAll.click({ timeout: 2000 }).catch(() => undefined);
      shown = Number((await seen.textContent())?.replace(/\D/g, '') ?? 0);
      if (!sampled && shown > N / 2) {
        memory.push({ phase: 'during', main: mainRss(), renderer: rendererRss() });
        sampled = true;
      }
      if (performance.now() - started > 600_000) throw new Error(`only ${shown} shown after 10 minutes`);
    }
    const warrenRate = (N * 1000) / (performance.now() - started);
    await ackAll.click().catch(() => undefined);
    await page.waitForTimeout(3000);
    memory.push({ phase: 'after', main: mainRss(), renderer: rendererRss() });

    console.log(`amqplib consumer: ${Math.round(raw).toLocaleString('en')} msg/s`);
    console.log(`Warren to the UI: ${Math.round(warrenRate).toLocaleString('en')} msg/s`);
    for (const m of memory) console.log(`RSS ${m.phase}: main ${m.main} MiB, renderer ${m.renderer} MiB`);
    console.log(`ratio: ${(warrenRate / raw).toFixed(2)}`);
    writeBenchSection(
      'consume',
      'Consume: messages reaching the UI vs a plain amqplib consumer',
      [
        `${N.toLocaleString('en')} pre-filled messages of 100 bytes; Warren consumer with manual ack and prefetch 1000, page open on Consumers, acked with its "Ack all" button; counted by the page's "Shown" figure. amqplib: prefetch 1000, ack multiple every 500.`,
        '',
        `| Consumer | msg/s |`,
        `| --- | ---: |`,
        `| plain amqplib | ${Math.round(raw).toLocaleString('en')} |`,
        `| Warren, reaching the UI | ${Math.round(warrenRate).toLocaleString('en')} |`,
        '',
        `Ratio ${(warrenRate / raw).toFixed(2)}. Resident memory (MiB):`,
        '',
        '| Phase | main | renderer |',
        '| --- | ---: | ---: |',
        ...memory.map((m) => `| ${m.phase} | ${m.main} | ${m.renderer} |`),
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await warren.stop();
    await broker.remove();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
