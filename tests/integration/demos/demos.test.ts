/**
 * Each demo's headless run asserts the tutorial's outcomes, each in its own vhost on the run's
 * broker (names unprefixed, as the tutorial's scripts use them).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { demoBroker } from '../../../main/service/demos/isolation';
import { runHeadless } from '../../../main/service/demos/headless';
import type { DemoName, DemoOptions, DemoOutcome } from '../../../shared/demos/types';
import { createTestVhost, targetFor } from '../../support/broker';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function run(name: DemoName, options: DemoOptions = {}, lines: string[] = []) {
  const { vhost, remove } = await createTestVhost(`demo-${name}`);
  cleanups.push(remove);
  const outcome = await runHeadless(name, { broker: demoBroker(name, () => targetFor(vhost)), options, onLine: (l) => lines.push(l.text) });
  return outcome;
}

const failed = (o: DemoOutcome) => o.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`);

describe('demo headless runs hold the tutorial’s outcomes', () => {
  it('Hello World: received, done, acked, persistent; reset deletes exactly the queue it declared', async () => {
    const o = await run('hello');
    expect(failed(o)).toEqual([]);
    expect(o.holds).toBe(true);
    expect(o.facts.received).toEqual(['Hello World!']);
    expect(o.facts.log).toEqual([' [*] Waiting for messages. To exit press CTRL+C', ' [x] Received Hello World!', ' [x] Done']);
    expect(o.deleted).toEqual(['queue hello']);
  });

  it('Work Queues, prefetch 1: fair dispatch and a killed worker’s task redelivered to worker 2', async () => {
    const o = await run('work-queues', { dotMs: 100 });
    expect(failed(o)).toEqual([]);
    expect(o.facts.maxInFlight).toEqual({ worker1: 1, worker2: 1 });
    // Whoever finishes first takes the next task: the 1-dot worker takes the 3-dot one.
    const w1 = o.facts.worker1 as string[];
    const w2 = o.facts.worker2 as string[];
    expect([...w1, ...w2].sort()).toEqual(['First task.', 'Fourth task....', 'Second task..', 'Third task...']);
    expect(o.facts.killed).toMatchObject({ redeliveredTo: 'worker2', redeliveredFlag: true });
  });

  it('Work Queues, prefetch unlimited: a busy worker is handed more tasks', async () => {
    const o = await run('work-queues', { dotMs: 100, prefetch: 0 });
    expect(failed(o)).toEqual([]);
    const m = o.facts.maxInFlight as { worker1: number; worker2: number };
    expect(Math.max(m.worker1, m.worker2)).toBeGreaterThan(1);
  });

  it('Topics: kernel.error → {1,2,3}, auth.info → {3}, payment.error → {1,3} exactly', async () => {
    const o = await run('topics');
    expect(o.facts.routes).toEqual({ 'kernel.error': [1, 2, 3], 'auth.info': [3], 'payment.error': [1, 3] });
    expect(o.facts.received).toEqual({
      '*.error': ['kernel.error', 'payment.error'],
      'kernel.*': ['kernel.error'],
      '#': ['kernel.error', 'auth.info', 'payment.error'],
    });
    expect(o.holds).toBe(true);
  });

  it('Topics, direct and fanout variants: patterns are literal on direct; fanout ignores keys', async () => {
    const direct = await run('topics', { variant: 'direct' });
    expect(direct.facts.routes).toEqual({ 'kernel.error': [], 'auth.info': [], 'payment.error': [] });
    const fanout = await run('topics', { variant: 'fanout' });
    expect(fanout.facts.routes).toEqual({ 'kernel.error': [1, 2, 3], 'auth.info': [1, 2, 3], 'payment.error': [1, 2, 3] });
  });

  it('EcomNow: email queue = orders placed while down, others 0, drained, none lost; the exclusive queue loses exactly those', async () => {
    const lines: string[] = [];
    const o = await run('ecomnow', { emailMs: 30, syncScale: 0.02, burst: 5 }, lines);
    expect(failed(o)).toEqual([]);
    // Like with like: the tutorial's ~1500 ms is a typical chain, said so, and the scaled run says its scale.
    const compared = lines.find((l) => l.startsWith('Synchronous place_order:'));
    expect(compared).toContain('The tutorial: ~1500 ms → ~150 ms (10×), a typical chain.');
    expect(compared).toContain('Times scaled ×0.02 (the typical chain of 1500 ms becomes 30 ms): compare the ratio, not the ms.');
    expect(o.facts.exchangeDurable).toBe(false);
    const down = o.depthsByStep.find((s) => s.step.startsWith('Take the email service down'))!.depths;
    expect(down).toEqual({ email_queue: 5, inventory_queue: 0, analytics_queue: 0 });
    const back = o.depthsByStep.find((s) => s.step.startsWith('Bring the email service back'))!.depths;
    expect(back).toEqual({ email_queue: 0, inventory_queue: 0, analytics_queue: 0 });
    expect(o.facts.ordersLost).toBe(0);
    expect(o.facts.duplicates).toEqual([]);
    expect(o.facts.pitfall).toMatchObject({ durableGot: 3, exclusiveGot: 0 });
    expect(o.facts.restart).toBe('skipped'); // restarts only on a sandbox (see demos-restart.test.ts)
  });

  it('Best practices: auto-ack + crash loses the message, manual ack keeps it; unacked pile up', async () => {
    const o = await run('best-practices', { rateMessages: 20 });
    expect(failed(o)).toEqual([]);
    expect(o.facts.crash).toEqual({ auto: { lost: 1, backInQueue: 0 }, manual: { lost: 0, backInQueue: 1 } });
    expect(o.facts.pile).toEqual({ unackedHeld: 20, readyWhileHeld: 0, readyAfterClose: 20 });
  });
});
