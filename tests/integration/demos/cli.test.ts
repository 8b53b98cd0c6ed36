/**
 * The headless run as a user starts it: `node scripts/demo.mjs hello --url …` against the run's
 * broker, in a test vhost (--as-is: the tutorial's plain names and declarations there). Its last
 * line is the outcome as JSON, also when it cannot hold; the exit code says whether it held.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import axios from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import type { DemoOutcome } from '../../../shared/demos/types';
import { createTestVhost, testBroker, waitFor } from '../../support/broker';
import { REFUSED, tutorialScripts } from './tutorial-scripts';

const root = path.resolve(__dirname, '../../..');

/** `env` extra: WARREN_RABBITMQ_SERVER pointing nowhere skips EcomNow's private-node restart (restart.test.ts runs it). */
function demo(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, 'scripts/demo.mjs'), ...args], { cwd: root, timeout: 90_000, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const scripts = tutorialScripts(cleanups);
const NO_PRIVATE_NODE = { WARREN_RABBITMQ_SERVER: '/nonexistent/rabbitmq-server' };
const FAST = ['--email-ms', '20', '--sync-scale', '0.02', '--burst', '3'];

async function asIsUrl(label: string) {
  const { vhost, remove } = await createTestVhost(label);
  cleanups.push(remove);
  const b = testBroker();
  return { vhost, url: `amqp://guest:guest@${b.host}:${b.amqpPort}/${encodeURIComponent(vhost)}`, managementUrl: b.managementUrl };
}

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as DemoOutcome & { deleted: string[]; kept: string[] };

describe('npm run demo (the headless CLI)', () => {
  it('hello --url: narrates, ends with one JSON line whose outcome holds, exit 0, and deletes what it declared', async () => {
    const { vhost, remove } = await createTestVhost('demo-cli');
    cleanups.push(remove);
    const b = testBroker();
    const url = `amqp://guest:guest@${b.host}:${b.amqpPort}/${encodeURIComponent(vhost)}`;
    const run = await demo(['hello', '--url', url, '--management-url', b.managementUrl, '--as-is']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toContain(`Running in vhost ${vhost} with the tutorial’s names (--as-is).`);
    expect(run.stdout).toContain('receive.py: [x] Received Hello World!');
    const outcome = JSON.parse(lines.at(-1)!) as DemoOutcome & { deleted: string[] };
    expect(outcome).toMatchObject({ demo: 'hello', holds: true, deleted: ['queue hello'] });
    expect(outcome.checks.length).toBeGreaterThan(0);
    expect(outcome.checks.every((c) => c.ok)).toBe(true);
    expect(outcome.depthsByStep.map((s) => s.depths.hello)).toEqual([0, 0, 0]);
    // Reset deleted exactly what it declared: the queue is gone from the test vhost.
    const queues = await axios.get<{ name: string }[]>(`${b.managementUrl}/api/queues/${encodeURIComponent(vhost)}`, { params: { columns: 'name' }, auth: { username: 'guest', password: 'guest' } });
    expect(queues.data.map((q) => q.name)).toEqual([]);
  });

  it('refuses an unknown demo and a bad --url with the usage, exit 2, before touching a broker', async () => {
    const unknown = await demo(['helo']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown demo “helo”');
    expect(unknown.stderr).toContain('hello|work-queues|topics|ecomnow|best-practices');
    const bad = await demo(['hello', '--url', 'http://localhost:5672']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
  });

  it('ecomnow --as-is declares order_events as the tutorial does: order_producer.py and email_consumer.py run after it without a 406', async () => {
    const { vhost, url, managementUrl } = await asIsUrl('demo-cli-ecomnow');
    const run = await demo(['ecomnow', '--url', url, '--management-url', managementUrl, '--as-is', '--keep', ...FAST], NO_PRIVATE_NODE);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('order_events is declared as the tutorial declares it: fanout, non-durable');
    expect(lastJson(run.stdout)).toMatchObject({ demo: 'ecomnow', holds: true });
    const email = scripts.start(vhost, 'email_consumer.py');
    await waitFor(() => email.out().includes('[*] Email Service waiting for orders'));
    await scripts.run(vhost, 'order_producer.py');
    await waitFor(() => email.out().includes(' [x] Email sent for order 456'));
    expect(await email.stop()).toBe(true);
  });

  it('--durable-exchange: order_producer.py is refused with 406 as narrated; the demo as the tutorial declares it then stops at step 1, explains the 406 with its fix, ends with one JSON line (holds false), exit 1', async () => {
    const { vhost, url, managementUrl } = await asIsUrl('demo-cli-406');
    const durable = await demo(['ecomnow', '--url', url, '--management-url', managementUrl, '--as-is', '--keep', '--durable-exchange', ...FAST], NO_PRIVATE_NODE);
    expect(durable.code, durable.stdout).toBe(0);
    expect(durable.stdout).toContain('while this one exists, they are refused with 406 PRECONDITION_FAILED');
    const refused = await scripts.attempt(vhost, 'order_producer.py');
    expect(refused.code).not.toBe(0);
    expect(refused.out).toMatch(REFUSED);

    const run = await demo(['ecomnow', '--url', url, '--management-url', managementUrl, '--as-is', ...FAST], NO_PRIVATE_NODE);
    expect(run.code).toBe(1);
    const outcome = lastJson(run.stdout);
    expect(outcome.holds).toBe(false);
    expect(outcome.reason?.code).toBe('PRECONDITION_FAILED');
    expect(outcome.reason?.message).toContain(`the exchange order_events already exists in vhost ${vhost} with durable=true; this demo declares it with durable=false`);
    expect(outcome.reason?.hint).toContain('Delete the exchange order_events');
    expect(outcome.reason?.hint).toContain('--durable-exchange');
    expect(outcome.checks).toEqual([expect.objectContaining({ name: 'the demo ran to the end', ok: false })]);
    expect(run.stdout).toContain('The demo stopped at step 1 (Start the three services)');
    // Nothing of the user's was touched: the durable exchange is still there.
    expect(outcome.deleted).toEqual([]);
    const exchange = await axios.get<{ durable: boolean }>(`${managementUrl}/api/exchanges/${encodeURIComponent(vhost)}/order_events`, { auth: { username: 'guest', password: 'guest' } });
    expect(exchange.data.durable).toBe(true);
  });
});
