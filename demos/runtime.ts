/**
 * The shared demo runtime: where a scenario runs (its vhost or prefixed names), what it declared
 * (so reset deletes exactly that), its actors, its publisher (the "order API" / the producer
 * scripts: one long-lived confirm channel), the queues worth charting (the app's chart sampler
 * samples them; passive declares give the depths a step checks), and the narration with
 * measured numbers.
 */
import type { Channel, ChannelModel, ConfirmChannel, Options } from 'amqplib';
import type { ActorState, DemoOptions, DemoState, NarrationLine, RouteExplanation } from '../shared/demos/types';
import { Actor, type ActorSpec } from './actor';
import { explainRefusal } from './refusal';

/**
 * A RabbitMQ node started for one step (EcomNow's broker restart) and stopped after it: a
 * restart there cuts nobody else's connections. Main provides it (a private SandboxBroker).
 */
export interface PrivateNode {
  /** Opens one connection to the node's default vhost, for `program` (its name in the broker's list). */
  open: (program: string) => Promise<ChannelModel>;
  /** Stops and starts the node (gracefully, as `rabbitmqctl stop` then a start would). */
  restart: () => Promise<void>;
  /** Stops the node and removes its files. */
  stop: () => Promise<void>;
  describe: { host: string; port: number };
}

/**
 * A 3-node RabbitMQ cluster for a demo whose step kills a node (EcomNow cluster): one main
 * started for the demo, or the one it was given (a test run's). Never the user's broker.
 */
export interface DemoCluster {
  /** The nodes' short names, in order (c1, c2, c3). */
  nodes: string[];
  /** One sentence for the narration: which cluster this is and why killing its node harms nobody. */
  about: string;
  /** The node to kill now (the first, unless that is the node Warren charts through). */
  victim: () => string;
  /**
   * True when the cluster is the broker the demo's runtime opens (Warren's connected sandbox
   * cluster): what a step declares is then the runtime's, deleted by the demo's reset, and stays
   * charted (and on the Topology page) until then. Otherwise a step deletes its own objects.
   */
  isDemoBroker: boolean;
  /** Opens one connection to a node, in the demo's vhost, for `program`. */
  open: (node: string, program: string) => Promise<ChannelModel>;
  /** kill -9 of the node's VM. */
  kill: (node: string) => void;
  /** Starts a node again; resolves once it runs and rejoined. */
  start: (node: string) => Promise<void>;
  /** The node (short name) where a queue of the demo's vhost has its leader (quorum) or home (classic). */
  queueNode: (queue: string) => Promise<string | undefined>;
  /** The nodes (short names) where a quorum queue's replicas are online. */
  replicasOnline: (queue: string) => Promise<string[]>;
  /** Stops a cluster started for the demo and removes its files; leaves a given one running. */
  release: () => Promise<void>;
}

export interface DemoBroker {
  /** Opens one connection in the demo's vhost for `program` ("email service", "producer" …): the broker lists it by that name. */
  open: (program: string) => Promise<ChannelModel>;
  /** Starts a node of the demo's own (absent when rabbitmq-server cannot be started here). */
  privateNode?: () => Promise<PrivateNode>;
  /** Starts (or hands over) a cluster of the demo's own (absent when rabbitmq-server cannot be started here). */
  cluster?: () => Promise<DemoCluster>;
  describe: NonNullable<DemoState['broker']>;
}

export interface Declared {
  kind: 'queue' | 'exchange';
  name: string;
  /** It was there before the demo declared it (the tutorial's scripts made it): reset keeps it. */
  existed: boolean;
}

