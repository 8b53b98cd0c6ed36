/**
 * The consumer manager: every consumer Warren attaches (to a queue, or to an exchange through a
 * temporary "tap" queue), each on its own amqplib channel with its own prefetch.
 *
 * API (also used by the demos):
 *   attach(queue, options) / tap(exchange, bindingKey, options) → ConsumerInfo (its `id`)
 *   pause(id)   basic.cancel; unacked messages stay unacked and can still be settled
 *   resume(id)  consume again (after pause, or after crash on a new channel)
 *   detach(id)  close its channel (unacked go back to ready); a tap queue is deleted
 *   crash(id)   close its channel with messages unacked: the broker redelivers them, redelivered=true
 *   settle(id, { ids | all, action: ack|nack|reject, requeue })
 *   list(), messages(id, limit), message(id, deliveryId)
 *
 * Deliveries are kept in a bounded ring per consumer (default 10,000 and KEEP_BYTES of bodies;
 * older ones are counted; an unacked message that left the ring keeps only what acking needs)
 * and pushed to the UI as arrays of previews, at most one flush per UPDATE_MS. After a reconnect
 * (session.onConnected) consumers that were consuming are attached again.
 */
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { NEWEST_PER_UPDATE, UPDATE_MS, type ConsumerInfo, type ConsumerOptions, type DeliveryBatch, type ReceivedMessage, type SettleChange } from '../../../../shared/messaging/types';
import type { AmqpSession } from '../../broker/session';
import type { ServiceContext } from '../../context';
import { fail, toWarrenError, WarrenFailure } from '../../errors';
import { encodeTable } from '../codec';
import { IdRing } from '../ring';
import { Throttle } from '../../throttle';
import { BodySlabs, keep, KEEP_BYTES, sentPreview, whole, type Kept } from './buffer';
import { countDots, sendSettle, type Unacked } from './settle';
import { ackBatchFor, SimulatedWork } from './simulated-work';
import { fitName } from '../../../../shared/validation/names';

/** At most this many previews per consumer per flush (show 'every'); the rest stay in the ring. */
const MAX_PER_FLUSH = 2000;
/**
 * Nothing new for this long (to twice as long) while an update waits for UPDATE_MS: the update
 * goes now, marked `paused`. Without it a stream's last update left up to UPDATE_MS after its
 * last message, and the page drew it only after a quiet wait of its own (QUIET_MS).
 */
const PAUSE_MS = 20;

/** Previews sent per flush: the user's choice when attaching (ConsumerOptions.show). */
function perFlush(options: ConsumerOptions): number {
  return options.show === 'newest' ? NEWEST_PER_UPDATE : MAX_PER_FLUSH;
}

interface Live {
  channel: Channel;
  model: ChannelModel;
  closedBy?: Error;
  /** We closed it (pause/detach/crash), so its close is no surprise. */
  closing: boolean;
}

interface Consumer {
  info: ConsumerInfo;
  session: AmqpSession;
  live?: Live;
  ring: IdRing<Kept>;
  /** Where the ring's small bodies lie (buffer.ts). */
  slabs: BodySlabs;
  unacked: Unacked;
  nextId: number;
  pending: Kept[];
  skipped: number;
  /** Simulated processing (ack mode 'simulated'). */
  work?: SimulatedWork;
  bindingArguments?: Record<string, unknown>;
  /** Paused by flow control (a page behind), not by the user: resumed when the page catches up. */
  flowPaused?: boolean;
}

export interface TapOptions extends ConsumerOptions {
  bindingArguments?: ConsumerOptions['arguments'];
}

export class ConsumerManager {
  private readonly consumers = new Map<string, Consumer>();
  private readonly watched = new WeakSet<AmqpSession>();
  private settledChanges: SettleChange[] = [];
  private stateDirty = false;
  private readonly flushes = new Throttle(UPDATE_MS, (paused) => this.flush(paused), PAUSE_MS);
  private nextConsumer = 1;

