/**
 * EcomNow's broker restart runs on a node started for it, never on the broker the demo and
 * others use: a bystander connection on the run's broker (as a tutorial script would hold) stays
 * open through the step. On the private node: durable queues keep persistent messages, the
 * non-durable queue goes, and order_events (non-durable, as the tutorial declares it) goes with
 * its bindings — or stays, with the durable option. The node's folder is removed after the step.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import amqp from 'amqplib';
import { afterEach, describe, expect, it } from 'vitest';
import { demoBroker } from '../../../main/service/demos/isolation';
import { runHeadless } from '../../../main/service/demos/headless';
import { privateNodes } from '../../../main/service/demos/private-node';
import { createTestVhost, targetFor, testBroker } from '../../support/broker';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function runWithBystander(durableExchange: boolean) {
  const { vhost, remove } = await createTestVhost('demo-restart');
  cleanups.push(remove);
  const b = testBroker();
  const bystander = await amqp.connect({ hostname: b.host, port: b.amqpPort, vhost, username: 'guest', password: 'guest' });
  let closed = false;
  bystander.on('close', () => (closed = true));
  bystander.on('error', () => undefined);
  cleanups.push(() => bystander.close().catch(() => undefined));
  const nodes = mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'demo-nodes-'));
  const o = await runHeadless('ecomnow', {
    broker: demoBroker('ecomnow', () => targetFor(vhost), privateNodes(nodes, 'ecomnow')),
    options: { emailMs: 20, syncScale: 0.02, burst: 3, durableExchange },
  });
  return { o, closed, nodes };
}

describe('EcomNow broker restart on a node of its own', () => {
  it('non-durable order_events (the tutorial’s): queue kept, transient queue and exchange gone, a later order dropped; no other connection cut', async () => {
    const { o, closed, nodes } = await runWithBystander(false);
    expect(o.checks.filter((c) => !c.ok)).toEqual([]);
    expect(o.facts.restart).toMatchObject({ exchangeDurable: false, placed: 3, durableKept: 3, transientQueue: null, exchangeSurvived: false, orderAfterRestartQueued: false });
    expect((o.facts.restart as { port: number }).port).not.toBe(testBroker().amqpPort);
    expect(o.facts.ordersLost).toBe(0);
    expect(closed).toBe(false);
    expect(readdirSync(nodes)).toEqual([]);
  }, 240_000);

  it('durable order_events (the option): the exchange and its binding survive, a later order is queued', async () => {
    const { o, closed } = await runWithBystander(true);
    expect(o.checks.filter((c) => !c.ok)).toEqual([]);
    expect(o.facts.restart).toMatchObject({ exchangeDurable: true, durableKept: 3, transientQueue: null, exchangeSurvived: true, orderAfterRestartQueued: true });
    expect(closed).toBe(false);
  }, 240_000);
});