const MAX_NARRATION = 200;
/** The runtime's own connection stands for the tutorial's producer scripts (and the order API). */
const PRODUCER = 'producer';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class DemoRuntime {
  readonly actors = new Map<string, Actor>();
  readonly declared: Declared[] = [];
  /** What reset left in place, and why (filled by cleanup). */
  readonly kept: string[] = [];
  readonly narration: NarrationLine[] = [];
  readonly measured: Record<string, number> = {};
  /** Queue depths after each step (filled by whoever runs the steps). */
  readonly stepDepths: { step: string; depths: Record<string, number | null> }[] = [];
  route?: RouteExplanation;
  reconcile?: DemoState['reconcile'];
  failureOn = false;
  private watched: string[] = [];
  private model?: ChannelModel;
  private publisher?: ConfirmChannel;
  private closed = false;
  /** Printed as it happens (the headless CLI passes console.log). */
  onLine?: (line: NarrationLine) => void;

  constructor(
    readonly broker: DemoBroker,
    /** Put in front of every name (prefix isolation); '' in the demo's own vhost. */
    readonly prefix: string,
    readonly options: DemoOptions,
    readonly changed: () => void,
  ) {}

  /** The broker's name for a demo name (`email_queue` → `warren-demo-ecomnow.email_queue`). */
  name(name: string): string {
    return name === '' ? '' : `${this.prefix}${name}`;
  }

  display(name: string): string {
    return this.prefix && name.startsWith(this.prefix) ? name.slice(this.prefix.length) : name;
  }

  say(text: string, tone: NarrationLine['tone'] = 'info'): void {
    const line = { at: Date.now(), text, tone };
    this.narration.push(line);
    if (this.narration.length > MAX_NARRATION) this.narration.shift();
    this.onLine?.(line);
    this.changed();
  }

  /** The runtime's own connection (the producer side). Re-opened after a broker restart. */
  async connection(): Promise<ChannelModel> {
    if (this.closed) throw new Error('The demo was reset');
    if (!this.model) {
      const model = await this.broker.open(PRODUCER);
      model.on('error', () => undefined);
      model.on('close', () => {
        if (this.model === model) {
          this.model = undefined;
          this.publisher = undefined;
        }
      });
      this.model = model;
    }
    return this.model;
  }

  /** Runs `work` on a short-lived channel of the runtime's connection (declares, passive checks). */
  async withChannel<T>(work: (channel: Channel) => Promise<T>): Promise<T> {
    const channel = await (await this.connection()).createChannel();
    channel.on('error', () => undefined);
    try {
      return await work(channel);
    } finally {
      await channel.close().catch(() => undefined);
    }
  }

  /** Declares a queue (demo name) on the runtime's own connection. */
  async assertQueue(name: string, options: Options.AssertQueue): Promise<string> {
    return this.withChannel((ch) => this.declareQueue(ch, this.name(name), options));
  }

  /** Declares an exchange (demo name) on the runtime's own connection. */
  async assertExchange(name: string, type: string, options: Options.AssertExchange): Promise<string> {
    return this.withChannel((ch) => this.declareExchange(ch, this.name(name), type, options));
  }

  /**
   * Declares a queue (broker name; '' for a server-named one) on a program's channel, as the
   * program would: notes whether it existed before, and explains a 406 in the demo's terms.
   */
  async declareQueue(channel: Channel, name: string, options: Options.AssertQueue): Promise<string> {
    const existed = name !== '' && (await this.exists('queue', name));
    try {
      const { queue } = await channel.assertQueue(name, options);
      this.remember('queue', queue, existed);
      return queue;
    } catch (err) {
      throw explainRefusal(err, (n) => this.display(n));
    }
  }

  async declareExchange(channel: Channel, name: string, type: string, options: Options.AssertExchange): Promise<string> {
    const existed = await this.exists('exchange', name);
    try {
      await channel.assertExchange(name, type, options);
      this.remember('exchange', name, existed);
      return name;
    } catch (err) {
      throw explainRefusal(err, (n) => this.display(n));
    }
  }

  /** Whether the broker has it now (a passive declare on a channel of its own: a 404 closes it). */
  async exists(kind: Declared['kind'], name: string): Promise<boolean> {
    try {
      await this.withChannel((ch) => (kind === 'queue' ? ch.checkQueue(name) : ch.checkExchange(name)));
      return true;
    } catch {
      return false;
    }
  }

  /** Records a name a program declared (first declare wins: it says whether the object existed before). */
  remember(kind: Declared['kind'], name: string, existed = false): void {
    if (!name || name.startsWith('amq.gen-')) return; // server-named queues die with their connection
    if (!this.declared.some((d) => d.kind === kind && d.name === name)) this.declared.push({ kind, name, existed });
  }

  /** Publishes through the long-lived confirm channel; resolves when the broker confirmed (ms taken). */
  async publish(exchange: string, routingKey: string, body: string, options: Options.Publish = {}): Promise<number> {
    const started = performance.now();
    if (!this.publisher) {
      const channel = await (await this.connection()).createConfirmChannel();
      channel.on('error', () => undefined);
      channel.on('close', () => {
        if (this.publisher === channel) this.publisher = undefined;
      });
      this.publisher = channel;
    }
    const channel = this.publisher;
    await new Promise<void>((resolve, reject) => {
      channel.publish(exchange, routingKey, Buffer.from(body), options, (err: unknown) => (err ? reject(err instanceof Error ? err : new Error('nacked')) : resolve()));
    });
    return performance.now() - started;
  }

  addActor(spec: ActorSpec): Actor {
    const actor = new Actor(spec, () => this.broker.open(spec.label), this.changed);
    this.actors.set(spec.id, actor);
    return actor;
  }

  actor(id: string): Actor {
    const actor = this.actors.get(id);
    if (!actor) throw new Error(`No actor ${id}`);
    return actor;
  }

  /** The queues (demo names) to chart, in drawing order; the app's chart sampler watches them. */
  watch(queues: string[]): void {
    this.watched = [...queues];
    this.changed();
  }

  get watchedQueues(): string[] {
    return [...this.watched];
  }

  /** Ready-message counts right now, by demo name; null when the queue does not exist. */
  async depths(): Promise<Record<string, number | null>> {
    const result: Record<string, number | null> = {};
    let channel: Channel | undefined;
    try {
      for (const queue of this.watched) {
        channel ??= await (await this.connection()).createChannel();
        channel.on('error', () => undefined);
        try {
          result[queue] = (await channel.checkQueue(this.name(queue))).messageCount;
        } catch {
          // A 404 closes the channel: open another for the next queue.
          result[queue] = null;
          channel = undefined;
        }
      }
    } finally {
      await channel?.close().catch(() => undefined);
    }
    return result;
  }

  /** Waits until `probe` is true (checked every 50 ms); false on timeout. */
  async until(probe: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.closed) return false;
      if (await probe()) return true;
      await sleep(50);
    }
    return false;
  }

  /** Waits for a queue's ready count to reach `count`. */
  async untilDepth(queue: string, count: number, timeoutMs = 15_000): Promise<boolean> {
    return this.until(async () => (await this.depthOf(queue)) === count, timeoutMs);
  }

  async depthOf(queue: string): Promise<number | null> {
    try {
      return await this.withChannel(async (ch) => (await ch.checkQueue(this.name(queue))).messageCount);
    } catch {
      return null;
    }
  }

  actorStates(): ActorState[] {
    return [...this.actors.values()].map((a) => a.state((n) => this.display(n)));
  }

  /**
   * Stops every actor and deletes what the demo created, newest first. What existed before it
   * (the tutorial's scripts declared it) stays, and so does what someone else still uses (a
   * tutorial consumer on the queue, a binding of theirs on the exchange): reset never cuts
   * another program.
   */
  async cleanup(): Promise<string[]> {
    for (const actor of this.actors.values()) await actor.stop('demo reset').catch(() => undefined);
    const deleted: string[] = [];
    for (const item of [...this.declared].reverse()) {
      const what = `${item.kind} ${item.name}`;
      if (item.existed) {
        this.kept.push(`${what} (it existed before the demo)`);
        continue;
      }
      if (!(await this.exists(item.kind, item.name))) continue; // gone already (a non-durable one after a restart)
      try {
        await this.withChannel((ch) => (item.kind === 'queue' ? ch.deleteQueue(item.name, { ifUnused: true }) : ch.deleteExchange(item.name, { ifUnused: true })));
        deleted.push(what);
      } catch {
        this.kept.push(`${what} (still in use by another program)`);
      }
    }
    this.closed = true;
    const model = this.model;
    this.model = undefined;
    this.publisher = undefined;
    await model?.close().catch(() => undefined);
    return deleted;
  }

  /** Closes connections without deleting anything (the CLI's --keep). */
  async close(): Promise<void> {
    for (const actor of this.actors.values()) await actor.stop('demo closed').catch(() => undefined);
    this.closed = true;
    await this.model?.close().catch(() => undefined);
    this.model = undefined;
  }
}