  constructor(private readonly ctx: ServiceContext) {
    ctx.options.flow?.onChange((paused) => void this.followFlow(paused));
    ctx.onShutdown(async () => {
      for (const c of [...this.consumers.values()]) await this.detach(c.info.id).catch(() => undefined);
    });
    // A profile switch closes the session these consumers live on: say which ones it cuts.
    ctx.connection.describeOnSession((session) =>
      [...this.consumers.values()]
        .filter((c) => c.session === session && c.info.status !== 'closed')
        .map((c) => (c.info.tap ? `the tap on exchange ${c.info.tap.exchange}` : `the consumer on queue ${c.info.queue}`)),
    );
  }

  attach(queue: string, options: ConsumerOptions): Promise<ConsumerInfo> {
    return this.create(queue, options);
  }

  /** Declares `warren.tap.<exchange>.<n>` (exclusive, auto-delete), binds it with `bindingKey`, consumes. */
  tap(exchange: string, bindingKey: string, options: TapOptions): Promise<ConsumerInfo> {
    const suffix = Math.random().toString(36).slice(2, 8);
    // A long exchange name is shortened in the queue's name: a name over 255 bytes cannot be declared.
    return this.create(fitName('warren.tap.', exchange, `.${suffix}`), options, { exchange, bindingKey });
  }

  list(): ConsumerInfo[] {
    return [...this.consumers.values()].map((c) => this.snapshot(c));
  }

  /** Flow control (see DeliveryFlow): stop consuming while a page is behind, start again after. */
  private async followFlow(paused: boolean): Promise<void> {
    for (const c of [...this.consumers.values()]) {
      try {
        if (paused && c.info.status === 'consuming' && c.live && c.info.consumerTag) {
          c.flowPaused = true;
          await c.live.channel.cancel(c.info.consumerTag);
          c.info.status = 'paused';
          c.info.reason = 'Paused while a Warren window catches up on deliveries; the broker keeps the messages';
        } else if (!paused && c.flowPaused) {
          c.flowPaused = false;
          if (c.info.status === 'paused' && c.live && !c.live.closing) await this.consume(c, c.live);
        }
      } catch {
        // A channel that closed meanwhile is handled by its close handler.
      }
      this.markDirty();
    }
  }

  async pause(id: string): Promise<ConsumerInfo> {
    const c = this.require(id);
    if (c.info.status !== 'consuming' || !c.live || !c.info.consumerTag) return this.snapshot(c);
    await c.live.channel.cancel(c.info.consumerTag).catch((err: unknown) => {
      throw new WarrenFailure(toWarrenError(c.live?.closedBy ?? err));
    });
    c.info.status = 'paused';
    c.flowPaused = false;
    return this.changed(c);
  }

  async resume(id: string): Promise<ConsumerInfo> {
    const c = this.require(id);
    if (c.info.status === 'consuming' || c.info.status === 'starting') return this.snapshot(c);
    if (c.live && !c.live.closing) {
      await this.consume(c, c.live);
    } else {
      c.session = this.ctx.connection.requireSession();
      this.watch(c.session);
      await this.start(c);
    }
    return this.snapshot(c);
  }

  async detach(id: string): Promise<ConsumerInfo> {
    const c = this.require(id);
    this.consumers.delete(id);
    const live = c.live;
    if (live) {
      live.closing = true;
      if (c.info.tap) await live.channel.deleteQueue(c.info.queue).catch(() => undefined);
      await live.channel.close().catch(() => undefined);
    }
    c.live = undefined;
    this.forgetUnacked(c, 'requeued');
    // The kept bodies go now, even while something (a closed channel's consume callback, a late
    // event) still refers to the consumer: detach gives the memory back.
    c.ring.clear();
    c.slabs = new BodySlabs();
    c.pending = [];
    c.work?.clear();
    c.info.status = 'closed';
    c.info.reason = c.info.tap ? `Detached; the tap queue ${c.info.queue} was deleted` : 'Detached';
    this.markDirty();
    return this.snapshot(c);
  }

  async crash(id: string): Promise<ConsumerInfo> {
    const c = this.require(id);
    const live = c.live;
    if (!live) return this.snapshot(c);
    live.closing = true;
    c.live = undefined;
    const count = c.unacked.size;
    await live.channel.close().catch(() => undefined);
    this.forgetUnacked(c, 'requeued');
    c.info.status = 'crashed';
    c.info.reason = `Channel closed with ${count} message${count === 1 ? '' : 's'} unacked: the broker puts them back to ready and redelivers them with redelivered=true`;
    return this.changed(c);
  }

