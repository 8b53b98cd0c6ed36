/**
 * `npm run bench -- publish`: Repeat over Warren's WebSocket bridge (the call the Publish page's
 * Repeat button makes) vs a raw amqplib drain-aware loop, same broker, same socket options, both
 * connections open and warm, 5 interleaved rounds after a warm-up. N messages of 100 bytes to one
 * queue, with and without publisher confirms; each clock runs from the first publish (Warren: the
 * call leaving the client) until the broker holds every message. Then the pacing at 20,000 msg/s:
 * achieved rate over the run's own clock (the rates 10 and 1,000 are integration tests).
 */
import amqp from 'amqplib';
import { vhostOnRunBroker } from '../support/e2e/run-broker';
import { bridgeWarren } from './_bridge';
import { brokerHolds, rawConnect } from './_raw';
import { writeBenchSection } from './_report';
import { figureTable, interleaved, loadAverage, printRatio, showSpread, spread, type Figure } from './_rounds';

const N = Number(process.env.WARREN_BENCH_PUBLISH_N ?? 100_000);
const ROUNDS = Number(process.env.WARREN_BENCH_ROUNDS ?? 5);
const PACED_RATE = 20_000;
const PACED_SECONDS = 10;
const BODY = 'x'.repeat(100);
const QUEUE = 'bench';

async function main() {
  const loadStart = loadAverage();
  const broker = await vhostOnRunBroker('bench-pub');
  const warren = await bridgeWarren(broker.amqpUrl, broker.managementUrl);
  const raw = await rawConnect(broker.amqpUrl);
  const watcher = await raw.createChannel();
  await watcher.assertQueue(QUEUE, { durable: false });
  const purge = async () => {
    await watcher.purgeQueue(QUEUE);
  };
  try {
    const rawLoop = async (confirm: boolean) => {
      const started = performance.now();
      const ch = confirm ? await raw.createConfirmChannel() : await raw.createChannel();
      const content = Buffer.from(BODY);
      for (let i = 0; i < N; i++) if (!ch.publish('', QUEUE, content, {})) await new Promise((r) => ch.once('drain', r));
      if (confirm) await (ch as amqp.ConfirmChannel).waitForConfirms();
      await brokerHolds(watcher, QUEUE, N);
      const ms = performance.now() - started;
      await ch.close();
      return (N * 1000) / ms;
    };
    const warrenRun = async (confirm: boolean) => {
      const started = performance.now();
      const r = await warren.call('messaging.repeat', { exchange: '', routingKey: QUEUE, count: N, confirm, wait: true, mandatory: false, body: { mode: 'text', data: BODY } });
      await brokerHolds(watcher, QUEUE, N);
      const ms = performance.now() - started;
      if (r.state !== 'done' || r.sent !== N) throw new Error(`Warren's run ended ${r.state} after ${r.sent}`);
      return (N * 1000) / ms;
    };
    const figures: Figure[] = [];
    for (const confirm of [false, true]) {
      const name = `${N.toLocaleString('en')} × 100 B, ${confirm ? 'with confirms' : 'no confirms'}`;
      console.log(name);
      const r = await interleaved(ROUNDS, () => rawLoop(confirm), () => warrenRun(confirm), purge);
      figures.push({ name, ...r });
      printRatio(figures.at(-1)!);
    }

    // Pacing: a run asked for PACED_RATE msg/s, measured over its own clock (its elapsedMs), with
    // confirms (the Repeat form's default) and without.
    const paced: { confirm: boolean; spread: ReturnType<typeof spread> }[] = [];
    for (const confirm of [true, false]) {
      const rates: number[] = [];
      for (let round = 0; round < 3; round++) {
        const r = await warren.call('messaging.repeat', { exchange: '', routingKey: QUEUE, count: PACED_RATE * PACED_SECONDS, ratePerSecond: PACED_RATE, confirm, wait: true, mandatory: false, body: { mode: 'text', data: BODY } });
        if (r.state !== 'done') throw new Error(`paced run ended ${r.state}`);
        rates.push((r.sent * 1000) / r.elapsedMs);
        await purge();
      }
      paced.push({ confirm, spread: spread(rates) });
      printRatio({ name: `repeat at ${PACED_RATE.toLocaleString('en')} msg/s ${confirm ? 'with' : 'without'} confirms, achieved ÷ asked`, reference: spread([PACED_RATE]), warren: spread(rates) });
    }
    const pacedText = paced.map((p) => `${p.confirm ? 'with confirms' : 'without'} ${showSpread(p.spread)} msg/s (${(p.spread.median / PACED_RATE).toFixed(2)} of the rate)`).join('; ');
    const loadEnd = loadAverage();
    console.log(`load average (1/5/15 min): start ${loadStart}, end ${loadEnd}`);
    writeBenchSection(
      'publish',
      'Publish: Repeat over the bridge vs a raw amqplib loop',
      [
        `${N.toLocaleString('en')} messages of 100 bytes to one queue on one broker. Reference: raw amqplib on its own connection (socket options as Warren's: noDelay), a loop of \`publish\` that waits only for 'drain' (with confirms: a ConfirmChannel, then \`waitForConfirms\`). Warren: \`messaging.repeat\` sent over the browser host's WebSocket by a bridge client (shared/client.ts), as the Repeat button sends it. Both connections open and warm; one warm-up each, then ${ROUNDS} rounds interleaved (reference, Warren, …), the queue purged between rounds. Each clock stops when the broker holds every message (passive declare counts ${N.toLocaleString('en')}). Median (min–max).`,
        '',
        figureTable(figures, 'raw amqplib', 'msg/s'),
        '',
        `Pacing: a repeat asked for ${PACED_RATE.toLocaleString('en')} msg/s for ${PACED_SECONDS} s achieved, over the run's own clock — from its first publish, once its channel is open, to the broker holding every message (the channel's close round trip) — (3 runs each; goal within ±2 %): ${pacedText}. The raw loops above reached ${Math.round(figures[0]!.reference.median).toLocaleString('en')} msg/s without confirms and ${Math.round(figures[1]!.reference.median).toLocaleString('en')} with, in the same run: an asked rate above what the machine publishes at full speed is bounded by the machine, not by the pacing. The rates 10 and 1,000 msg/s are checked by \`tests/integration/messaging/repeat-rate.test.ts\`.`,
        '',
        `Load average (1 / 5 / 15 min): ${loadStart} at start, ${loadEnd} at end.`,
      ].join('\n'),
    );
  } finally {
    await raw.close().catch(() => undefined);
    await warren.stop();
    await broker.remove();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
