import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Overview } from '../../../shared/overview/types';
import { createTestVhost } from '../../support/broker';
import { connectToRunBroker, makeService } from '../../support/service';

describe('connection life and the overview', () => {
  let vhost: string;
  let remove: () => Promise<void>;
  let ctx: ReturnType<typeof makeService>;

  beforeEach(async () => {
    ({ vhost, remove } = await createTestVhost('conn'));
    ctx = makeService();
    await connectToRunBroker(ctx, vhost);
  });
  afterEach(async () => {
    await ctx.service.shutdown();
    await remove();
  });

  it('a channel the broker closes (404 on a passive declare) is replaced and the error is shown, not fatal', async () => {
    const missing = await ctx.dispatch('queues.check', { queue: 'no-such-queue' });
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    expect(missing.error.code).toBe('NOT_FOUND');
    expect(missing.error.message).toContain("no queue 'no-such-queue'");
    const state = await ctx.dispatch('connection.state', {});
    expect(state.ok).toBe(true);
    if (!state.ok) return;
    const value = state.value;
    expect(value.status).toBe('connected');
    expect(value.lastChannelError?.code).toBe('NOT_FOUND');

    // The same connection carries on with a new channel.
    await ctx.service.connection.requireSession().withChannel((ch) => ch.assertQueue('present', { durable: false }));
    const present = await ctx.dispatch('queues.check', { queue: 'present' });
    expect(present.ok && present.value).toMatchObject({ queue: 'present', messageCount: 0, consumerCount: 0 });
  });

  it('the overview shows versions, nodes, totals and the vhost’s message counts', async () => {
    await ctx.service.connection.requireSession().withChannel(async (ch) => {
      await ch.assertQueue('ov', { durable: false });
      for (let i = 0; i < 3; i++) ch.sendToQueue('ov', Buffer.from(`m${i}`));
      await ch.checkQueue('ov');
    });
    const overview = await waitForReady(ctx, vhost, 3);
    expect(overview.management).toMatchObject({ available: true, rabbitmqVersion: expect.stringMatching(/^3\.\d+\.\d+/), erlangVersion: expect.stringMatching(/^\d+/) });
    expect(overview.nodes[0]?.name).toMatch(/^warren-[0-9a-f]{8}@localhost$/);
    expect(overview.nodes[0]?.running).toBe(true);
    expect(overview.totals?.queues).toBeGreaterThanOrEqual(1);
    expect(overview.vhosts).toContain(vhost);
    expect(overview.messages).toMatchObject({ ready: 3, total: 3, unacked: 0 });
  });

  it('without the management API the overview says so and AMQP keeps working', async () => {
    // Nothing listens on the discard port: the management API is unavailable, AMQP is not.
    await connectToRunBroker(ctx, vhost, { name: 'No management', managementUrl: 'http://127.0.0.1:9' });
    const result = await ctx.dispatch('overview.get', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const overview = result.value;
    expect(overview.management).toMatchObject({
      available: false,
      error: { message: expect.stringMatching(/Management API unavailable/), hint: expect.stringMatching(/still work over AMQP/) },
    });
    expect(overview.server?.version).toMatch(/^3\./);
    await ctx.service.connection.requireSession().withChannel((ch) => ch.assertQueue('still-works', { durable: false }));
    const check = await ctx.dispatch('queues.check', { queue: 'still-works' });
    expect(check.ok).toBe(true);
  });
});

/** Management statistics lag by up to one collection interval (1 s on the sandbox). */
async function waitForReady(ctx: ReturnType<typeof makeService>, vhost: string, ready: number): Promise<Overview> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const result = await ctx.dispatch('overview.get', { vhost });
    if (!result.ok) throw new Error(result.error.message);
    const value = result.value;
    if (value.messages?.ready === ready || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}
