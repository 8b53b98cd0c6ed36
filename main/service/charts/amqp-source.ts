/**
 * Without the management plugin, the ready and consumer counts of watched queues still come
 * from AMQP passive declares (queue.declare passive → message and consumer counts). Unacked,
 * totals and rates are not available that way; the series is labelled 'amqp'.
 * A missing queue closes the channel (404), so this uses its own channel, reopened as needed.
 */
import type { Channel, ChannelModel } from 'amqplib';
import type { QueueReading } from './management-source';

/** Passive declares per tick at most (a fallback, not a way to poll thousands of queues). */
export const AMQP_FALLBACK_LIMIT = 200;

export class PassiveCounter {
  private channel?: Promise<Channel>;
  private model?: ChannelModel;

  async read(model: ChannelModel, names: string[]): Promise<{ readings: Map<string, QueueReading>; missing: string[] }> {
    const readings = new Map<string, QueueReading>();
    const missing: string[] = [];
    for (const name of names.slice(0, AMQP_FALLBACK_LIMIT)) {
      const channel = await this.open(model);
      try {
        const reply = await channel.checkQueue(name);
        readings.set(name, {
          ready: reply.messageCount,
          unacked: null,
          total: null,
          consumers: reply.consumerCount,
          counters: { publish: null, deliver: null, ack: null, redeliver: null, unroutable: null },
        });
      } catch (err) {
        this.channel = undefined;
        if ((err as { code?: unknown }).code === 404) missing.push(name);
        else throw err;
      }
    }
    return { readings, missing };
  }

  async close(): Promise<void> {
    const channel = this.channel;
    this.channel = undefined;
    if (channel) await (await channel.catch(() => undefined))?.close().catch(() => undefined);
  }

  private open(model: ChannelModel): Promise<Channel> {
    if (this.model !== model) {
      this.model = model;
      this.channel = undefined;
    }
    this.channel ??= model.createChannel().then((channel) => {
      channel.on('error', () => undefined);
      channel.on('close', () => {
        this.channel = undefined;
      });
      return channel;
    });
    const current = this.channel;
    current.catch(() => {
      if (this.channel === current) this.channel = undefined;
    });
    return current;
  }
}
