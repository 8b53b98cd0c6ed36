/**
 * Section 5 — EcomNow: the order API publishes order.created to the fanout order_events; email,
 * inventory and analytics each consume their own named, durable queue with manual acks.
 * Shows: a service down does not slow the others and loses nothing; sync vs async latency;
 * the tutorial's exclusive-queue pitfall; a broker restart with durable vs non-durable.
 */
import { check, type DemoDefinition } from './definition';
import type { DemoRuntime } from './runtime';
import { sleep } from './runtime';

export const SERVICE_QUEUES = ['email_queue', 'inventory_queue', 'analytics_queue'] as const;
const TRANSIENT = { exchange: 'order_events_transient', queue: 'email_queue_transient' };
/** Simulated synchronous call times of the old place_order (ms, before syncScale). */
const SYNC_CALLS = { email: 1000, inventory: 1200, analytics: 1100 };

interface RestartResult {
  durableKept: number | null;
  transientQueue: number | null;
  placed: number;
}

export function ecomnowDemo(): DemoDefinition {
  let nextOrder = 456; // the tutorial's example order id
  const placed: number[] = [];
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

  const placeOrder = async (rt: DemoRuntime, exchange = 'order_events', persistent = true): Promise<{ id: number; ms: number }> => {
    const id = nextOrder++;
    const order = { order_id: id, customer_email: `customer${id}@email.com`, items: ['book', 'pen'] };
    const ms = await rt.publish(rt.name(exchange), '', JSON.stringify(order), { persistent, contentType: 'application/json' });
    if (exchange === 'order_events') placed.push(id);
    updateReconcile(rt);
    return { id, ms };
  };

  const placeMany = async (rt: DemoRuntime, count: number) => {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) ids.push((await placeOrder(rt)).id);
    rt.say(`Order API: placed ${count} order(s) #${ids[0]}…#${ids.at(-1)}`);
    return ids;
  };

  const declareServiceQueue = async (rt: DemoRuntime, ch: import('amqplib').Channel, queue: string) => {
    const exchange = rt.name('order_events');
    // Durable exchange as well as queue: a binding to a transient exchange would not survive a restart.
    await ch.assertExchange(exchange, 'fanout', { durable: true });
    rt.remember('exchange', exchange);
    const name = rt.name(queue);
    await ch.assertQueue(name, { durable: true });
    rt.remember('queue', name);
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
    toggles: [{ option: 'idempotent', label: 'Email idempotency', choices: [{ value: 'false', label: 'off (at-least-once)' }, { value: 'true', label: 'skip duplicates' }] }],
    async setup(rt) {
      rt.watch([...SERVICE_QUEUES]);
      service(rt, 'email', 'Email service', 'email_queue', async (body) => {
        const id = orderId(body);
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
          'The old place_order called inventory, email and analytics one after the other (simulated here with their typical times); ' +
          'the new one publishes one event. Both measured on this machine.',
        run: async (rt) => {
          const scale = rt.options.syncScale ?? 1;
          const runs = 2;
          let sync = 0;
          for (let i = 0; i < runs; i++) {
            const started = performance.now();
            await sleep(SYNC_CALLS.inventory * scale);
            await sleep(SYNC_CALLS.email * scale);
            await sleep(SYNC_CALLS.analytics * scale);
            sync += performance.now() - started;
          }
          let async = 0;
          for (let i = 0; i < runs; i++) async += (await placeOrder(rt)).ms;
          rt.measured['sync API ms'] = Math.round(sync / runs);
          rt.measured['async API ms'] = Number((async / runs).toFixed(2));
          rt.say(`Synchronous chain: ${Math.round(sync / runs)} ms per order. Async publish: ${(async / runs).toFixed(2)} ms per order (tutorial: ~1500 ms → ~150 ms).`, 'good');
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
              const exchange = rt.name('order_events');
              await ch.assertExchange(exchange, 'fanout', { durable: true });
              const { queue } = await ch.assertQueue('', { exclusive: true });
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
        title: 'Broker restart (sandbox only)',
        narration:
          'With the email service down, orders go to the durable email_queue as persistent messages, and to a non-durable ' +
          'queue as transient ones. The broker restarts: the durable queue still holds its orders; the non-durable one is gone.',
        run: async (rt) => {
          if (!rt.broker.restart) {
            restart = 'skipped';
            rt.say('Skipped: Warren restarts only its own sandbox broker.', 'info');
            return;
          }
          await setEmail(rt, false);
          await rt.assertExchange(TRANSIENT.exchange, 'fanout', { durable: false });
          await rt.assertQueue(TRANSIENT.queue, { durable: false });
          await rt.withChannel((ch) => ch.bindQueue(rt.name(TRANSIENT.queue), rt.name(TRANSIENT.exchange), ''));
          rt.watch([...SERVICE_QUEUES, TRANSIENT.queue]);
          const count = Math.min(3, burstOf(rt));
          for (let i = 0; i < count; i++) {
            await placeOrder(rt);
            await placeOrder(rt, TRANSIENT.exchange, false);
          }
          await rt.untilDepth('email_queue', count, 10_000);
          rt.say(`Before the restart: email_queue ${String(await rt.depthOf('email_queue'))}, email_queue_transient ${String(await rt.depthOf(TRANSIENT.queue))}. Restarting the broker…`);
          await rt.broker.restart();
          await rt.reattach();
          const durableKept = await rt.depthOf('email_queue');
          const transientQueue = await rt.depthOf(TRANSIENT.queue);
          restart = { durableKept, transientQueue, placed: count };
          rt.say(`After the restart: email_queue ${String(durableKept)} (kept), email_queue_transient ${transientQueue === null ? 'gone' : transientQueue}.`, durableKept === count ? 'good' : 'bad');
          await setEmail(rt, true);
          await drained(rt, 15_000 + emailMs(rt) * (count + 2));
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
        checks.push(
          check('a broker restart keeps persistent messages in durable queues', restart.durableKept === restart.placed, `email_queue ${String(restart.durableKept)} of ${restart.placed}`),
          check('the non-durable variant loses them', restart.transientQueue === null, `email_queue_transient ${restart.transientQueue === null ? 'gone' : restart.transientQueue}`),
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
          syncMs: rt.measured['sync API ms'],
          asyncMs: rt.measured['async API ms'],
        },
      };
    },
  };
}
