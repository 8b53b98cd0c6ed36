/**
 * The tutorial's DOs and DON'Ts, each run for real: auto-ack + crash loses a message (manual ack
 * does not); a connection per message vs one long-lived connection (measured); unacked messages
 * piling up behind a consumer that never acks.
 */
import { check, type DemoDefinition } from './definition';
import type { DemoRuntime } from './runtime';
import { sleep } from './runtime';

const AUTO = 'auto_ack_queue';
const MANUAL = 'manual_ack_queue';
const RATE = 'rate_queue';
const FORGOT = 'forgot_ack_queue';
const PILE = 20;

export function bestPracticesDemo(): DemoDefinition {
  const crash: Record<'auto' | 'manual', { lost: number; backInQueue: number | null } | undefined> = { auto: undefined, manual: undefined };
  let rates: { perMessage: number; longLived: number; messages: number; delivered: number | null } | undefined;
  let pile: { unackedHeld: number; readyWhileHeld: number | null; readyAfterClose: number | null } | undefined;

  const crashingConsumer = (rt: DemoRuntime, id: 'auto' | 'manual') =>
    rt.addActor({
      id: `${id}-consumer`,
      label: id === 'auto' ? 'Consumer with auto_ack=True' : 'Consumer with manual ack',
      prefetch: 1,
      noAck: id === 'auto',
      declare: (ch) => rt.declareQueue(ch, rt.name(id === 'auto' ? AUTO : MANUAL), { durable: true }),
      // A long task: the crash comes in the middle of it.
      work: () => sleep(60_000).then(() => [' [x] Done']),
    });

  /** Sends one message, waits until the consumer holds it, crashes the consumer, counts what is left. */
  const crashTest = async (rt: DemoRuntime, which: 'auto' | 'manual') => {
    const actor = rt.actor(`${which}-consumer`);
    const queue = which === 'auto' ? AUTO : MANUAL;
    await actor.start();
    const before = actor.receivedCount;
    await rt.publish('', rt.name(queue), `Important task (${which} ack)`, { persistent: true });
    await rt.until(() => actor.receivedCount > before, 10_000);
    await actor.kill('consumer crashed mid-task');
    await sleep(200);
    const backInQueue = await rt.depthOf(queue);
    crash[which] = { lost: backInQueue === 1 ? 0 : 1, backInQueue };
    rt.say(
      which === 'auto'
        ? `auto_ack=True: the consumer crashed mid-task; ${queue} holds ${String(backInQueue)} message(s) — the task is lost forever.`
        : `Manual ack: the consumer crashed mid-task; ${queue} holds ${String(backInQueue)} message(s) — it will be redelivered.`,
      (which === 'auto') === (backInQueue === 0) ? 'good' : 'bad',
    );
  };

  return {
    name: 'best-practices',
    title: 'Best practices lab',
    summary: 'The DOs and DON’Ts, run for real: acks and crashes, connection per message vs a long-lived one, unacked messages piling up.',
    toggles: [],
    async setup(rt) {
      rt.watch([AUTO, MANUAL, RATE, FORGOT]);
      crashingConsumer(rt, 'auto');
      crashingConsumer(rt, 'manual');
      rt.addActor({
        id: 'forgetful',
        label: 'Consumer that never acks',
        prefetch: 0,
        neverAck: true,
        declare: (ch) => rt.declareQueue(ch, rt.name(FORGOT), { durable: true }),
        work: async () => undefined,
      });
      await rt.assertQueue(RATE, { durable: true });
    },
    steps: [
      {
        title: 'auto_ack=True and a crash',
        narration: 'With auto_ack=True the broker deletes the message as soon as it sends it. The consumer crashes mid-task: the message is gone.',
        run: (rt) => crashTest(rt, 'auto'),
      },
      {
        title: 'Manual ack and the same crash',
        narration: 'With manual ack (basic_ack at the end of the callback) the message stays “unacked” until done; the crash puts it back in the queue.',
        run: (rt) => crashTest(rt, 'manual'),
      },
      {
        title: 'A connection per message vs one long-lived connection',
        narration: 'Opening a TCP connection, an AMQP handshake and a channel for every message is slow. The same messages over one connection, measured here.',
        run: async (rt) => {
          const n = rt.options.rateMessages ?? 100;
          let started = performance.now();
          for (let i = 0; i < n; i++) {
            const model = await rt.broker.open('producer (a connection per message)');
            const ch = await model.createConfirmChannel();
            ch.sendToQueue(rt.name(RATE), Buffer.from(`per-connection ${i}`), { persistent: true });
            await ch.waitForConfirms();
            await model.close();
          }
          const perMessage = n / ((performance.now() - started) / 1000);
          started = performance.now();
          const model = await rt.broker.open('producer (one long-lived connection)');
          const ch = await model.createConfirmChannel();
          for (let i = 0; i < n; i++) ch.sendToQueue(rt.name(RATE), Buffer.from(`long-lived ${i}`), { persistent: true });
          await ch.waitForConfirms();
          const longLived = n / ((performance.now() - started) / 1000);
          await model.close();
          const delivered = await rt.depthOf(RATE);
          rates = { perMessage: Math.round(perMessage), longLived: Math.round(longLived), messages: n, delivered };
          rt.measured['connection per message msg/s'] = rates.perMessage;
          rt.measured['long-lived connection msg/s'] = rates.longLived;
          rt.say(`Connection per message: ${rates.perMessage} msg/s. One long-lived connection: ${rates.longLived} msg/s (×${(longLived / perMessage).toFixed(0)}).`, 'good');
        },
      },
      {
        title: 'Unacked messages pile up',
        narration: 'A consumer with a bug never acks. Every message it receives stays “unacked” and holds broker memory; ready is 0 so nothing looks wrong — watch unacked instead.',
        run: async (rt) => {
          const forgetful = rt.actor('forgetful');
          await forgetful.start();
          for (let i = 1; i <= PILE; i++) await rt.publish('', rt.name(FORGOT), `Job ${i}`, { persistent: true });
          await rt.until(() => forgetful.receivedCount >= PILE, 10_000);
          await sleep(200);
          const held = forgetful.unacked;
          const readyWhileHeld = await rt.depthOf(FORGOT);
          rt.say(`The consumer holds ${held} unacked message(s); ${FORGOT} shows ${String(readyWhileHeld)} ready.`, 'bad');
          await forgetful.stop('consumer restarted (its unacked messages are released)');
          await rt.untilDepth(FORGOT, PILE, 5000);
          const readyAfterClose = await rt.depthOf(FORGOT);
          pile = { unackedHeld: held, readyWhileHeld, readyAfterClose };
          rt.say(`Its connection closed: all ${String(readyAfterClose)} are ready again. Monitor unacked counts; set timeouts.`, 'good');
        },
      },
    ],
    actions: [],
    failure: {
      on: 'Crash the manual-ack consumer',
      off: 'Restart it',
      set: async (rt, on) => {
        const actor = rt.actor('manual-consumer');
        if (on) await actor.kill('consumer crashed');
        else await actor.start();
      },
    },
    outcome() {
      return {
        checks: [
          check('auto_ack + crash loses the message', crash.auto?.lost === 1, `left in queue: ${String(crash.auto?.backInQueue)}`),
          check('manual ack + crash keeps it', crash.manual?.lost === 0, `left in queue: ${String(crash.manual?.backInQueue)}`),
          check('both connection styles delivered every message', rates?.delivered === (rates?.messages ?? 0) * 2, rates ? `${String(rates.delivered)} of ${rates.messages * 2}` : 'not run'),
          check('unacked messages piled up while the consumer held them', pile?.unackedHeld === PILE && pile.readyWhileHeld === 0, pile ? `${pile.unackedHeld} unacked, ${String(pile.readyWhileHeld)} ready` : 'not run'),
          check('and came back when its connection closed', pile?.readyAfterClose === PILE, pile ? `${String(pile.readyAfterClose)} ready` : 'not run'),
        ],
        facts: { crash, rates, longLivedFaster: rates ? rates.longLived > rates.perMessage : undefined, pile },
      };
    },
  };
}
