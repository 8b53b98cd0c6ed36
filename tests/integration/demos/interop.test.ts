/**
 * Interop with the tutorial's own scripts (tests/interop/tutorial, run by Debian's python3-pika):
 * with the demo's topology running, receive_logs_topic.py "*.error" receives what Warren
 * publishes, and Warren's consumers receive what emit_log_topic.py, new_task.py and send.py publish.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoBroker } from '../../../main/service/demos/isolation';
import { createDemo } from '../../../demos/registry';
import { DemoRuntime } from '../../../demos/runtime';
import type { DemoName } from '../../../shared/demos/types';
import { createTestVhost, targetFor, testBroker, waitFor } from '../../support/broker';

const PYTHON = '/usr/bin/python3';
const SCRIPTS = path.resolve(__dirname, '../../interop/tutorial');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function pythonEnv(vhost: string) {
  const b = testBroker();
  return { ...process.env, RABBITMQ_HOST: b.host, RABBITMQ_PORT: String(b.amqpPort), RABBITMQ_VHOST: vhost, PYTHONUNBUFFERED: '1' };
}

function runScript(vhost: string, script: string, args: string[]): string {
  const r = spawnSync(PYTHON, [path.join(SCRIPTS, script), ...args], { env: pythonEnv(vhost), encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) throw new Error(`${script} failed (${String(r.status)}): ${r.stderr}`);
  return r.stdout;
}

function startScript(vhost: string, script: string, args: string[]): { child: ChildProcessWithoutNullStreams; out: () => string } {
  const child = spawn(PYTHON, [path.join(SCRIPTS, script), ...args], { env: pythonEnv(vhost) });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  cleanups.push(() => void child.kill('SIGINT'));
  return { child, out: () => out };
}

/** The demo's topology and programs running (setup + its first step), in a fresh vhost. */
async function startDemo(name: DemoName) {
  const { vhost, remove } = await createTestVhost(`interop-${name}`);
  const def = createDemo(name);
  const rt = new DemoRuntime(demoBroker(() => targetFor(vhost)), '', { dotMs: 50 }, () => undefined);
  cleanups.push(remove, () => rt.cleanup().then(() => undefined));
  await def.setup(rt);
  await def.steps[0]!.run(rt);
  return { vhost, rt, def };
}

describe('the tutorial’s Python scripts interoperate with Warren’s demos', () => {
  it('pika is installed for Debian’s python3', () => {
    const r = spawnSync(PYTHON, ['-c', 'import pika; print(pika.__version__)'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it('receive_logs_topic.py "*.error" receives what Warren publishes (kernel.error and payment.error, not auth.info)', async () => {
    const { vhost, rt, def } = await startDemo('topics');
    const py = startScript(vhost, 'receive_logs_topic.py', ['*.error']);
    await waitFor(() => py.out().includes('[*] Waiting for logs'), 20_000);
    for (const step of def.steps.slice(1)) await step.run(rt);
    await waitFor(() => py.out().includes('payment.error:Payment failed'), 10_000);
    const lines = py.out().split('\n').filter((l) => l.startsWith(' [x]'));
    expect(lines).toEqual([' [x] kernel.error:A critical kernel error', ' [x] payment.error:Payment failed']);
  });

  it('Warren’s topic consumers receive what emit_log_topic.py publishes, by the tutorial’s table', async () => {
    const { vhost, rt } = await startDemo('topics');
    expect(runScript(vhost, 'emit_log_topic.py', ['kernel.error', 'A critical kernel error'])).toContain('[x] Sent kernel.error:A critical kernel error');
    runScript(vhost, 'emit_log_topic.py', ['auth.info', 'User logged in']);
    runScript(vhost, 'emit_log_topic.py', ['payment.error', 'Payment failed']);
    const keys = (id: string) => rt.actor(id).allReceived.map((r) => r.routingKey);
    await waitFor(() => keys('c3').length === 3);
    expect(keys('c1')).toEqual(['kernel.error', 'payment.error']);
    expect(keys('c2')).toEqual(['kernel.error']);
    expect(keys('c3')).toEqual(['kernel.error', 'auth.info', 'payment.error']);
    expect(rt.actor('c1').allReceived[0]!.body).toBe('A critical kernel error');
  });

  it('Warren’s workers receive and finish what new_task.py publishes', async () => {
    const { vhost, rt } = await startDemo('work-queues');
    for (const task of ['First task.', 'Second task..']) runScript(vhost, 'new_task.py', task.split(' '));
    const done = () => [...rt.actor('worker1').allAcked, ...rt.actor('worker2').allAcked].sort();
    await waitFor(() => done().length === 2);
    expect(done()).toEqual(['First task.', 'Second task..']);
  });

  it('Warren’s receiver gets what send.py publishes, and Warren’s send reaches receive.py', async () => {
    const { vhost, rt } = await startDemo('hello');
    expect(runScript(vhost, 'send.py', [])).toContain("[x] Sent 'Hello World!'");
    await waitFor(() => rt.actor('receiver').allAcked.includes('Hello World!'));
    // And the other way: Warren's receiver stops, the tutorial's receive.py takes over.
    await rt.actor('receiver').stop();
    const py = startScript(vhost, 'receive.py', []);
    await waitFor(() => py.out().includes('Waiting for messages'), 20_000);
    await rt.publish('', 'hello', 'Hello World!', { persistent: true });
    await waitFor(() => py.out().includes('[x] Done'), 10_000);
    expect(py.out()).toContain(' [x] Received Hello World!');
  });
});
