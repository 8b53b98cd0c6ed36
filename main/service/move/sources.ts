/**
 * Where a move takes its messages from. A basic.get is one round trip per message (~100–300
 * messages/s measured here), so an unfiltered move of a queue nobody consumes from takes them from
 * a consumer of its own instead: the broker streams a window of deliveries and the run confirms and
 * acknowledges them a round at a time. Every other run (a filter or a copy holds messages
 * unacknowledged until it ends; a replay may skip some) reads with basic.get.
 *
 * Either way nothing is acknowledged before the destination confirmed it, and whatever the run did
 * not acknowledge goes back to the source, in order, when it ends.
 */
import type { Channel, Message } from 'amqplib';

export interface MessageSource {
  /** The next message (unacknowledged), or false when the source has no more for this run. */
  next(): Promise<Message | false>;
  /** Leaves a taken message unacknowledged until the run ends (then it is put back). */
  hold(message: Message): void;
  ack(message: Message): void;
  /** Resolves once the broker has processed every acknowledgement sent before it (a round trip on the channel). */
  sync(): Promise<void>;
  /** Stops taking; every message taken and not acknowledged — held, or delivered and not read — goes back. */
  putBack(): Promise<void>;
}

export class GetSource implements MessageSource {
  constructor(
    private readonly ch: Channel,
    private readonly queue: string,
  ) {}

  next(): Promise<Message | false> {
    return this.ch.get(this.queue, { noAck: false });
  }

  hold(): void {}

  ack(message: Message): void {
    this.ch.ack(message);
  }

  async sync(): Promise<void> {
    await this.ch.checkQueue(this.queue);
  }

  async putBack(): Promise<void> {
    this.ch.nackAll(true);
  }
}

/** Deliveries unacknowledged at once: two rounds of the mover, so the next one streams in while one is confirmed. */
export const CONSUMER_WINDOW = 400;
/** With nothing delivered for this long, the queue is asked whether it holds anything more. */
const IDLE_MS = 250;
/** Ready messages that never reach this consumer (another one took them) end the run after this long. */
const STALLED_MS = 5_000;

export class ConsumerSource implements MessageSource {
  private readonly delivered: Message[] = [];
  private wake?: () => void;
  private tag?: string;
  /** Held messages the current consumer delivered: they fill its window until the run ends. */
  private heldInWindow = 0;
  /** The broker cancelled the consumer (the queue was deleted). */
  private cancelled = false;

  private constructor(
    private readonly ch: Channel,
    private readonly queue: string,
  ) {}

  static async open(ch: Channel, queue: string): Promise<ConsumerSource> {
    const source = new ConsumerSource(ch, queue);
    await ch.prefetch(CONSUMER_WINDOW);
    await source.consume();
    return source;
  }

  async next(): Promise<Message | false> {
    let idleSince: number | undefined;
    for (;;) {
      const message = this.delivered.shift();
      if (message) return message;
      if (this.cancelled) return false;
      // A window half full of held messages would soon deliver nothing more: a new consumer gets a
      // window of its own (the held ones stay unacknowledged on the channel, in order).
      if (this.heldInWindow >= CONSUMER_WINDOW / 2) {
        await this.restart();
        continue;
      }
      if (await this.delivery(IDLE_MS)) continue;
      const { messageCount } = await this.ch.checkQueue(this.queue);
      if (this.delivered.length > 0) continue;
      if (messageCount === 0) return false;
      idleSince ??= Date.now();
      if (Date.now() - idleSince >= STALLED_MS) return false;
    }
  }

  hold(message: Message): void {
    if ((message.fields as { consumerTag?: string }).consumerTag === this.tag) this.heldInWindow++;
  }

  ack(message: Message): void {
    this.ch.ack(message);
  }

  async sync(): Promise<void> {
    await this.ch.checkQueue(this.queue);
  }

  async putBack(): Promise<void> {
    // Cancel first, or the broker would deliver the requeued messages straight back to us.
    if (this.tag && !this.cancelled) await this.ch.cancel(this.tag);
    this.ch.nackAll(true);
  }

  private async consume(): Promise<void> {
    this.heldInWindow = 0;
    const { consumerTag } = await this.ch.consume(
      this.queue,
      (message) => {
        if (message === null) this.cancelled = true;
        else this.delivered.push(message);
        this.wake?.();
      },
      { noAck: false },
    );
    this.tag = consumerTag;
  }

  private async restart(): Promise<void> {
    if (this.tag) await this.ch.cancel(this.tag);
    await this.consume();
  }

  /** Whether a delivery (or the broker's cancel) arrived within `ms`. */
  private delivery(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve(false);
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve(true);
      };
    });
  }
}
