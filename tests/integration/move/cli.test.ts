/** `npm run cli -- move …`: the Move page's engine from a script, one JSON line and an exit code. */
import amqp from 'amqplib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestVhost, testBroker } from '../../support/broker';
import { runCli } from '../../support/cli';

describe('npm run cli -- move', () => {
  let vhost: string;
  let remove: () => Promise<void>;
  let url: string;
  beforeEach(async () => {
    ({ vhost, remove } = await createTestVhost('move-cli'));
    url = `amqp://guest:guest@127.0.0.1:${testBroker().amqpPort}/${encodeURIComponent(vhost)}`;
    const conn = await amqp.connect(url);
    const ch = await conn.createConfirmChannel();
    await ch.assertQueue('dead', { durable: true });
    await ch.assertQueue('retry', { durable: true });
    for (let i = 1; i <= 50; i++) ch.sendToQueue('dead', Buffer.from(`order ${i}`), { headers: { region: i <= 10 ? 'eu' : 'us' } });
    await ch.waitForConfirms();
    await conn.close();
  });
  afterEach(async () => {
    await remove();
  });

  const depth = async (queue: string) => {
    const conn = await amqp.connect(url);
    try {
      return (await (await conn.createChannel()).checkQueue(queue)).messageCount;
    } finally {
      await conn.close();
    }
  };

  it('moves the matching messages and ends with its report as one JSON line, exit 0', async () => {
    const run = await runCli(['move', '--url', url, '--management-url', testBroker().managementUrl, '--from', 'dead', '--to-queue', 'retry', '--header', 'region=eu']);
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ command: 'move', ok: true, state: 'done', source: 'dead', mode: 'move', limit: 50, examined: 50, moved: 10, skipped: 40, unroutable: 0, possibleDuplicates: 0 });
    expect(await depth('retry')).toBe(10);
    for (let i = 0; i < 50 && (await depth('dead')) !== 40; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await depth('dead')).toBe(40);
  }, 90_000);

  it('a missing destination exits 1 with the reason, nothing moved; a bad option exits 2', async () => {
    const missing = await runCli(['move', '--url', url, '--from', 'dead', '--to-exchange', 'nowhere']);
    expect(missing.code).toBe(1);
    expect(missing.json).toMatchObject({ command: 'move', ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/^No exchange nowhere/) } });
    expect(await depth('dead')).toBe(50);
    const usage = await runCli(['move', '--url', url, '--from', 'dead']);
    expect(usage.code).toBe(2);
    expect(usage.json).toMatchObject({ command: 'move', ok: false, error: { code: 'BAD_INPUT', message: 'Give one destination: --to-queue QUEUE, --to-exchange EXCHANGE, or --replay' } });
    const help = await runCli(['--help']);
    expect(help.stdout).toContain('move --url URL [--management-url URL] --from QUEUE');
  }, 90_000);
});
