/**
 * One variant of "a broker node fails", measured: the three EcomNow services consume their own
 * queue (quorum or classic) bound to a durable fanout order_events; the queues are declared
 * through the node that is then killed (so their leader / home is there), while the order API
 * and the services are connected to a node that stays up. Orders are placed at a steady rate,
 * the node is killed with kill -9, started again, and every order id is reconciled.
 */
import type { Channel, ChannelModel, ConfirmChannel } from 'amqplib';
import type { DemoCluster, DemoRuntime } from './runtime';
import { sleep } from './runtime';

export type QueueKind = 'quorum' | 'classic';
export const CLUSTER_SERVICES = ['email', 'inventory', 'analytics'] as const;

export interface VariantResult {
  placed: number;
  /** Orders every service received at least once. */
  delivered: number;
  /** Orders placed that some service never received. */
  lost: number;
  /** Extra deliveries of an order a service had already received. */
  duplicates: number;
  /** The longest time no new order reached the email service, from the kill on. */
  outage_ms: number;
  /** Publishes the broker refused (nack) or that failed on a closed channel. */
  refused: number;
  /** Where the email queue's leader (quorum) or home (classic) was before the kill and after the node came back. */
  nodeBefore?: string;
  /** Where it was while the node was down (a quorum queue's new leader; a classic queue has none). */
  nodeDuring?: string;
  nodeAfter?: string;
  /** Quorum: the killed node's replica of email_queue is online again (rejoined the queue's Raft group). */
  replicaBack?: boolean;
}

export interface VariantTiming {
  ratePerSecond: number;
  /** Orders flow this long before the kill. */
  beforeMs: number;
  /** The node stays down this long. */
  downMs: number;
  /** Orders keep flowing this long after the node is back. */
  afterMs: number;
  /** At most this long for every order to arrive at the end. */
  catchUpMs: number;
}

/** The catch-up at the end stops when no new order has arrived for this long. */
const STALL_MS = 5000;

export const DEFAULT_TIMING: VariantTiming = { ratePerSecond: 20, beforeMs: 3000, downMs: 6000, afterMs: 3000, catchUpMs: 30_000 };

/** One service: consumes its queue on a connection of its own; re-subscribes when the broker cancels it or the queue is unreachable. */
class ClusterService {
  readonly seen = new Map<number, number>();
  readonly firstSeenAt: number[] = [];
  private channel?: Channel;
  private stopped = false;
  private loop?: Promise<void>;

  constructor(
    private readonly model: ChannelModel,
    private readonly queue: string,
  ) {}

  start(): void {
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const ch = await this.model.createChannel();
        ch.on('error', () => undefined);
        this.channel = ch;
        const ended = new Promise<void>((resolve) => {
          ch.on('close', () => resolve());
          void ch
            .prefetch(50)
            .then(() =>
              ch.consume(this.queue, (msg) => {
                if (!msg) return resolve(); // cancelled by the broker (the queue's node went down)
                this.record(Number(msg.content.toString()));
                ch.ack(msg);
              }),
            )
            .catch(() => resolve()); // 404: the queue's node is down — try again shortly
        });
        await ended;
        await ch.close().catch(() => undefined);
      } catch {
        // The connection is gone: nothing to consume on; the loop ends with stop().
      }
      if (!this.stopped) await sleep(300);
    }
  }

  private record(id: number): void {
    const count = this.seen.get(id) ?? 0;
    this.seen.set(id, count + 1);
    if (count === 0) this.firstSeenAt.push(Date.now());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.channel?.close().catch(() => undefined);
    await this.loop;
  }
}

/** The order API: a confirm channel on the surviving node, one order per tick. */
class OrderApi {
  readonly placed: number[] = [];
  refused = 0;
  private channel?: Promise<ConfirmChannel>;
  private timer?: NodeJS.Timeout;
  private pending = new Set<Promise<void>>();
  private next = 1;

  constructor(
    private readonly model: ChannelModel,
    private readonly exchange: string,
  ) {}

  private confirmChannel(): Promise<ConfirmChannel> {
    this.channel ??= this.model.createConfirmChannel().then((ch) => {
      ch.on('error', () => undefined);
      ch.on('close', () => (this.channel = undefined));
      return ch;
    });
    return this.channel;
  }

