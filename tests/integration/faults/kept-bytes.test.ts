/**
 * Kept messages are capped in bytes as well as in count (issue 10, point 3): 40 messages of
 * 10 MB through one consumer keep at most KEEP_BYTES of bodies (plus the newest), and the memory
 * comes back after detach.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEEP_BYTES } from '../../../main/service/messaging/consumers/buffer';
import { keptBytes } from '../../support/faults';
import { connectedService } from '../../support/messaging';

const MB = 1024 * 1024;

let t: Awaited<ReturnType<typeof connectedService>>;
beforeAll(async () => {
  t = await connectedService('kept-bytes');
});
afterAll(async () => {
  await t?.close();
});

describe('kept messages', () => {
  it(`40 messages of 10 MB keep at most ${KEEP_BYTES / MB} MB of bodies (plus the newest) and the memory comes back after detach`, async () => {
    const o = await keptBytes(t);
    console.log(`[faults] 40 × 10 MB: ${JSON.stringify(o)}`);
    expect(o.kept).toBeLessThanOrEqual(Math.floor(KEEP_BYTES / (10 * MB)) + 1);
    expect(o.kept + o.dropped).toBe(40);
    // What is held is the byte budget (and what amqplib holds), never the 400 MB received.
    expect(o.during - o.before).toBeLessThan(KEEP_BYTES + 10 * MB + 30 * MB);
    expect(o.afterDetach - o.before).toBeLessThan(20 * MB);
  }, 120_000);
});