  settle(
    id: string,
    request: { ids?: number[]; all?: boolean; action: 'ack' | 'nack' | 'reject'; requeue: boolean },
  ): { settled: number; missing: number } {
    const c = this.require(id);
    if (c.info.options.ackMode === 'auto') {
      fail('BAD_INPUT', 'This consumer acknowledges automatically; there is nothing to settle', { field: 'consumerId' });
    }
    const ids = request.all ? [...c.unacked.keys()] : (request.ids ?? []);
    const settledAs: ReceivedMessage['settled'] =
      request.action === 'ack' ? 'acked' : request.requeue ? 'requeued' : request.action === 'nack' ? 'nacked' : 'rejected';
    const channel = c.live?.channel;
    const { done, missing } = channel ? sendSettle(c.unacked, channel, ids, request.action, request.requeue) : { done: [], missing: ids.length };
    const told: number[] = [];
    for (const entryId of done) {
      c.unacked.delete(entryId);
      if (this.markSettled(c, entryId, settledAs)) told.push(entryId);
    }
    if (request.action === 'ack') c.info.acked += done.length;
    else if (request.action === 'nack') c.info.nacked += done.length;
    else c.info.rejected += done.length;
    if (done.length > 0) this.markDirty();
    if (told.length > 0) {
      // One change per consumer and outcome per flush, however many settle calls made it.
      const last = this.settledChanges.at(-1);
      if (last && last.consumerId === id && last.settled === settledAs) for (const d of told) last.ids.push(d);
      else this.settledChanges.push({ consumerId: id, ids: told, settled: settledAs });
    }
    return { settled: done.length, missing };
  }

  messages(id: string, limit: number): { messages: ReceivedMessage[]; dropped: number } {
    const c = this.require(id);
    return { messages: c.ring.newest(limit).map(sentPreview), dropped: c.ring.dropped };
  }

  message(id: string, deliveryId: number): ReceivedMessage {
    const c = this.require(id);
    const kept = c.ring.get(deliveryId);
    if (!kept) fail('NOT_FOUND', `Message ${deliveryId} is no longer kept`, { hint: `Only the newest ${c.ring.capacity.toLocaleString('en')} messages are kept; attach with a larger Keep to open older ones.` });
    kept.sent = true;
    return whole(kept);
  }

  clear(id: string): ConsumerInfo {
    const c = this.require(id);
    c.ring.clear();
    return this.changed(c);
  }

  // ---------------------------------------------------------------------------------------

  private async create(queue: string, options: ConsumerOptions, tap?: ConsumerInfo['tap']): Promise<ConsumerInfo> {
    const session = this.ctx.connection.requireSession();
    if (options.ackMode === 'simulated' && !options.simulate) options = { ...options, simulate: { kind: 'dots' } };
    const c: Consumer = {
      info: {
        id: `c${this.nextConsumer++}`,
        queue,
        ...(tap ? { tap } : {}),
        options,
        status: 'starting',
        received: 0,
        unacked: 0,
        acked: 0,
        nacked: 0,
        rejected: 0,
        kept: 0,
        dropped: 0,
        createdAt: Date.now(),
      },
      session,
      ring: new IdRing<Kept>(options.keep, KEEP_BYTES, (kept) => kept.size),
      slabs: new BodySlabs(),
      unacked: new Map(),
      nextId: 1,
      pending: [],
      skipped: 0,
      bindingArguments: tap && (options as TapOptions).bindingArguments ? encodeTable((options as TapOptions).bindingArguments!, 'bindingArguments') : undefined,
    };
    if (options.ackMode === 'simulated') c.work = this.simulatedWork(c);
    this.watch(session);
    await this.start(c);
    this.consumers.set(c.info.id, c);
    return this.changed(c);
  }