  startSteady(ratePerSecond: number): void {
    this.timer = setInterval(() => this.placeOne(), Math.round(1000 / ratePerSecond));
  }

  private placeOne(): void {
    const id = this.next++;
    this.placed.push(id);
    const done = this.confirmChannel()
      .then(
        (ch) =>
          new Promise<void>((resolve, reject) => {
            ch.publish(this.exchange, '', Buffer.from(String(id)), { persistent: true }, (err: unknown) => (err ? reject(new Error('nacked')) : resolve()));
          }),
      )
      .catch(() => {
        this.refused += 1;
      });
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }

  /** Stops placing; waits (bounded) for the confirms still outstanding. */
  async stop(timeoutMs: number): Promise<void> {
    clearInterval(this.timer);
    await Promise.race([Promise.all([...this.pending]), sleep(timeoutMs)]);
  }
}

/** The longest gap between consecutive first deliveries after `from` (ms). */
export function longestGap(times: number[], from: number): number {
  const after = times.filter((t) => t >= from).sort((a, b) => a - b);
  let gap = after.length > 0 ? after[0]! - from : 0;
  for (let i = 1; i < after.length; i++) gap = Math.max(gap, after[i]! - after[i - 1]!);
  return Math.round(gap);
}

/** The demo names of a variant's objects (the runtime adds its prefix; a chart is labelled by them). */
export const variantNames = (kind: QueueKind) => ({
  exchange: `${kind}.order_events`,
  queue: (service: string) => `${kind}.${service}_queue`,
});

