/**
 * The broker's max message size. RabbitMQ 3.8+ defaults to 128 MiB (max_message_size) and says
 * the configured value when it refuses a bigger message; no API exposes it, so Warren starts
 * from the default and learns the real value from the first refusal.
 */
import { fail } from '../errors';

export const DEFAULT_MAX_MESSAGE_BYTES = 128 * 1024 * 1024;

export class MaxMessageSize {
  bytes = DEFAULT_MAX_MESSAGE_BYTES;

  check(size: number): void {
    if (size > this.bytes) {
      fail('BAD_INPUT', `The body is ${size} bytes; the broker accepts at most ${this.bytes} bytes (max_message_size)`, {
        field: 'body.data',
        hint: 'Send a smaller body, or raise max_message_size in rabbitmq.conf.',
      });
    }
  }

  /** RabbitMQ: "message size 200 is larger than configured max size 100". */
  learn(message: string): void {
    const match = /larger than configured max size (\d+)/.exec(message);
    if (match) this.bytes = Number(match[1]);
  }
}