  /** Opens the consumer's channel (and tap queue) and starts consuming. */
  private async start(c: Consumer): Promise<void> {
    const model = c.session.connection;
    if (!model) fail('NOT_CONNECTED', 'Not connected to a broker', { hint: 'Wait for Warren to reconnect, then resume.' });
    c.info.status = 'starting';
    const channel = await model.createChannel();
    const live: Live = { channel, model, closing: false };
    channel.on('error', (err: Error) => {
      live.closedBy = err;
    });
    channel.on('close', () => this.channelClosed(c, live));
    try {
      await channel.prefetch(c.info.options.prefetch, false);
      if (c.info.tap) {
        await channel.assertQueue(c.info.queue, { exclusive: true, autoDelete: true, durable: false });
        await channel.bindQueue(c.info.queue, c.info.tap.exchange, c.info.tap.bindingKey, c.bindingArguments);
      }
      c.live = live;
      await this.consume(c, live);
    } catch (err) {
      live.closing = true;
      c.live = undefined;
      await channel.close().catch(() => undefined);
      throw new WarrenFailure(this.explain(c, toWarrenError(live.closedBy ?? err)));
    }
  }

  private async consume(c: Consumer, live: Live): Promise<void> {
    const o = c.info.options;
    const ok = await live.channel
      .consume(c.info.queue, (msg) => (msg ? this.deliver(c, live, msg) : this.cancelledByBroker(c)), {
        noAck: o.ackMode === 'auto',
        exclusive: o.exclusive,
        ...(o.consumerTag ? { consumerTag: o.consumerTag } : {}),
        ...(o.arguments ? { arguments: encodeTable(o.arguments, 'arguments') } : {}),
      })
      .catch((err: unknown) => {
        throw new WarrenFailure(this.explain(c, toWarrenError(live.closedBy ?? err)));
      });
    c.info.consumerTag = ok.consumerTag;
    c.info.status = 'consuming';
    delete c.info.reason;
    this.markDirty();
  }

  private explain(c: Consumer, error: ReturnType<typeof toWarrenError>) {
    if (error.code === 'NOT_FOUND') {
      return c.info.tap
        ? { ...error, hint: `Check that the exchange “${c.info.tap.exchange}” exists in this virtual host.` }
        : { ...error, hint: `Declare the queue “${c.info.queue}” first (Topology), or check its name.` };
    }
    if (error.code === 'RESOURCE_LOCKED' || (error.code === 'ACCESS_REFUSED' && /exclusive/i.test(error.message))) {
      return {
        ...error,
        hint: 'Another connection holds this queue exclusively (an exclusive queue, or an exclusive consumer). Use another queue, or close that connection.',
      };
    }
    return error;
  }

  private deliver(c: Consumer, live: Live, msg: ConsumeMessage): void {
    const id = c.nextId++;
    const auto = c.info.options.ackMode === 'auto';
    // Kept as parsed (one flat record, buffer.ts): decoded only if a preview of it is sent or it is asked for.
    const kept = keep(id, msg, auto ? 'acked' : 'unacked', c.ring.newestItem(), c.slabs);
    c.ring.push(kept);
    c.info.received++;
    if (auto) c.info.acked++;
    else c.unacked.set(id, { tag: msg.fields.deliveryTag, channel: live.channel, dots: c.info.options.simulate?.kind === 'dots' ? countDots(msg.content) : 0 });
    c.pending.push(kept);
    // Amortised trimming: the flush sends at most perFlush and counts the rest as skipped.
    const most = perFlush(c.info.options);
    if (c.pending.length >= 2 * most) {
      c.skipped += most;
      c.pending.splice(0, most);
    }
    c.work?.add(id);
    this.markDirty();
  }

  /** The consumer's simulated worker: acks what its work finished, while the consumer is still this one. */
  private simulatedWork(c: Consumer): SimulatedWork {
    return new SimulatedWork({
      entry: (id) => c.unacked.get(id),
      durationMs: (entry) => {
        const sim = c.info.options.simulate;
        return sim?.kind === 'fixed' ? sim.ms : (entry.dots ?? 0) * 1000;
      },
      alive: () => this.consumers.get(c.info.id) === c,
      ackable: (id, entry) => c.unacked.has(id) && c.live?.channel === entry.channel,
      ack: (ids) => this.settle(c.info.id, { ids, action: 'ack', requeue: false }),
      ackBatch: ackBatchFor(c.info.options.prefetch),
      instant: c.info.options.simulate?.kind === 'fixed' && c.info.options.simulate.ms === 0,
    });
  }

