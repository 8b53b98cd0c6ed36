/**
 * The tutorial's own scripts, exactly as written (tests/interop/tutorial, run through
 * run_tutorial.py by Debian's python3-pika on the test's vhost), before, during and after the
 * matching demo run as --as-is does it (the test's vhost, the tutorial's plain names): no 406
 * either way, the demo's programs process what the tutorial's producers send, and the
 * tutorial's consumers process what the demo's producer sends. A consumer that competes for a
 * shared queue (receive.py, worker.py) joins a demo's running programs rather than its narrated
 * steps, whose checks count who did which task.
 */
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemo } from '../../../demos/registry';
import { DemoRuntime, type DemoRuntime as Runtime } from '../../../demos/runtime';
import { runHeadless } from '../../../main/service/demos/headless';
import { demoBroker } from '../../../main/service/demos/isolation';
import type { DemoName, DemoOptions, DemoOutcome } from '../../../shared/demos/types';
import { createTestVhost, targetFor, waitFor } from '../../support/broker';
import { PYTHON, tutorialScripts } from './tutorial-scripts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const { run, start } = tutorialScripts(cleanups);

async function vhostFor(name: DemoName) {
  const { vhost, remove } = await createTestVhost(`tutorial-${name}`);
  cleanups.push(remove);
  return vhost;
}

/** A headless run as `npm run demo -- NAME --as-is` makes it, on the test's vhost. */
function runAsIs(name: DemoName, vhost: string, options: DemoOptions, beforeStep?: (index: number, rt: Runtime) => Promise<void>) {
  return runHeadless(name, { broker: demoBroker(name, () => targetFor(vhost)), options, ...(beforeStep ? { beforeStep } : {}) });
}

/** The demo's programs running (setup and its first step), for the tutorial's consumers to join. */
async function running(name: DemoName, vhost: string, options: DemoOptions) {
  const def = createDemo(name);
  const rt = new DemoRuntime(demoBroker(name, () => targetFor(vhost)), '', options, () => undefined);
  cleanups.push(() => rt.cleanup().then(() => undefined));
  await def.setup(rt);
  await def.steps[0]!.run(rt);
  const action = (id: string) => def.actions.find((a) => a.id === id)!.run(rt, {});
  return { rt, action };
}

