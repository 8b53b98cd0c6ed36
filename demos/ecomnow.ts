/**
 * Section 5 — EcomNow: the order API publishes order.created to the fanout order_events; email,
 * inventory and analytics each consume their own named, durable queue with manual acks.
 * Shows: a service down does not slow the others and loses nothing; sync vs async latency;
 * the tutorial's exclusive-queue pitfall; a broker restart with durable vs non-durable.
 *
 * order_events is declared as the tutorial's order_producer.py and email_consumer.py declare it
 * (fanout, non-durable: pika's default), so the tutorial's scripts run beside the demo on one
 * vhost without a 406. The durable exchange is an option, narrated with its consequences.
 */
import type { Channel, ChannelModel } from 'amqplib';
import { check, type DemoDefinition } from './definition';
import type { DemoRuntime, PrivateNode } from './runtime';
import { sleep } from './runtime';

export const SERVICE_QUEUES = ['email_queue', 'inventory_queue', 'analytics_queue'] as const;
const TRANSIENT_QUEUE = 'email_queue_transient';
/**
 * The old synchronous place_order, call by call (ms, before syncScale): typical times that add
 * up to the tutorial's ~1500 ms. The new one keeps the payment call and publishes one event:
 * the tutorial's ~150 ms is that whole API call, so the payment is in both measurements.
 */
export const SYNC_CALLS = { payment: 140, inventory: 480, email: 520, analytics: 360 };
/** The demo's order ids start here: the tutorial's own order 456 (order_producer.py) stays told apart. */
const FIRST_ORDER = 1001;

interface RestartResult {
  port: number;
  exchangeDurable: boolean;
  placed: number;
  durableKept: number | null;
  transientQueue: number | null;
  exchangeSurvived: boolean;
  /** An order published after the restart, the way order_producer.py does (declare, then publish), reached email_queue. */
  orderAfterRestartQueued: boolean;
}