  private cancelledByBroker(c: Consumer): void {
    c.info.status = 'closed';
    c.info.reason = 'The broker cancelled this consumer (the queue was deleted, or a stream/quorum leader moved)';
    this.markDirty();
  }

  private channelClosed(c: Consumer, live: Live): void {
    if (live.closing || c.live !== live) return;
    c.live = undefined;
    this.forgetUnacked(c, 'requeued');
    // Whether the connection went with it is known only once amqplib has closed the model too.
    setImmediate(() => {
      if (this.consumers.get(c.info.id) !== c || c.live) return;
      const current = this.currentSession();
      if (current === c.session && c.session.connection !== live.model) {
        c.info.status = 'waiting';
        c.info.reason = 'The connection dropped; Warren attaches this consumer again when it reconnects';
      } else if (current !== c.session) {
        c.info.status = 'closed';
        c.info.reason = 'Warren disconnected from the broker this consumer was on';
      } else {
        const error = toWarrenError(live.closedBy ?? new Error('The channel closed'));
        c.info.status = 'closed';
        c.info.reason = `The broker closed the channel: ${error.message}`;
      }
      this.markDirty();
    });
  }

  private currentSession(): AmqpSession | undefined {
    try {
      return this.ctx.connection.requireSession();
    } catch {
      return undefined;
    }
  }

  private watch(session: AmqpSession): void {
    if (this.watched.has(session)) return;
    this.watched.add(session);
    session.onConnected(async () => {
      for (const c of this.consumers.values()) {
        if (c.session !== session || c.info.status !== 'waiting') continue;
        try {
          await this.start(c);
        } catch (err) {
          c.info.status = 'closed';
          c.info.reason = `Could not attach again after the reconnect: ${toWarrenError(err).message}`;
        }
        this.markDirty();
      }
    });
  }

  /**
   * Records a delivery's outcome in the ring; true when a window has to be told: it may show
   * the message (its preview was sent, or it left the ring so Warren cannot know). One whose
   * preview has not been sent yet needs no change: its preview, when sent, carries the outcome.
   * A consumer acking as fast as it receives so sends (almost) no settle changes at all.
   */
  private markSettled(c: Consumer, id: number, as: ReceivedMessage['settled']): boolean {
    const kept = c.ring.get(id);
    if (!kept) return true;
    kept.settled = as;
    return kept.sent === true;
  }

  private forgetUnacked(c: Consumer, as: ReceivedMessage['settled']): void {
    if (c.unacked.size === 0) return;
    const ids = [...c.unacked.keys()].filter((id) => this.markSettled(c, id, as));
    c.unacked.clear();
    c.work?.clear();
    if (ids.length > 0) this.settledChanges.push({ consumerId: c.info.id, ids, settled: as });
    this.markDirty();
  }

  private require(id: string): Consumer {
    const c = this.consumers.get(id);
    if (!c) fail('NOT_FOUND', `No consumer ${id}`, { hint: 'It was detached; reload the list of consumers.' });
    return c;
  }

  private snapshot(c: Consumer): ConsumerInfo {
    return { ...c.info, unacked: c.unacked.size, kept: c.ring.length, dropped: c.ring.dropped };
  }

  private changed(c: Consumer): ConsumerInfo {
    this.markDirty();
    return this.snapshot(c);
  }

  private markDirty(): void {
    this.stateDirty = true;
    this.flushes.request();
  }

  /** One flush: new deliveries (arrays per consumer), settle changes, the consumer list. */
  private flush(paused: boolean): void {
    const batches: DeliveryBatch[] = [];
    for (const c of this.consumers.values()) {
      if (c.pending.length === 0 && c.skipped === 0) continue;
      const over = Math.max(0, c.pending.length - perFlush(c.info.options));
      batches.push({ consumerId: c.info.id, messages: c.pending.slice(over).map(sentPreview), skipped: c.skipped + over, ...(paused ? { paused } : {}) });
      c.pending = [];
      c.skipped = 0;
    }
    if (batches.length > 0) this.ctx.emit('consumers.deliveries', batches);
    if (this.settledChanges.length > 0) {
      this.ctx.emit('consumers.settled', this.settledChanges);
      this.settledChanges = [];
    }
    if (this.stateDirty) {
      this.stateDirty = false;
      this.ctx.emit('consumers.state', this.list());
    }
  }
}
