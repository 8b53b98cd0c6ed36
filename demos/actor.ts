/**
 * One of the tutorial's separate programs (a worker, a log consumer, the email service): its own
 * AMQP connection, its own channel, processing one delivery at a time like pika's blocking
 * callback. Stopping it closes its connection, so the broker requeues whatever it had not acked.
 */
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import type { ActorState } from '../shared/demos/types';

const KEEP = 60;

export interface ActorSpec {
  id: string;
  label: string;
  /** Declares what the program declares and returns the queue to consume (server-named ones too). */
  declare: (channel: Channel) => Promise<string>;
  /** basic.qos prefetch count; 0 = unlimited. */
  prefetch: number;
  /** auto_ack=True: the broker forgets a message as soon as it is sent. */
  noAck?: boolean;
  /** Never acknowledges (the "forgot to ack" bug of the best-practices lab). */
  neverAck?: boolean;
  /** The work of the callback; returns lines to print. Resolves when the work is done. */
  work: (body: string, message: ConsumeMessage, actor: Actor) => Promise<string[] | void>;
  /** Called before work: 'skip' acks without working (idempotent consumers). */
  check?: (body: string, message: ConsumeMessage, actor: Actor) => 'work' | 'skip';
  /** The line printed when a delivery arrives (tutorial style). */
  receivedLine?: (body: string, message: ConsumeMessage) => string;
}

export class Actor {
  status: ActorState['status'] = 'down';
  queue?: string;
  /** Whether the presenter wants it running. */
  wanted = false;
  private model?: ChannelModel;
  private channel?: Channel;
  private chain: Promise<void> = Promise.resolve();
  private generation = 0;
  private readonly received: ActorState['received'] = [];
  private readonly acked: string[] = [];
  private readonly lines: string[] = [];
  receivedCount = 0;
  ackedCount = 0;
  unacked = 0;
  maxInFlight = 0;
  /** Every body received and acked, unbounded (tests and reconciliation read them). */
  readonly allReceived: { body: string; routingKey: string; redelivered: boolean }[] = [];
  readonly allAcked: string[] = [];

  constructor(
    readonly spec: ActorSpec,
    private readonly open: () => Promise<ChannelModel>,
    private readonly changed: () => void,
  ) {}

  async start(): Promise<void> {
    if (this.model) return;
    this.wanted = true;
    const generation = ++this.generation;
    const model = await this.open();
    model.on('error', () => undefined);
    model.on('close', () => {
      if (this.model !== model) return;
      this.model = undefined;
      this.channel = undefined;
      this.unacked = 0;
      this.status = 'down';
      this.print(' [!] connection closed');
      this.changed();
    });
    this.model = model;
    try {
      const channel = await model.createChannel();
      channel.on('error', () => undefined);
      this.channel = channel;
      if (this.spec.prefetch > 0) await channel.prefetch(this.spec.prefetch);
      this.queue = await this.spec.declare(channel);
      await channel.consume(this.queue, (message) => {
        if (message && generation === this.generation) this.deliver(channel, message, generation);
      }, { noAck: this.spec.noAck ?? false });
    } catch (err) {
      // A refused declare (406 …): no half-started program keeps its connection; a later start tries afresh.
      this.model = undefined;
      this.channel = undefined;
      await model.close().catch(() => undefined);
      throw err;
    }
    this.status = 'up';
    this.print(' [*] Waiting for messages. To exit press CTRL+C');
    this.changed();
  }

  /** Stops the program the hard way (like Ctrl+C or a crash): unacked deliveries go back to the queue. */
  async stop(reason = 'stopped'): Promise<void> {
    this.wanted = false;
    await this.kill(reason);
  }

  /** A crash: the connection goes, the presenter still wants it back later. */
  async kill(reason = 'crashed'): Promise<void> {
    this.generation += 1;
    const model = this.model;
    this.model = undefined;
    this.channel = undefined;
    this.unacked = 0;
    this.chain = Promise.resolve();
    this.status = 'down';
    if (model) {
      this.print(` [!] ${reason}`);
      await model.close().catch(() => undefined);
    }
    this.changed();
  }

  print(line: string): void {
    this.lines.push(line);
    if (this.lines.length > KEEP) this.lines.shift();
  }

  state(displayQueue: (name: string) => string): ActorState {
    return {
      id: this.spec.id,
      label: this.spec.label,
      ...(this.queue ? { queue: displayQueue(this.queue) } : {}),
      status: this.status,
      received: [...this.received],
      acked: [...this.acked],
      receivedCount: this.receivedCount,
      ackedCount: this.ackedCount,
      unacked: this.unacked,
      maxInFlight: this.maxInFlight,
      log: [...this.lines],
    };
  }

  private deliver(channel: Channel, message: ConsumeMessage, generation: number): void {
    const body = message.content.toString('utf8');
    this.receivedCount += 1;
    const manual = !(this.spec.noAck ?? false);
    if (manual) {
      this.unacked += 1;
      this.maxInFlight = Math.max(this.maxInFlight, this.unacked);
    }
    this.received.push({ body: body.slice(0, 200), routingKey: message.fields.routingKey, redelivered: message.fields.redelivered, at: Date.now() });
    if (this.received.length > KEEP) this.received.shift();
    this.allReceived.push({ body, routingKey: message.fields.routingKey, redelivered: message.fields.redelivered });
    this.changed();
    // One callback at a time, in order, as pika's start_consuming does.
    this.chain = this.chain.then(() => this.process(channel, message, body, generation, manual));
  }

  private async process(channel: Channel, message: ConsumeMessage, body: string, generation: number, manual: boolean): Promise<void> {
    if (generation !== this.generation) return;
    const line = this.spec.receivedLine?.(body, message) ?? ` [x] Received ${body}`;
    this.print(message.fields.redelivered ? `${line} (redelivered)` : line);
    this.status = 'busy';
    this.changed();
    const decision = this.spec.check?.(body, message, this) ?? 'work';
    if (decision === 'work') {
      try {
        const printed = await this.spec.work(body, message, this);
        for (const l of printed ?? []) this.print(l);
      } catch (err) {
        this.print(` [!] ${(err as Error).message}`);
      }
    }
    // A kill during the work: the program is gone, it never acks.
    if (generation !== this.generation) return;
    if (this.spec.neverAck) {
      this.print(' [x] Done (but the ack was forgotten)');
      this.status = 'up';
      this.changed();
      return;
    }
    if (manual) {
      try {
        channel.ack(message);
      } catch {
        return;
      }
      this.unacked -= 1;
    }
    this.ackedCount += 1;
    this.acked.push(body.slice(0, 200));
    if (this.acked.length > KEEP) this.acked.shift();
    this.allAcked.push(body);
    this.status = 'up';
    this.changed();
  }
}
