/**
 * The reference side of the benchmarks: plain amqplib with the socket options Warren's own
 * connection uses (main/service/broker/target.ts: noDelay), connected before any clock starts.
 */
import amqp from 'amqplib';

export const SOCKET_OPTIONS = { noDelay: true } as const;

export function rawConnect(url: string) {
  return amqp.connect(url, SOCKET_OPTIONS);
}

/** Resolves when the broker holds `n` ready messages on `queue` (polled with passive declares). */
export async function brokerHolds(ch: amqp.Channel, queue: string, n: number, timeoutMs = 300_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const { messageCount } = await ch.checkQueue(queue);
    if (messageCount >= n) return;
    if (performance.now() > until) throw new Error(`the broker holds ${messageCount} of ${n} on ${queue}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Fills `queue` with `n` messages of `size` bytes (drain-aware, then waits until the broker holds them). */
export async function fill(url: string, queue: string, n: number, size = 100): Promise<void> {
  const conn = await rawConnect(url);
  try {
    const ch = await conn.createChannel();
    await ch.assertQueue(queue, { durable: false });
    await ch.purgeQueue(queue);
    const body = Buffer.from('y'.repeat(size));
    for (let i = 0; i < n; i++) if (!ch.publish('', queue, body)) await new Promise((r) => ch.once('drain', r));
    await brokerHolds(ch, queue, n);
  } finally {
    await conn.close().catch(() => undefined);
  }
}