export async function runVariant(rt: DemoRuntime, cluster: DemoCluster, kind: QueueKind, timing: VariantTiming): Promise<VariantResult> {
  const victim = cluster.victim();
  const survivor = cluster.nodes.find((n) => n !== victim)!;
  const names = variantNames(kind);
  const exchange = rt.name(names.exchange);
  const queueOf = (service: string) => rt.name(names.queue(service));
  const queueArgs = kind === 'quorum' ? { 'x-queue-type': 'quorum' } : {};

  // Declared through the node to be killed: a quorum queue's leader and a classic queue's home are there.
  const admin = await cluster.open(victim, 'order setup');
  admin.on('error', () => undefined);
  try {
    const ch = await admin.createChannel();
    // What an interrupted earlier run left (on a cluster handed over) would count its old orders: start clean.
    for (const s of CLUSTER_SERVICES) await ch.deleteQueue(queueOf(s));
    await ch.assertExchange(exchange, 'fanout', { durable: true });
    for (const s of CLUSTER_SERVICES) {
      await ch.assertQueue(queueOf(s), { durable: true, arguments: queueArgs });
      await ch.bindQueue(queueOf(s), exchange, '');
    }
  } finally {
    await admin.close().catch(() => undefined);
  }
  if (cluster.isDemoBroker) {
    // The runtime's own objects: the demo's reset deletes them; until then they are charted and listed.
    rt.remember('exchange', exchange);
    for (const s of CLUSTER_SERVICES) rt.remember('queue', queueOf(s));
  }
  const nodeBefore = await cluster.queueNode(queueOf('email'));
  rt.say(
    kind === 'quorum'
      ? `Quorum queues declared through ${victim}: email_queue's leader is ${nodeBefore ?? '?'}, with followers on the other two nodes.`
      : `Classic queues declared through ${victim}: email_queue lives on ${nodeBefore ?? '?'} only — no copy anywhere else.`,
  );

  const models: ChannelModel[] = [];
  const connect = async (program: string) => {
    const m = await cluster.open(survivor, program);
    m.on('error', () => undefined);
    models.push(m);
    return m;
  };
  const services = new Map<string, ClusterService>();
  for (const s of CLUSTER_SERVICES) {
    const svc = new ClusterService(await connect(`${s} service`), queueOf(s));
    svc.start();
    services.set(s, svc);
  }
  const api = new OrderApi(await connect('order API'), exchange);
  rt.say(`The order API and the three services are connected to ${survivor}. Placing ${timing.ratePerSecond} orders per second…`);
  const email = services.get('email')!;
  let killedAt: number;
  let duringOutage: string | undefined;
  try {
    api.startSteady(timing.ratePerSecond);
    await sleep(timing.beforeMs);
    rt.say(`kill -9 of ${victim}'s VM (${api.placed.length} orders placed, ${email.seen.size} emailed so far).`, 'bad');
    killedAt = Date.now();
    cluster.kill(victim);
    await sleep(timing.downMs);
    duringOutage = await cluster.queueNode(queueOf('email')).catch(() => undefined);
    const sinceKill = email.firstSeenAt.filter((t) => t >= killedAt).length;
    rt.say(
      kind === 'quorum'
        ? `${victim} is down. email_queue's leader moved ${nodeBefore ?? '?'} → ${duringOutage ?? '?'}; orders keep flowing: ${sinceKill} emailed since the kill, ${email.seen.size} of ${api.placed.length} in all.`
        : `${victim} is down, and with it the only copy of each classic queue: ${sinceKill} emailed since the kill; orders placed meanwhile route to queues that are not there (${email.seen.size} of ${api.placed.length} emailed in all).`,
      kind === 'quorum' ? 'good' : 'bad',
    );
    rt.say(`Starting ${victim} again…`);
    await cluster.start(victim);
    rt.say(`${victim} is back in the cluster${kind === 'quorum' ? ': its replicas catch up from the leader' : ': its queues come back with what they had stored'}.`);
    await sleep(timing.afterMs);
  } finally {
    await api.stop(10_000);
  }
  const everyone = () => [...services.values()];
  // Every order arrives, or nothing new has for a while (orders a classic queue never got do not come later).
  const lastArrival = () => Math.max(0, ...everyone().map((s) => s.firstSeenAt[s.firstSeenAt.length - 1] ?? 0));
  const stoppedAt = Date.now();
  await rt.until(
    () => api.placed.every((id) => everyone().every((s) => s.seen.has(id))) || Date.now() - Math.max(stoppedAt, lastArrival()) > STALL_MS,
    timing.catchUpMs,
  );
  await sleep(500); // late redeliveries count as duplicates
  for (const s of everyone()) await s.stop();
  const nodeAfter = await cluster.queueNode(queueOf('email')).catch(() => undefined);
  const replicaBack =
    kind === 'quorum' ? await rt.until(async () => (await cluster.replicasOnline(queueOf('email')).catch((): string[] => [])).includes(victim), 15_000) : undefined;
  if (replicaBack !== undefined) rt.say(replicaBack ? `${victim}'s replica of email_queue is online again.` : `${victim}'s replica of email_queue is not online yet.`, replicaBack ? 'good' : 'bad');

  const delivered = api.placed.filter((id) => everyone().every((s) => s.seen.has(id))).length;
  const duplicates = everyone().reduce((sum, s) => sum + [...s.seen.values()].reduce((d, n) => d + n - 1, 0), 0);
  const result: VariantResult = {
    placed: api.placed.length,
    delivered,
    lost: api.placed.length - delivered,
    duplicates,
    outage_ms: longestGap(email.firstSeenAt, killedAt),
    refused: api.refused,
    ...(nodeBefore ? { nodeBefore } : {}),
    ...(duringOutage ? { nodeDuring: duringOutage } : {}),
    ...(nodeAfter ? { nodeAfter } : {}),
    ...(replicaBack !== undefined ? { replicaBack } : {}),
  };

  // Remove what the variant declared (through the survivor) unless the demo's reset does, then close its connections.
  if (!cluster.isDemoBroker) await removeVariant(rt, kind, await connect('order cleanup'), exchange, queueOf);
  for (const m of models) await m.close().catch(() => undefined);
  return result;
}

async function removeVariant(rt: DemoRuntime, kind: QueueKind, model: ChannelModel, exchange: string, queueOf: (service: string) => string): Promise<void> {
  try {
    const ch = await model.createChannel();
    for (const s of CLUSTER_SERVICES) await ch.deleteQueue(queueOf(s));
    await ch.deleteExchange(exchange);
  } catch {
    rt.say(`Could not delete the ${kind} variant's queues; they stay on the cluster.`, 'bad');
  }
}
