/**
 * Reads a stream queue from an offset on a short-lived channel of its own: basic.qos and manual
 * acknowledgements (a stream consumer needs both), basic.consume with `x-stream-offset`, take
 * the deliveries asked for or stop after a quiet moment, cancel, close. Acknowledging a stream
 * delivery only moves the consumer's credit window — the stream keeps every message — so reading
 * twice gives the same messages.
 */
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import type { StreamMessage, StreamPage, StreamStart } from '../../../shared/streams/types';
import type { ServiceContext } from '../context';
import { vhostPath } from '../broker/management';
import { warrenError } from '../../../shared/errors';
import { fail, toWarrenError, WarrenFailure } from '../errors';
import { toReceived } from '../messaging/codec';

/** How long a read waits for its first delivery, then for each next one, before it ends. */
const FIRST_WAIT_MS = 1_500;
const QUIET_MS = 400;
/** Bodies are previews in the table (marked truncated beyond this): 1,000 of them stay a few MB over the bridge. */
const PREVIEW_BYTES = 4 * 1024;

export interface ReadStreamInput {
  queue: string;
  from: StreamStart;
  count: number;
}

export async function readStream(ctx: ServiceContext, input: ReadStreamInput): Promise<StreamPage> {
  await requireStream(ctx, input.queue);
  const model = ctx.connection.requireSession().connection;
  if (!model) fail('NOT_CONNECTED', 'Not connected to a broker', { hint: 'Connect to a broker first (choose a profile in Connections).' });
  // One more than asked: if it comes, the stream has newer messages than the page.
  const taken = await take(model, input.queue, input.from, input.count + 1);
  const messages = taken.slice(0, input.count);
  const firstOffset = messages[0]?.offset;
  const lastOffset = messages.at(-1)?.offset;
  // Older: the stream's first retained message comes before this page (retention may have dropped offset 0).
  let hasOlder = false;
  // A read from first starts at the oldest kept message already: no second look.
  if (input.from.kind !== 'first' && (firstOffset === undefined || firstOffset > 0)) {
    const [oldest] = await take(model, input.queue, { kind: 'first' }, 1);
    hasOlder = oldest !== undefined && (firstOffset === undefined || oldest.offset < firstOffset);
  }
  return { queue: input.queue, messages, firstOffset, lastOffset, hasOlder, hasNewer: taken.length > input.count };
}

/** NOT_FOUND for a missing queue, BAD_INPUT for a queue that is not a stream (consuming it would take its messages). */
async function requireStream(ctx: ServiceContext, queue: string): Promise<void> {
  const vhost = ctx.connection.state.vhost ?? '/';
  let type: string | undefined;
  try {
    ({ type } = await ctx.connection.requireManagement().get<{ type?: string }>(`/queues/${vhostPath(vhost)}/${encodeURIComponent(queue)}`, { columns: 'type' }));
  } catch (err) {
    const error = toWarrenError(err);
    if (error.code === 'NOT_FOUND') fail('NOT_FOUND', `No queue “${queue}” in virtual host ${vhost}`, { field: 'queue', hint: 'Check the name on the Queues page, or declare a stream queue (type stream) first.' });
    throw new WarrenFailure(error);
  }
  if (type !== 'stream') {
    fail('BAD_INPUT', `Queue “${queue}” is not a stream (it is a ${type ?? 'classic'} queue)`, {
      field: 'queue',
      hint: 'Only stream queues can be read by offset without consuming. To look at this queue, use Peek, or attach a consumer.',
    });
  }
}

/** The `x-stream-offset` argument: a keyword, a number, or an AMQP timestamp (whole seconds). */
export function offsetArgument(from: StreamStart): unknown {
  switch (from.kind) {
    case 'first':
    case 'last':
    case 'next':
      return from.kind;
    case 'offset':
      return from.offset;
    case 'timestamp':
      return { '!': 'timestamp', value: Math.floor(from.at / 1000) };
  }
}

/** The offset the broker stamped on a delivery, or undefined if it has none (not a stream delivery). */
export function deliveryOffset(msg: ConsumeMessage): number | undefined {
  const value = (msg.properties.headers as Record<string, unknown> | undefined)?.['x-stream-offset'];
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return undefined;
}

/** Consumes up to `limit` messages from `from` on a channel of its own, then cancels and closes it. */
async function take(model: ChannelModel, queue: string, from: StreamStart, limit: number): Promise<StreamMessage[]> {
  const channel: Channel = await model.createChannel().catch((err: unknown) => {
    throw new WarrenFailure(toWarrenError(err));
  });
  let failure: Error | undefined;
  channel.on('error', (err: Error) => (failure ??= err));
  let closed = false;
  channel.once('close', () => (closed = true));
  const got: StreamMessage[] = [];
  // The broker starts at the chunk that holds the offset; earlier messages of that chunk are skipped here.
  const floor = from.kind === 'offset' ? from.offset : 0;
  try {
    await channel.prefetch(Math.min(limit, 1_000));
    await new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = () => {
        clearTimeout(timer);
        resolve();
      };
      const wait = (ms: number) => {
        clearTimeout(timer);
        timer = setTimeout(finish, ms);
      };
      // Only a fault closes the channel before the read ends (Warren closes it after): never a short page as if complete.
      channel.once('close', () =>
        reject(failure ?? new WarrenFailure(warrenError('NOT_CONNECTED', 'The connection to the broker closed during the read', { hint: 'Read again once Warren is connected; the stream is unchanged.' }))),
      );
      channel
        .consume(
          queue,
          (msg) => {
            if (!msg) return finish(); // cancelled by the broker (the queue was deleted)
            if (got.length >= limit) return;
            channel.ack(msg); // moves the credit window only; the stream keeps the message
            const offset = deliveryOffset(msg);
            if (offset === undefined || offset < floor) return wait(QUIET_MS);
            got.push({ ...toReceived(offset, msg, 'acked', PREVIEW_BYTES), offset });
            if (got.length >= limit) finish();
            else wait(QUIET_MS);
          },
          { noAck: false, arguments: { 'x-stream-offset': offsetArgument(from) } },
        )
        .then(() => {
          if (got.length < limit) wait(FIRST_WAIT_MS);
        }, reject);
    });
  } catch (err) {
    throw new WarrenFailure(toWarrenError(err));
  } finally {
    // Closing the channel cancels its consumer; the stream is untouched. A channel the broker or a
    // cut already closed has nothing left to close.
    if (!closed) await channel.close().catch(() => undefined);
  }
  return got;
}