const failed = (o: DemoOutcome) => o.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`);

describe('the tutorial’s scripts, as written, beside the demos in --as-is', () => {
  it('pika is installed for Debian’s python3', () => {
    const r = spawnSync(PYTHON, ['-c', 'import pika; print(pika.__version__)'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it('Hello World: send.py before and during the demo reaches its receiver; receive.py takes the demo’s sends; no 406; reset keeps hello', async () => {
    const vhost = await vhostFor('hello');
    expect(await run(vhost, 'send.py')).toContain("[x] Sent 'Hello World!'");
    const o = await runAsIs('hello', vhost, { dotMs: 50 }, async (index, rt) => {
      if (index !== 1) return;
      // Step 1 started the receiver: it took what send.py sent before the demo. Now send.py during it.
      await waitFor(() => rt.actor('receiver').allAcked.length === 1);
      await run(vhost, 'send.py');
      await waitFor(() => rt.actor('receiver').allAcked.length === 2);
    });
    expect(failed(o)).toEqual([]);
    expect(o.holds).toBe(true);
    expect(o.facts.received).toEqual(['Hello World!', 'Hello World!', 'Hello World!']);
    expect(o.kept).toEqual(['queue hello (it existed before the demo)']);

    // receive.py joins the demo's running receiver: the demo's sends are shared between them.
    const receive = start(vhost, 'receive.py');
    await waitFor(() => receive.out().includes('[*] Waiting for messages'));
    const { rt, action } = await running('hello', vhost, { dotMs: 50 });
    for (let i = 0; i < 4; i++) await action('send');
    await waitFor(() => rt.actor('receiver').ackedCount + receive.lines().filter((l) => l === ' [x] Done').length === 4);
    expect(receive.lines().filter((l) => l === ' [x] Received Hello World!').length).toBeGreaterThan(0);
    expect(rt.actor('receiver').ackedCount).toBeGreaterThan(0);
    await rt.cleanup();

    // After the demo: send.py again, receive.py (never cut by the demo's reset) gets it.
    const before = receive.lines().length;
    await run(vhost, 'send.py');
    await waitFor(() => receive.lines().length === before + 2);
    expect(await receive.stop()).toBe(true);
  }, 120_000);

  it('Work Queues: new_task.py before, during and after; the demo’s workers finish its tasks, worker.py takes a share of the demo’s; no 406', async () => {
    const vhost = await vhostFor('work-queues');
    const early = start(vhost, 'worker.py');
    await waitFor(() => early.out().includes('[*] Waiting for messages'));
    await run(vhost, 'new_task.py', ['First', 'task.']);
    await waitFor(() => early.out().includes(' [x] Task finished.'));
    expect(await early.stop()).toBe(true);

    const o = await runAsIs('work-queues', vhost, { dotMs: 50 }, async (index, rt) => {
      if (index !== 1) return;
      await run(vhost, 'new_task.py', ['A', 'task', 'from', 'the', 'tutorial.']);
      await waitFor(() => ['worker1', 'worker2'].some((id) => rt.actor(id).allAcked.includes('A task from the tutorial.')));
    });
    expect(failed(o)).toEqual([]);
    expect(o.kept).toEqual(['queue task_queue (it existed before the demo)']);

    // worker.py as a third worker beside the demo's two: prefetch 1 hands it one of the demo's first three tasks.
    const worker = start(vhost, 'worker.py');
    await waitFor(() => worker.out().includes('[*] Waiting for messages'));
    const { rt, action } = await running('work-queues', vhost, { dotMs: 50 });
    await action('tasks');
    const pyDone = () => worker.lines().filter((l) => l === ' [x] Task finished.').length;
    await waitFor(() => rt.actor('worker1').ackedCount + rt.actor('worker2').ackedCount + pyDone() === 4, 30_000);
    expect(worker.lines().filter((l) => l.startsWith(' [x] Received task: ')).length).toBeGreaterThan(0);
    await rt.cleanup();

    await run(vhost, 'new_task.py', ['After', 'the', 'demo.']);
    await waitFor(() => worker.out().includes(' [x] Received task: After the demo.'));
    expect(await worker.stop()).toBe(true);
  }, 120_000);

  it('Topics: receive_logs_topic.py "*.error" runs through the demo and gets its errors; emit_log_topic.py reaches the demo’s consumers; no 406', async () => {
    const vhost = await vhostFor('topics');
    const errors = start(vhost, 'receive_logs_topic.py', ['*.error']);
    await waitFor(() => errors.out().includes('[*] Waiting for logs'));
    await run(vhost, 'emit_log_topic.py', ['kernel.error', 'A critical kernel error']);
    await waitFor(() => errors.lines().length === 1);

    const o = await runAsIs('topics', vhost, {}, async (index, rt) => {
      if (index !== 1) return;
      expect(await run(vhost, 'emit_log_topic.py', ['auth.info', 'Logged in, said the tutorial'])).toContain('[x] Sent auth.info:Logged in, said the tutorial');
      await waitFor(() => rt.actor('c3').allReceived.some((r) => r.body === 'Logged in, said the tutorial'));
      expect(rt.actor('c1').allReceived).toEqual([]);
    });
    expect(failed(o)).toEqual([]);
    expect(o.kept).toEqual(['exchange topic_logs (it existed before the demo)']);
    // The tutorial's consumer got the demo's kernel.error and payment.error, not its auth.info.
    await waitFor(() => errors.lines().length === 3);
    expect(errors.lines()).toEqual([' [x] kernel.error:A critical kernel error', ' [x] kernel.error:A critical kernel error', ' [x] payment.error:Payment failed']);

    await run(vhost, 'emit_log_topic.py', ['payment.error', 'After the demo']);
    await waitFor(() => errors.lines().includes(' [x] payment.error:After the demo'));
    expect(await errors.stop()).toBe(true);
  }, 120_000);

  it('EcomNow: email_consumer.py runs through the demo and emails every order it places; order_producer.py’s order reaches the demo’s services; no 406', async () => {
    const vhost = await vhostFor('ecomnow');
    const email = start(vhost, 'email_consumer.py');
    await waitFor(() => email.out().includes('[*] Email Service waiting for orders'));
    expect(await run(vhost, 'order_producer.py')).toContain(' [x] Sent order created event: {"order_id": 456');
    await waitFor(() => email.out().includes(' [x] Email sent for order 456'));

    const o = await runAsIs('ecomnow', vhost, { emailMs: 20, syncScale: 0.02, burst: 3 }, async (index, rt) => {
      if (index !== 1) return;
      await run(vhost, 'order_producer.py');
      await waitFor(() => rt.actor('email').allAcked.some((b) => b.includes('"order_id": 456')) && rt.actor('inventory').allAcked.length > 0);
    });
    expect(failed(o)).toEqual([]);
    expect(o.facts).toMatchObject({ ordersFromOthers: [456], exchangeDurable: false, ordersLost: 0 });
    expect(o.kept).toEqual(['exchange order_events (it existed before the demo)']);
    // The tutorial's email service (its own exclusive queue, up all along) got every order the demo placed.
    const demoOrders = () => email.lines().filter((l) => /Email sent for order 1\d{3}$/.test(l)).length;
    await waitFor(() => demoOrders() === o.facts.ordersPlaced, 60_000);

    await run(vhost, 'order_producer.py');
    await waitFor(() => email.lines().filter((l) => l === ' [x] Email sent for order 456').length === 3, 20_000);
    expect(await email.stop()).toBe(true);
  }, 180_000);
});
