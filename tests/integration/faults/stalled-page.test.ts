/**
 * A stalled page (issue 10, point 3): a WebSocket client of the browser host (a child process)
 * stops reading while a consumer receives a queue of 200,000 messages. Deliveries are
 * flow-controlled — the consumer pauses, the broker keeps the messages — and main's RSS stays
 * bounded; when the client reads again the consumer carries on and the queue drains.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestVhost } from '../../support/broker';
import { stalledPage } from '../../support/faults';

const MB = 1024 * 1024;
const cleanup: (() => unknown)[] = [];
let vhost: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ vhost, remove } = await createTestVhost('stalled'));
});
afterAll(async () => {
  for (const fn of cleanup.reverse()) await Promise.resolve(fn()).catch(() => undefined);
  await remove?.();
});

describe('a page that stops reading', () => {
  it('pauses the consumer (the broker keeps the messages), keeps main RSS bounded, and carries on when the page reads again', async () => {
    const dataDir = mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'stalled-'));
    const o = await stalledPage(vhost, dataDir, (fn) => cleanup.push(fn));
    console.log(`[faults] stalled page: ${JSON.stringify(o)}`);
    // Flow control: the consumer left the broker with messages still there, and took no more.
    expect(o.stillOnBroker).toBeGreaterThan(0);
    // Settled with most of the queue still on the broker (the kernel's buffers took the rest).
    expect(o.stillOnBrokerLater).toBeGreaterThan(o.total / 2);
    expect(o.rssPeakStalled - o.rssBefore).toBeLessThan(120 * MB);
    // Reading again: everything arrives (the full-speed drain's memory is logged, not bounded here).
    expect(o.drained).toBe(true);
    expect(o.received).toBe(o.total);
  }, 300_000);
});