export function ecomnowDemo(): DemoDefinition {
  let nextOrder = FIRST_ORDER;
  const placed: number[] = [];
  /** Orders the email service got that this demo did not place (the tutorial's order_producer.py). */
  const fromOthers: number[] = [];
  const emailed = new Map<number, number>();
  let skipped = 0;
  let crashAfterSend = false;
  let whileDown: number[] = [];
  let pitfall: { placedWhileDown: number[]; durableGot: number; exclusiveGot: number } | undefined;
  let restart: RestartResult | 'skipped' | undefined;
  let steady: NodeJS.Timeout | undefined;
  const exclusiveEmailed = new Set<number>();

  const burstOf = (rt: DemoRuntime) => rt.options.burst ?? 5;
  const emailMs = (rt: DemoRuntime) => rt.options.emailMs ?? 1000;
  const orderId = (body: string) => {
    try {
      const id = (JSON.parse(body) as { order_id?: unknown }).order_id;
      return typeof id === 'number' ? id : undefined;
    } catch {
      return undefined;
    }
  };

  const updateReconcile = (rt: DemoRuntime) => {
    const counts = placed.map((id) => emailed.get(id) ?? 0);
    rt.reconcile = {
      placed: placed.length,
      emailedOnce: counts.filter((c) => c === 1).length,
      duplicates: placed.filter((id) => (emailed.get(id) ?? 0) > 1),
      missing: placed.filter((id) => !emailed.has(id)),
      skipped,
    };
  };

  const orderBody = (id: number) => JSON.stringify({ order_id: id, customer_email: `customer${id}@email.com`, items: ['book', 'pen'] });
  const durableExchange = (rt: DemoRuntime) => rt.options.durableExchange ?? false;

  const placeOrder = async (rt: DemoRuntime): Promise<{ id: number; ms: number }> => {
    const id = nextOrder++;
    placed.push(id);
    const ms = await rt.publish(rt.name('order_events'), '', orderBody(id), { persistent: true, contentType: 'application/json' });
    updateReconcile(rt);
    return { id, ms };
  };

  const placeMany = async (rt: DemoRuntime, count: number) => {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) ids.push((await placeOrder(rt)).id);
    rt.say(`Order API: placed ${count} order(s) #${ids[0]}…#${ids.at(-1)}`);
    return ids;
  };

  /** exchange_declare(exchange='order_events', exchange_type='fanout') as the tutorial writes it, or durable by option. */
  const declareOrderEvents = (rt: DemoRuntime, ch: Channel) => rt.declareExchange(ch, rt.name('order_events'), 'fanout', { durable: durableExchange(rt) });

  const declareServiceQueue = async (rt: DemoRuntime, ch: Channel, queue: string) => {
    const exchange = await declareOrderEvents(rt, ch);
    const name = await rt.declareQueue(ch, rt.name(queue), { durable: true });
    await ch.bindQueue(name, exchange, '');
    return name;
  };

  const service = (rt: DemoRuntime, id: string, label: string, queue: string, work: (body: string) => Promise<string[]>) =>
    rt.addActor({ id, label, prefetch: 10, declare: (ch) => declareServiceQueue(rt, ch, queue), work: (body) => work(body), receivedLine: (body) => ` [x] Received order ${orderId(body) ?? '?'}` });

  const setEmail = async (rt: DemoRuntime, up: boolean) => {
    const email = rt.actor('email');
    if (up) {
      await email.start();
      rt.say('Email service is back: it drains email_queue.', 'good');
    } else {
      await email.stop('email service taken down');
      rt.say('Email service is DOWN. Orders still succeed; email_queue keeps them.', 'bad');
    }
    rt.failureOn = !up;
  };

  const drained = (rt: DemoRuntime, timeoutMs: number) =>
    rt.until(async () => {
      const d = await Promise.all(SERVICE_QUEUES.map((q) => rt.depthOf(q)));
      return d.every((n) => n === 0) && ['email', 'inventory', 'analytics'].every((a) => rt.actor(a).unacked === 0);
    }, timeoutMs);

  return {
    name: 'ecomnow',
    title: 'EcomNow orders',
    summary: 'An order API publishes order.created to the fanout order_events; email, inventory and analytics each have a named durable queue. Take email down and nothing is lost.',
    toggles: [
      { option: 'idempotent', label: 'Email idempotency', choices: [{ value: 'false', label: 'off (at-least-once)' }, { value: 'true', label: 'skip duplicates' }] },
      {
        option: 'durableExchange',
        label: 'order_events',
        choices: [
          { value: 'false', label: 'non-durable, as the tutorial (its scripts run beside)' },
          { value: 'true', label: 'durable (survives a restart; the tutorial’s scripts get 406)' },
        ],
      },
    ],
    async setup(rt) {
      rt.watch([...SERVICE_QUEUES]);
      service(rt, 'email', 'Email service', 'email_queue', async (body) => {
        const id = orderId(body);
        if (id !== undefined && !placed.includes(id) && !fromOthers.includes(id)) {
          fromOthers.push(id);
          rt.say(`Email service: order ${id} was not placed by this demo — another producer (the tutorial's order_producer.py?) published it to order_events. Processed like any other.`);
        }
        await sleep(emailMs(rt));
        if (id !== undefined) emailed.set(id, (emailed.get(id) ?? 0) + 1);
        updateReconcile(rt);
        if (crashAfterSend) {
          crashAfterSend = false;
          const email = rt.actor('email');
          // The email went out but the process dies before basic_ack: the broker redelivers it.
          void email.kill('email service crashed after sending, before the ack').then(() => sleep(300)).then(() => email.start());
          rt.say(`Email for order ${id ?? '?'} sent, then the service crashed before acking.`, 'bad');
        }
        return [` [x] Email sent for order ${id ?? '?'}`];
      });
      rt.actor('email').spec.check = (body, message) => {
        const id = orderId(body);
        if (rt.options.idempotent && id !== undefined && emailed.has(id)) {
          skipped += 1;
          updateReconcile(rt);
          rt.say(`Order ${id} was already emailed${message.fields.redelivered ? ' (redelivered)' : ''}: skipped by the idempotency check.`, 'good');
          return 'skip';
        }
        return 'work';
      };
      service(rt, 'inventory', 'Inventory service', 'inventory_queue', async (body) => {
        await sleep(20);
        return [` [x] Stock updated for order ${orderId(body) ?? '?'}`];
      });
      service(rt, 'analytics', 'Analytics service', 'analytics_queue', async (body) => {
        await sleep(20);
        return [` [x] Recorded order ${orderId(body) ?? '?'}`];
      });
      updateReconcile(rt);
    },
    steps: [
      {
        title: 'Start the three services',
        narration:
          'Email, inventory and analytics each declare their own named, durable queue and bind it to the fanout order_events: ' +
          'every order reaches all three. They ack by hand, after the work.',
        run: async (rt) => {
          for (const id of ['email', 'inventory', 'analytics']) await rt.actor(id).start();
          rt.say('Three services consuming email_queue, inventory_queue and analytics_queue.');
          rt.say(
            durableExchange(rt)
              ? 'order_events is declared durable (option): it survives a broker restart with its bindings. But the tutorial’s order_producer.py and ' +
                  'email_consumer.py declare it non-durable: while this one exists, they are refused with 406 PRECONDITION_FAILED.'
              : 'order_events is declared as the tutorial declares it: fanout, non-durable (pika’s default). The tutorial’s scripts can run beside this demo. ' +
                  'The price: a broker restart deletes it and its bindings (step 7 shows it).',
          );
        },
      },
      {
        title: 'Place one order',
        narration: 'The order API publishes one order.created event ({"order_id", "customer_email", "items"}) and returns at once.',
        run: async (rt) => {
          const { id, ms } = await placeOrder(rt);
          rt.say(`Order API: order ${id} accepted in ${ms.toFixed(1)} ms (publish confirmed).`);
          await drained(rt, 10_000 + emailMs(rt) * 2);
          rt.say('Email, inventory and analytics each processed it.', 'good');
        },
      },
      {
        title: 'Take the email service down, place orders',
        narration:
          'The email service crashes. The order API keeps answering fast; inventory and analytics keep up. ' +
          'Look at the chart: email_queue grows by one per order, the other two stay at 0.',
        run: async (rt) => {
          await setEmail(rt, false);
          whileDown = await placeMany(rt, burstOf(rt));
          await rt.untilDepth('email_queue', whileDown.length, 10_000);
          await rt.until(async () => (await rt.depthOf('inventory_queue')) === 0 && (await rt.depthOf('analytics_queue')) === 0, 10_000);
          const [e, i, a] = await Promise.all(SERVICE_QUEUES.map((q) => rt.depthOf(q)));
          rt.say(`email_queue ${String(e)}, inventory_queue ${String(i)}, analytics_queue ${String(a)}.`, e === whileDown.length ? 'good' : 'bad');
        },
      },
      {
        title: 'Bring the email service back',
        narration: 'The email service restarts and drains its backlog. Reconciliation: every order id emailed exactly once.',
        run: async (rt) => {
          await setEmail(rt, true);
          await drained(rt, 15_000 + emailMs(rt) * (placed.length + 2));
          updateReconcile(rt);
          const r = rt.reconcile;
          rt.say(`Reconciled: ${r?.placed ?? 0} placed, ${r?.emailedOnce ?? 0} emailed once, ${r?.missing.length ?? 0} missing, ${r?.duplicates.length ?? 0} duplicated.`, r && r.missing.length === 0 ? 'good' : 'bad');
        },
      },
      {
        title: 'Sync vs async: measured',
        narration:
          'The old place_order charged the payment, then called inventory, email and analytics one after the other; the new one charges the payment ' +
          'and publishes one event. The tutorial’s ~1500 ms → ~150 ms are whole API calls for a typical chain: here the calls are simulated with ' +
          'typical times adding up to ~1500 ms, and both versions are measured on this machine, payment included.',
        run: async (rt) => {
          const scale = rt.options.syncScale ?? 1;
          const runs = 2;
          let sync = 0;
          let async = 0;
          for (let i = 0; i < runs; i++) {
            let started = performance.now();
            for (const ms of [SYNC_CALLS.payment, SYNC_CALLS.inventory, SYNC_CALLS.email, SYNC_CALLS.analytics]) await sleep(ms * scale);
            sync += performance.now() - started;
            started = performance.now();
            await sleep(SYNC_CALLS.payment * scale);
            await placeOrder(rt);
            async += performance.now() - started;
          }
          const syncMs = sync / runs;
          const asyncMs = async / runs;
          rt.measured['sync API ms'] = Math.round(syncMs);
          rt.measured['async API ms'] = Number(asyncMs.toFixed(1));
          const typical = Object.values(SYNC_CALLS).reduce((a, b) => a + b, 0);
          const scaled = scale === 1 ? '' : ` Times scaled ×${scale} (the typical chain of ${typical} ms becomes ${Math.round(typical * scale)} ms): compare the ratio, not the ms.`;
          rt.say(
            `Synchronous place_order: ${Math.round(syncMs)} ms. Asynchronous place_order (payment + one confirmed publish): ${asyncMs.toFixed(1)} ms — ` +
              `${(syncMs / Math.max(asyncMs, 0.1)).toFixed(1)}× faster. The tutorial: ~1500 ms → ~150 ms (10×), a typical chain.${scaled}`,
            'good',
          );
          await drained(rt, 10_000 + emailMs(rt) * 4);
        },
      },
      {
        title: 'The pitfall: an exclusive, server-named email queue',
        narration:
          'The tutorial’s email_consumer.py declares queue="" exclusive=True: the queue dies with the connection. ' +
          'Both email services go down, orders are placed, both come back: the durable one gets them, the exclusive one never will.',
        run: async (rt) => {
          const tutorial = rt.addActor({
            id: 'email-exclusive',
            label: 'email_consumer.py (exclusive queue)',
            prefetch: 0,
            declare: async (ch) => {
              const exchange = await declareOrderEvents(rt, ch);
              const queue = await rt.declareQueue(ch, '', { exclusive: true });
              await ch.bindQueue(queue, exchange, '');
              return queue;
            },
            work: async (body) => {
              const id = orderId(body);
              if (id !== undefined) exclusiveEmailed.add(id);
              return [` [x] Email sent for order ${id ?? '?'}`];
            },
          });
          await tutorial.start();
          await setEmail(rt, false);
          await tutorial.stop('email_consumer.py stopped: its exclusive queue is deleted with its connection');
          const ids = await placeMany(rt, Math.min(3, burstOf(rt)));
          await rt.untilDepth('email_queue', ids.length, 10_000);
          await tutorial.start();
          await setEmail(rt, true);
          await drained(rt, 15_000 + emailMs(rt) * (ids.length + 2));
          await sleep(200);
          const durableGot = ids.filter((id) => emailed.has(id)).length;
          const exclusiveGot = ids.filter((id) => exclusiveEmailed.has(id)).length;
          pitfall = { placedWhileDown: ids, durableGot, exclusiveGot };
          rt.say(`Placed while down: ${ids.length}. Durable email_queue delivered ${durableGot}; the exclusive queue delivered ${exclusiveGot} — ${ids.length - exclusiveGot} lost.`, 'good');
          await tutorial.stop('email_consumer.py stopped');
        },
      },
      {
        title: 'Broker restart, on a node of its own',
        narration:
          'A RabbitMQ node is started for this step only, so restarting it cuts nobody’s connections. On it: order_events (declared as in this run), ' +
          'the durable email_queue and a non-durable email_queue_transient, both bound; persistent orders are placed, then the node restarts. ' +
          'The durable queue keeps its orders; the non-durable queue is gone — and so is a non-durable order_events with its bindings.',
        run: async (rt) => {
          if (!rt.broker.privateNode) {
            restart = 'skipped';
            rt.say('Skipped: no node of its own can be started here (rabbitmq-server is not installed), and a demo never restarts a broker others use.');
            return;
          }
          rt.say('Starting a private RabbitMQ node for this step (Warren’s connection, the tutorial’s scripts and the services above stay on theirs)…');
          const node = await rt.broker.privateNode();
          try {
            restart = await restartOn(rt, node, Math.min(3, burstOf(rt)));
          } finally {
            await node.stop();
            rt.say('The private node is stopped and its files removed.');
          }
        },
      },
    ],
    actions: [
      { id: 'order', label: 'Place one order', run: async (rt) => void (await placeMany(rt, 1)) },
      { id: 'burst', label: 'Place a burst', input: 'count', run: async (rt, input) => void (await placeMany(rt, input.count ?? burstOf(rt))) },
      {
        id: 'steady',
        label: 'Steady rate',
        input: 'rate',
        help: 'Orders per second; 0 stops',
        run: async (rt, input) => {
          if (steady) clearInterval(steady);
          steady = undefined;
          const rate = input.rate ?? 0;
          if (rate > 0) {
            steady = setInterval(() => void placeOrder(rt).catch(() => steady && clearInterval(steady)), Math.round(1000 / rate));
            rt.say(`Order API: a steady ${rate} order(s) per second.`);
          } else rt.say('Order API: steady orders stopped.');
        },
      },
      {
        id: 'crash-after-send',
        label: 'Crash email after sending',
        help: 'The next email is sent, then the service dies before acking: at-least-once means a duplicate unless the consumer is idempotent',
        run: async (rt) => {
          crashAfterSend = true;
          rt.say('The email service will crash right after its next email, before the ack.', 'bad');
        },
      },
    ],
    failure: { on: 'Take email down', off: 'Bring email back', set: (rt, on) => setEmail(rt, !on) },
    outcome(rt) {
      if (steady) clearInterval(steady);
      updateReconcile(rt);
      const depthAfter = (title: string) => rt.stepDepths.find((s) => s.step.startsWith(title))?.depths;
      const down = depthAfter('Take the email service down');
      const back = depthAfter('Bring the email service back');
      const r = rt.reconcile!;
      const checks = [
        check('email_queue depth = orders placed while down', down?.email_queue === whileDown.length, `email_queue ${String(down?.email_queue)} for ${whileDown.length} orders`),
        check('inventory_queue and analytics_queue kept up (0)', down?.inventory_queue === 0 && down.analytics_queue === 0, `inventory ${String(down?.inventory_queue)}, analytics ${String(down?.analytics_queue)}`),
        check('email_queue drained to 0', back?.email_queue === 0, `email_queue ${String(back?.email_queue)}`),
        check('zero orders lost: every order emailed', r.missing.length === 0 && r.placed > 0, `${r.placed} placed, missing ${JSON.stringify(r.missing)}`),
        check(
          'duplicates only with a crash, and shown',
          rt.options.idempotent ? r.duplicates.length === 0 : true,
          `duplicates ${JSON.stringify(r.duplicates)}, skipped ${r.skipped}`,
        ),
        check(
          'the exclusive-queue variant loses exactly the orders placed while down',
          !!pitfall && pitfall.exclusiveGot === 0 && pitfall.durableGot === pitfall.placedWhileDown.length,
          pitfall ? `${pitfall.placedWhileDown.length} placed while down: durable got ${pitfall.durableGot}, exclusive got ${pitfall.exclusiveGot}` : 'not run',
        ),
      ];
      if (restart !== undefined && restart !== 'skipped') {
        const r = restart;
        checks.push(
          check('a broker restart keeps persistent messages in durable queues', r.durableKept === r.placed, `email_queue ${String(r.durableKept)} of ${r.placed}`),
          check('the non-durable variant loses them', r.transientQueue === null, `email_queue_transient ${r.transientQueue === null ? 'gone' : r.transientQueue}`),
          check(
            `order_events ${r.exchangeDurable ? 'survives the restart (durable)' : 'is gone after the restart (non-durable, as the tutorial declares it)'}`,
            r.exchangeSurvived === r.exchangeDurable,
            `order_events ${r.exchangeSurvived ? 'still there' : 'gone'}`,
          ),
          check(
            `an order published after the restart ${r.exchangeDurable ? 'reaches' : 'is dropped by'} the re-declared order_events`,
            r.orderAfterRestartQueued === r.exchangeDurable,
            r.orderAfterRestartQueued ? 'it reached email_queue' : 'no queue was bound: dropped',
          ),
        );
      }
      return {
        checks,
        facts: {
          ordersPlaced: r.placed,
          ordersLost: r.missing.length,
          duplicates: r.duplicates,
          placedWhileDown: whileDown.length,
          pitfall,
          restart: restart ?? 'not run',
          ordersFromOthers: fromOthers,
          exchangeDurable: durableExchange(rt),
          syncMs: rt.measured['sync API ms'],
          asyncMs: rt.measured['async API ms'],
        },
      };
    },
  };
}

