/**
 * The headless run as a user starts it: `node scripts/demo.mjs hello --url …` against the run's
 * broker, in a test vhost (--as-is: the tutorial's plain names there). Its last line is the
 * outcome as JSON; the exit code says whether the tutorial's outcome held.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import axios from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import type { DemoOutcome } from '../../../shared/demos/types';
import { createTestVhost, testBroker } from '../../support/broker';

const root = path.resolve(__dirname, '../../..');

function demo(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, 'scripts/demo.mjs'), ...args], { cwd: root, timeout: 90_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

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
});
