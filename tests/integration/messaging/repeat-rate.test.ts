/**
 * Pacing is a correctness property: a repeat asked for R msg/s sends at R over its own clock
 * (count ÷ elapsed of the run it reports), within ±2 %, at 10 and 1,000 msg/s. The broker gets
 * every message. (20,000 msg/s is measured by `npm run bench -- publish`.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectedService } from '../../support/messaging';
import { payloadsOf } from '../../support/service';

describe('repeat at a rate', () => {
  let t: Awaited<ReturnType<typeof connectedService>>;
  beforeAll(async () => {
    t = await connectedService('repeat-rate');
    await t.ch.assertQueue('paced', { durable: false });
  });
  afterAll(() => t.close());

  for (const { rate, seconds } of [
    { rate: 10, seconds: 5 },
    { rate: 1_000, seconds: 5 },
  ]) {
    it(`asked for ${rate} msg/s, achieves ${rate} msg/s ±2 % over the run's own clock, every message on the queue`, async () => {
      await t.ch.purgeQueue('paced');
      const count = rate * seconds;
      const run = await t.call('messaging.repeat', { exchange: '', routingKey: 'paced', count, ratePerSecond: rate, confirm: true, wait: true, body: { mode: 'text', data: 'tick {{seq}}' } });
      expect(run.state).toBe('done');
      expect(run.confirmed).toBe(count);
      const achieved = (run.sent * 1000) / run.elapsedMs;
      expect(Math.abs(achieved / rate - 1)).toBeLessThanOrEqual(0.02);
      expect((await t.ch.checkQueue('paced')).messageCount).toBe(count);
    }, 30_000);
  }

  it('a resumed run sends the rest at its rate, and its progress rate counts only what it sent itself', async () => {
    await t.ch.purgeQueue('paced');
    const run = await t.call('messaging.repeat', { exchange: '', routingKey: 'paced', count: 5_000, resumeFrom: 4_000, ratePerSecond: 1_000, confirm: true, wait: true, body: { mode: 'text', data: 'tick {{seq}}' } });
    expect(run.state).toBe('done');
    expect(run.sent).toBe(5_000);
    expect((await t.ch.checkQueue('paced')).messageCount).toBe(1_000);
    const rates = payloadsOf(t.svc.events, 'messaging.repeatProgress').filter((p) => p.runId === run.runId).map((p) => p.rate);
    expect(rates.length).toBeGreaterThan(0);
    // Counting the 4,000 it skipped as sent would show 4,000 msg/s and more at the start.
    expect(Math.max(...rates)).toBeLessThan(2_000);
  }, 30_000);
});
