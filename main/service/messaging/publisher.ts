/**
 * Single publishes: on one confirm channel of Warren's own (not the shared command channel), one
 * at a time so a basic.return can be matched to the message it belongs to (the broker sends the
 * return before the confirm of the same message). A channel the broker closes (404 on a missing
 * exchange) is reported with the broker's reason and replaced on the next publish.
 */
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { z } from 'zod';
import type { publishInput } from '../../../shared/messaging/contract';
import type { PublishOutcome } from '../../../shared/messaging/types';
import type { ServiceContext } from '../context';
import { fail, toWarrenError, WarrenFailure } from '../errors';
import type { AmqpSession } from '../broker/session';
import { composeBody, toPublishOptions } from './codec';
import { MaxMessageSize } from './max-size';
import type { TopologyReader } from '../topology/reader';

export type PublishInput = z.output<typeof publishInput>;

export interface TrackedChannel {
  channel: ConfirmChannel;
  /** The broker's reason when it closed the channel. */
  closedBy?: Error;
  closed: boolean;
}

/** Opens a confirm channel that remembers why it closed. */
export async function openConfirmChannel(session: AmqpSession): Promise<TrackedChannel> {
  const model = session.connection;
  if (!model) fail('NOT_CONNECTED', 'Not connected to a broker');
  const channel = await model.createConfirmChannel();
  const tracked: TrackedChannel = { channel, closed: false };
  channel.on('error', (err: Error) => {
    tracked.closedBy = err;
  });
  channel.on('close', () => {
    tracked.closed = true;
  });
  return tracked;
}

export class Publisher {
  private current?: { session: AmqpSession; tracked: Promise<TrackedChannel> };
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly topology: TopologyReader,
    readonly maxSize: MaxMessageSize,
  ) {
    ctx.onShutdown(async () => {
      const t = await this.current?.tracked.catch(() => undefined);
      if (t && !t.closed) await t.channel.close().catch(() => undefined);
    });
  }

  publish(input: PublishInput): Promise<PublishOutcome> {
    // Validate before queueing: bad input answers at once and leaves the channel alone.
    const content = composeBody(input.body);
    this.maxSize.check(content.length);
    const options = toPublishOptions(input.properties, input.mandatory);
    const run = this.queue.then(() => this.publishNow(input, content, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async channel(): Promise<TrackedChannel> {
    const session = this.ctx.connection.requireSession();
    if (this.current?.session === session) {
      const t = await this.current.tracked.catch(() => undefined);
      if (t && !t.closed) return t;
    }
    const tracked = openConfirmChannel(session);
    this.current = { session, tracked };
    return tracked;
  }

  private async publishNow(input: PublishInput, content: Buffer, options: ReturnType<typeof toPublishOptions>): Promise<PublishOutcome> {
    const t = await this.channel().catch((err: unknown) => {
      throw new WarrenFailure(toWarrenError(err));
    });
    let returned: ConsumeMessage | undefined;
    const onReturn = (m: ConsumeMessage) => {
      returned = m;
    };
    t.channel.on('return', onReturn);
    try {
      const nacked = await new Promise<boolean>((resolve, reject) => {
        t.channel.publish(input.exchange, input.routingKey, content, options, (err) => {
          if (!err) resolve(false);
          else if (err.message === 'message nacked') resolve(true);
          else reject(err);
        });
      });
      if (returned) {
        const r = returned.fields as unknown as { replyCode: number; replyText: string };
        return {
          status: 'returned',
          bytes: content.length,
          returned: {
            replyCode: r.replyCode,
            replyText: r.replyText,
            reasons: await this.topology.explainReturn(input.exchange, input.routingKey, input.properties.headers),
          },
        };
      }
      return { status: nacked ? 'nacked' : 'confirmed', bytes: content.length };
    } catch (err) {
      // The confirm callback only says "channel closed"; the broker's reason came as 'error'.
      const error = toWarrenError(t.closedBy ?? err);
      this.maxSize.learn(error.message);
      if (error.code === 'NOT_FOUND') {
        throw new WarrenFailure({
          ...error,
          hint: `Declare the exchange “${input.exchange}” first, or pick an existing one. Warren opened a new channel; your message is still in the composer.`,
        });
      }
      throw new WarrenFailure(error);
    } finally {
      t.channel.off('return', onReturn);
    }
  }
}
