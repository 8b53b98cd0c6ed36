/**
 * Kept messages are capped in bytes as well as in count (issue 10, point 3): 40 messages of
 * 10 MB through one consumer keep at most KEEP_BYTES of bodies (plus the newest), and the memory
 * comes back after detach.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEEP_BYTES } from '../../../main/service/messaging/consumers';
import { waitFor } from '../../support/broker';
import { connectedService } from '../../support/messaging';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heldBytes = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return { arrayBuffers: m.arrayBuffers, rss: m.rss };
};
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
    await t.ch.assertQueue('big', { durable: false });
    const before = heldBytes();
    const consumer = await t.call('consumers.attach', { queue: 'big', ackMode: 'auto', prefetch: 5 });
    const body = Buffer.alloc(10 * MB, 0x61);
    for (let i = 0; i < 40; i++) {
      t.ch.sendToQueue('big', body);
      await t.ch.checkQueue('big'); // one at a time: the run's shared broker is not flooded
    }
    const info = (await waitFor(async () => {
      const c = (await t.call('consumers.list', {})).find((x) => x.id === consumer.id);
      return c && c.received === 40 ? c : undefined;
    }, 60_000))!;
    const during = heldBytes();
    console.log(`[faults] 40 × 10 MB kept: ${info.kept} kept, ${info.dropped} dropped; arrayBuffers ${Math.round(before.arrayBuffers / MB)} → ${Math.round(during.arrayBuffers / MB)} MB, rss ${Math.round(before.rss / MB)} → ${Math.round(during.rss / MB)} MB`);
    expect(info.kept).toBeLessThanOrEqual(Math.floor(KEEP_BYTES / (10 * MB)) + 1);
    expect(info.kept + info.dropped).toBe(40);
    // What is held is the byte budget (and what amqplib and the test hold), never the 400 MB received.
    expect(during.arrayBuffers - before.arrayBuffers).toBeLessThan(KEEP_BYTES + 10 * MB + 40 * MB);

    // The newest is still there whole for the detail pane.
    const newest = (await t.call('consumers.messages', { consumerId: consumer.id, limit: 1 })).messages[0]!;
    const full = await t.call('consumers.message', { consumerId: consumer.id, id: newest.id });
    expect(full.size).toBe(10 * MB);

    await t.call('consumers.detach', { consumerId: consumer.id });
    const after = heldBytes();
    console.log(`[faults] after detach: arrayBuffers ${Math.round(after.arrayBuffers / MB)} MB, rss ${Math.round(after.rss / MB)} MB`);
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(20 * MB);
  }, 120_000);
});
