/**
 * `npm run cli -- move` against the run's broker: the app's move engine (confirms before each
 * source ack) from a script; one JSON line of the outcome; exit 0 done, 1 refused, 2 bad usage.
 */
import amqp from 'amqplib';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestVhost, testBroker } from '../../support/broker';
import { cli } from '../../support/cli';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function vhostWith(messages: string[]) {
  const { vhost, remove } = await createTestVhost('cli-move');
  cleanups.push(remove);
  const b = testBroker();
  const url = `amqp://guest:guest@${b.host}:${b.amqpPort}/${encodeURIComponent(vhost)}`;
  const conn = await amqp.connect(url);
  const ch = await conn.createConfirmChannel();
  await ch.assertQueue('src', { durable: true });
  await ch.assertQueue('dst', { durable: true });
  for (const m of messages) ch.sendToQueue('src', Buffer.from(m), { headers: { region: m.startsWith('eu') ? 'eu' : 'us' } });
  await ch.waitForConfirms();
  const depth = async (q: string) => (await ch.checkQueue(q)).messageCount;
  cleanups.push(async () => void (await conn.close().catch(() => undefined)));
  return { broker: ['--url', url, '--management-url', b.managementUrl], depth };
}

describe('npm run cli -- move', () => {
  it('moves the messages matching a header to another queue; the JSON line says moved and skipped', async () => {
    const v = await vhostWith(['eu-1', 'us-1', 'eu-2', 'eu-3', 'us-2']);
    const run = await cli(['move', ...v.broker, '--from', 'src', '--to-queue', 'dst', '--header', 'region=eu']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json).toMatchObject({ command: 'move', ok: true, state: 'done', mode: 'move', moved: 3, skipped: 2, possibleDuplicates: 0 });
    expect(await v.depth('dst')).toBe(3);
    expect(await v.depth('src')).toBe(2);
  });

  it('a move to a missing exchange is refused with a hint and moves nothing (exit 1); no destination is bad usage (exit 2)', async () => {
    const v = await vhostWith(['a', 'b']);
    const missing = await cli(['move', ...v.broker, '--from', 'src', '--to-exchange', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.json).toMatchObject({ command: 'move', ok: false, error: { code: 'NOT_FOUND', hint: expect.stringMatching(/nothing was moved/) } });
    expect(await v.depth('src')).toBe(2);
    const usage = await cli(['move', ...v.broker, '--from', 'src']);
    expect(usage.code).toBe(2);
    expect(usage.json).toMatchObject({ ok: false, error: { message: 'Give one destination: --to-queue QUEUE, --to-exchange EXCHANGE or --replay' } });
  });
});
