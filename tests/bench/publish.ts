/**
 * `npm run bench -- publish`: Warren's repeat-publish path through the dispatcher (as the UI
 * calls it) vs a plain amqplib loop, same run, same broker: N messages of 100 bytes, with and
 * without confirms. Prints each figure and, last, `ratio: X` (Warren / amqplib, no confirms).
 */
import amqp from 'amqplib';
import { connectedService } from '../support/messaging';
import { writeBenchSection } from './_report';

const N = Number(process.env.WARREN_BENCH_PUBLISH_N ?? 100_000);
const BODY = 'x'.repeat(100);

async function rawLoop(url: string, queue: string, confirm: boolean): Promise<number> {
  const conn = await amqp.connect(url);
  const ch = confirm ? await conn.createConfirmChannel() : await conn.createChannel();
  const content = Buffer.from(BODY);
  const started = performance.now();
  for (let i = 0; i < N; i++) {
    const ok = ch.publish('', queue, content, {});
    if (!ok) await new Promise((r) => ch.once('drain', r));
  }
  if (confirm) await (ch as amqp.ConfirmChannel).waitForConfirms();
  await ch.close();
  const ms = performance.now() - started;
  await conn.close();
  return (N * 1000) / ms;
}

async function warrenRun(t: Awaited<ReturnType<typeof connectedService>>, queue: string, confirm: boolean): Promise<number> {
  const started = performance.now();
  const r = await t.call('messaging.repeat', { exchange: '', routingKey: queue, count: N, confirm, wait: true, mandatory: false, body: { mode: 'text', data: BODY } });
  const ms = performance.now() - started;
  if (r.state !== 'done' || r.sent !== N) throw new Error(`Warren's run ended ${r.state} after ${r.sent}`);
  return (N * 1000) / ms;
}

async function main() {
  const t = await connectedService('bench-pub');
  const url = `amqp://guest:guest@127.0.0.1:${process.env.WARREN_TEST_AMQP_PORT}/${encodeURIComponent(t.vhost)}`;
  await t.ch.assertQueue('bench', { durable: false });
  const purge = () => t.ch.purgeQueue('bench');
  const figures: Record<string, number> = {};
  // Alternate the two so neither gets a warmer broker; keep the better of two rounds each.
  for (const confirm of [false, true]) {
    for (let round = 0; round < 2; round++) {
      const raw = await rawLoop(url, 'bench', confirm);
      await purge();
      const warren = await warrenRun(t, 'bench', confirm);
      await purge();
      const k = confirm ? 'confirms' : 'no confirms';
      figures[`amqplib, ${k}`] = Math.max(figures[`amqplib, ${k}`] ?? 0, raw);
      figures[`Warren, ${k}`] = Math.max(figures[`Warren, ${k}`] ?? 0, warren);
    }
  }
  await t.close();
  for (const [k, v] of Object.entries(figures)) console.log(`${k}: ${Math.round(v).toLocaleString('en')} msg/s`);
  const ratio = figures['Warren, no confirms']! / figures['amqplib, no confirms']!;
  const ratioConfirms = figures['Warren, confirms']! / figures['amqplib, confirms']!;
  writeBenchSection(
    'publish',
    'Repeat publish: Warren (through the dispatcher) vs plain amqplib',
    [
      `${N.toLocaleString('en')} messages of 100 bytes to one queue, best of two rounds each, alternating.`,
      '',
      '| Path | No confirms (msg/s) | Confirms (msg/s) |',
      '| --- | ---: | ---: |',
      `| plain amqplib loop | ${Math.round(figures['amqplib, no confirms']!).toLocaleString('en')} | ${Math.round(figures['amqplib, confirms']!).toLocaleString('en')} |`,
      `| Warren messaging.repeat | ${Math.round(figures['Warren, no confirms']!).toLocaleString('en')} | ${Math.round(figures['Warren, confirms']!).toLocaleString('en')} |`,
      '',
      `Ratio Warren / amqplib: **${ratio.toFixed(2)}** without confirms, ${ratioConfirms.toFixed(2)} with confirms (goal ≥ 0.9).`,
    ].join('\n'),
  );
  console.log(`ratio with confirms: ${ratioConfirms.toFixed(2)}`);
  console.log(`ratio: ${ratio.toFixed(2)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
