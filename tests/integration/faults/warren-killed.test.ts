/**
 * Warren killed -9 during a manual-ack consume (issue 10, point 3): its browser host runs as a
 * child process of the test, attached to a queue through the WebSocket like the page; after
 * kill -9 every unacknowledged message is back to ready (0 lost), and the next start connects to
 * its own still-running sandbox first.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { warrenKilledDuringConsume } from '../../support/faults';

const cleanup: (() => unknown)[] = [];
afterAll(async () => {
  for (const fn of cleanup.reverse()) await Promise.resolve(fn()).catch(() => undefined);
});

describe('Warren killed -9', () => {
  it('during a manual-ack consume: every message back to ready, 0 lost; the next start connects to its own sandbox first', async () => {
    const dataDir = mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'killed-'));
    const outcome = await warrenKilledDuringConsume(dataDir, (fn) => cleanup.push(fn));
    console.log(`[faults] Warren kill -9: ${JSON.stringify({ ...outcome, secondOutput: undefined })}`);
    expect(outcome.unackedAtKill).toBe(500);
    expect(outcome.acked).toBeGreaterThan(0);
    // Every message Warren had not acked is ready again: none lost, none stuck.
    expect(outcome.readyAfter).toBe(outcome.total - outcome.acked);
    expect(outcome.lost).toBe(0);
    expect(outcome.profileAfter).toBe('sandbox');
    expect(outcome.amqpPortAfter).toBe(outcome.sandboxPort);
    expect(outcome.secondOutput).toContain(`Sandbox broker found running on amqp://127.0.0.1:${outcome.sandboxPort}`);
  }, 240_000);
});