/** Passive checks on a connection of the private node (a 404 closes the channel: one per check). */
async function probe<T>(model: ChannelModel, work: (ch: Channel) => Promise<T>): Promise<T | null> {
  const ch = await model.createChannel();
  ch.on('error', () => undefined);
  try {
    return await work(ch);
  } catch {
    return null;
  } finally {
    await ch.close().catch(() => undefined);
  }
}

/** The restart experiment on the private node: declare, publish persistent orders, restart, look. */
async function restartOn(rt: DemoRuntime, node: PrivateNode, count: number): Promise<RestartResult> {
  const exchangeDurable = rt.options.durableExchange ?? false;
  const order = (id: number) => Buffer.from(JSON.stringify({ order_id: id, customer_email: `customer${id}@email.com`, items: ['book', 'pen'] }));
  rt.say(`Private node up on port ${node.describe.port}. order_events is ${exchangeDurable ? 'durable' : 'non-durable, as the tutorial declares it'}.`);
  let model = await node.open('order API');
  model.on('error', () => undefined);
  const ch = await model.createConfirmChannel();
  await ch.assertExchange('order_events', 'fanout', { durable: exchangeDurable });
  await ch.assertQueue('email_queue', { durable: true });
  await ch.assertQueue(TRANSIENT_QUEUE, { durable: false });
  await ch.bindQueue('email_queue', 'order_events', '');
  await ch.bindQueue(TRANSIENT_QUEUE, 'order_events', '');
  for (let i = 1; i <= count; i++) ch.publish('order_events', '', order(9000 + i), { persistent: true, contentType: 'application/json' });
  await ch.waitForConfirms();
  const before = await probe(model, async (c) => (await c.checkQueue('email_queue')).messageCount);
  const transientBefore = await probe(model, async (c) => (await c.checkQueue(TRANSIENT_QUEUE)).messageCount);
  await model.close();
  rt.say(`Before the restart: email_queue ${String(before)}, ${TRANSIENT_QUEUE} ${String(transientBefore)} (persistent orders). Restarting the private node…`);
  await node.restart();
  model = await node.open('order API');
  model.on('error', () => undefined);
  try {
    const durableKept = await probe(model, async (c) => (await c.checkQueue('email_queue')).messageCount);
    const transientQueue = await probe(model, async (c) => (await c.checkQueue(TRANSIENT_QUEUE)).messageCount);
    const exchangeSurvived = (await probe(model, async (c) => c.checkExchange('order_events'))) !== null;
    // What order_producer.py does next: declare order_events (again, if it went) and publish one order.
    const after = await model.createConfirmChannel();
    await after.assertExchange('order_events', 'fanout', { durable: exchangeDurable });
    after.publish('order_events', '', order(9999), { persistent: true });
    await after.waitForConfirms();
    await after.close();
    const depthAfter = await probe(model, async (c) => (await c.checkQueue('email_queue')).messageCount);
    const orderAfterRestartQueued = depthAfter !== null && durableKept !== null && depthAfter > durableKept;
    rt.say(
      `After the restart: email_queue ${String(durableKept)} (kept: durable queue, persistent messages), ${TRANSIENT_QUEUE} ${transientQueue === null ? 'gone' : transientQueue}, ` +
        `order_events ${exchangeSurvived ? 'still there with its bindings' : 'gone, and its bindings with it'}.`,
      durableKept === count ? 'good' : 'bad',
    );
    rt.say(
      exchangeDurable
        ? 'An order published now reaches email_queue: the durable exchange kept its bindings.'
        : 'order_producer.py declares order_events again and publishes: the order reaches no queue and is dropped without an error, until every service ' +
            'has reconnected and bound its queue again. A durable exchange (the option) keeps the bindings — at the price of a 406 for scripts that declare it non-durable.',
      exchangeDurable === orderAfterRestartQueued ? 'good' : 'bad',
    );
    return { port: node.describe.port, exchangeDurable, placed: count, durableKept, transientQueue, exchangeSurvived, orderAfterRestartQueued };
  } finally {
    await model.close().catch(() => undefined);
  }
}
