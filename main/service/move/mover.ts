/**
 * Moves, copies and replays messages out of a queue without losing one. Each message is taken
 * unacknowledged (by basic.get, or by a consumer of the run's own for an unfiltered move:
 * sources.ts), published with confirms, and acknowledged at the source only after the destination
 * confirmed it. A message that is skipped, unroutable or copied stays unacknowledged until the run
 * ends and is then put back (nack with requeue), so the source keeps it and the run never sees it
 * twice. If the connection drops, the broker returns every unacknowledged message to the source:
 * nothing is lost, and the only possible duplicates are the few in flight at the cut — published
 * but not yet acknowledged (a publish the cut left without its confirm among them: the broker may
 * have routed it), or acknowledged but not yet processed (each round ends with a round trip on
 * the source's channel, which proves the broker processed every earlier acknowledgement) — and
 * the run reports that bound.
 */
import type { Channel, ConfirmChannel, Message } from 'amqplib';
import type { z } from 'zod';
import type { moveInput } from '../../../shared/move/contract';
import type { MoveProgress } from '../../../shared/move/types';
import type { ServiceContext } from '../context';
import { fail, toWarrenError, WarrenFailure } from '../errors';
import { matches, republishOptions, routeOf } from './route';
import { ConsumerSource, GetSource, type MessageSource } from './sources';
import { vhostPath } from '../broker/management';

export type MoveInput = z.output<typeof moveInput>;
type Session = ReturnType<ServiceContext['connection']['requireSession']>;

/** Messages taken per round: published together, confirmed together, acknowledged together. */
const BATCH = 200;
const PROGRESS_EVERY_MS = 100;

interface Run {
  progress: MoveProgress;
  session: Session;
  cancelled: boolean;
}

interface Taken {
  message: Message;
  exchange: string;
  routingKey: string;
  confirmed?: boolean;
  returned?: boolean;
}

export class MoveRuns {
  private readonly runs = new Map<string, Run>();
  private nextRun = 1;

  constructor(private readonly ctx: ServiceContext) {
    ctx.onShutdown(() => {
      for (const run of this.runs.values()) run.cancelled = true;
    });
    const running = (session: Session) => [...this.runs.values()].filter((r) => r.session === session && r.progress.state === 'running');
    ctx.connection.describeOnSession(
      (session) => running(session).map((r) => `the ${r.progress.mode} out of ${r.progress.source} at ${r.progress.moved.toLocaleString('en-US')} of ${r.progress.limit.toLocaleString('en-US')}`),
      (session) => {
        for (const run of running(session)) run.cancelled = true;
      },
    );
  }

  async start(input: MoveInput): Promise<MoveProgress> {
    const session = this.ctx.connection.requireSession();
    const target = this.ctx.connection.target;
    if (input.vhost !== undefined && target && input.vhost !== target.vhost) {
      fail('BAD_INPUT', `Warren is connected to virtual host ${target.vhost}, not ${input.vhost}`, { field: 'vhost', hint: `Pick ${input.vhost} in the vhost picker (or connect to it) and start again.` });
    }
    const { depth, fromConsumer } = await this.check(session, input);
    const runId = `move-${this.nextRun++}`;
    const run: Run = {
      session,
      cancelled: false,
      progress: { runId, source: input.source, mode: input.mode, limit: input.count ?? depth, depth, ...(input.count === undefined ? {} : { count: input.count }), examined: 0, moved: 0, skipped: 0, unroutable: 0, possibleDuplicates: 0, rate: 0, elapsedMs: 0, state: 'running' },
    };
    this.runs.set(runId, run);
    const done = this.execute(run, input, session, fromConsumer).finally(() => setTimeout(() => this.runs.delete(runId), 60_000).unref());
    if (input.wait) return done;
    void done;
    return { ...run.progress };
  }

  cancel(runId: string): MoveProgress {
    const run = this.runs.get(runId);
    if (!run) fail('NOT_FOUND', `No move ${runId}`, { hint: 'It finished more than a minute ago.' });
    run.cancelled = true;
    return { ...run.progress };
  }

  /**
   * The source and the destination exist before anything is taken; answers the source's depth,
   * and whether the run may take from a consumer of its own (see sources.ts).
   */
  private async check(session: Session, input: MoveInput): Promise<{ depth: number; fromConsumer: boolean }> {
    const where = this.ctx.connection.target?.vhost ?? '/';
    const passive = async <T>(what: string, probe: (ch: Channel) => Promise<T>): Promise<T> => {
      try {
        return await session.withChannel(probe);
      } catch (err) {
        const error = toWarrenError(err);
        if (error.code === 'NOT_FOUND') fail('NOT_FOUND', `No ${what} in virtual host ${where}`, { hint: 'Declare it first, or pick another; nothing was moved.' });
        throw new WarrenFailure(error);
      }
    };
    const { messageCount, consumerCount } = await passive(`queue ${input.source}`, (ch) => ch.checkQueue(input.source));
    const d = input.destination;
    if (d.kind === 'queue') {
      if (d.queue === input.source) fail('BAD_INPUT', 'The destination is the source queue', { field: 'destination', hint: 'Pick another queue, or an exchange.' });
      await passive(`queue ${d.queue}`, (ch) => ch.checkQueue(d.queue));
    }
    if (d.kind === 'exchange' && d.exchange !== '') await passive(`exchange ${d.exchange}`, (ch) => ch.checkExchange(d.exchange));
    // Nothing held until the end (no filter, no copy, no replay's skips), nobody else consuming
    // (a consumer would share the deliveries, or wait behind a single active one), and a queue
    // that takes acknowledgements as removals (a stream keeps its messages).
    const unfiltered = input.filter.header === undefined && input.filter.bodyContains === undefined;
    const plain = input.mode === 'move' && unfiltered && d.kind !== 'replay' && consumerCount === 0;
    const type = plain ? await this.queueType(input.source) : undefined;
    return { depth: messageCount, fromConsumer: type === 'classic' || type === 'quorum' };
  }

  /** The queue's type from the management API, or undefined when it cannot say. */
  private async queueType(queue: string): Promise<string | undefined> {
    try {
      const vhost = vhostPath(this.ctx.connection.target?.vhost ?? '/');
      const row = await this.ctx.connection.requireManagement().get<{ type?: string }>(`/queues/${vhost}/${encodeURIComponent(queue)}`, { columns: 'type' });
      return row.type;
    } catch {
      return undefined;
    }
  }

  private async execute(run: Run, input: MoveInput, session: Session, fromConsumer: boolean): Promise<MoveProgress> {
    const p = run.progress;
    const started = Date.now();
    let window = { at: started, moved: 0 };
    const emit = () => {
      const now = Date.now();
      p.elapsedMs = now - started;
      if (now - window.at >= 1000) {
        p.rate = Math.round(((p.moved - window.moved) * 1000) / (now - window.at));
        window = { at: now, moved: p.moved };
      } else if (p.state !== 'running') p.rate = p.elapsedMs > 0 ? Math.round((p.moved * 1000) / p.elapsedMs) : 0;
      this.ctx.emit('messages.moveProgress', { ...p });
    };
    const ticker = setInterval(emit, PROGRESS_EVERY_MS);
    const model = session.connection;
    let get: Channel | undefined;
    let source: MessageSource | undefined;
    let publish: ConfirmChannel | undefined;
    const lost: { connection?: boolean; channel?: Error } = {};
    const onModelClose = () => (lost.connection = true);
    model?.once('close', onModelClose);
    /** Confirmed messages acknowledged since the last round trip on the source's channel: the broker may not have them yet. */
    let acksInFlight = 0;
    /** Published in this round and not yet acknowledged: at the destination or not, the source still has them. */
    let publishedUnacked = 0;
    /**
     * Published without a confirm (nacked, or the connection went before it came) and kept in the
     * source: the broker may have routed them all the same, so each may be in both queues.
     */
    let unconfirmed = 0;
    try {
      if (!model) fail('NOT_CONNECTED', 'Not connected to a broker');
      get = await model.createChannel();
      publish = await model.createConfirmChannel();
      for (const ch of [get, publish]) ch.on('error', (err: Error) => (lost.channel ??= err));
      source = fromConsumer ? await ConsumerSource.open(get, input.source) : new GetSource(get, input.source);
      const returned: Message[] = [];
      publish.on('return', (m: Message) => returned.push(m));
      const user = this.ctx.connection.target?.username;

      let dry = false;
      // A count is of messages taken (a filter's skips do not use it up); reading stops at the depth
      // the source had when the run started, so messages published meanwhile stay.
      const taken = () => p.moved + p.unroutable;
      while (taken() < p.limit && p.examined < p.depth && !run.cancelled && !dry) {
        const batch: Taken[] = [];
        while (batch.length < BATCH && taken() + batch.length < p.limit && p.examined < p.depth && !run.cancelled) {
          const message = await source.next();
          if (message === false) {
            dry = true;
            break;
          }
          p.examined++;
          const route = routeOf(input.destination, message);
          if ('skip' in route || !matches(input.filter, message)) {
            p.skipped++;
            source.hold(message);
            continue;
          }
          const taken: Taken = { message, ...route };
          publish.publish(route.exchange, route.routingKey, message.content, republishOptions(message.properties, user), (err: unknown) => {
            taken.confirmed = !err;
          });
          batch.push(taken);
          publishedUnacked++;
        }
        if (batch.length === 0) break;
        await publish.waitForConfirms().catch(() => undefined);
        // A basic.return comes before the confirm of the same message: match each to one taken.
        for (const r of returned.splice(0)) {
          const match = batch.find((t) => !t.returned && t.exchange === r.fields.exchange && t.routingKey === r.fields.routingKey && t.message.content.equals(r.content));
          if (match) match.returned = true;
        }
        for (const t of batch) {
          if (t.confirmed && !t.returned) {
            p.moved++;
            if (input.mode === 'move') {
              source.ack(t.message);
              acksInFlight++;
            } else source.hold(t.message);
          } else {
            if (t.returned) p.unroutable++;
            else unconfirmed++;
            source.hold(t.message);
          }
        }
        publishedUnacked = 0;
        if (lost.connection || lost.channel) break;
        await source.sync();
        acksInFlight = 0;
      }
      if (lost.connection) throw new Interrupted();
      if (lost.channel) throw lost.channel;
      // Put back what stays in the source; closing the channel is a round trip, so every
      // acknowledgement and requeue is processed when it answers.
      await source.putBack();
      await get.close();
      acksInFlight = 0;
      p.state = run.cancelled ? 'cancelled' : 'done';
    } catch (err) {
      // A dropped connection fails the pending get first and closes the model just after.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const dropped = lost.connection || err instanceof Interrupted || (model !== undefined && session.connection !== model);
      if (dropped) {
        p.state = 'interrupted';
        // Either half may have reached the broker: a message published (confirm in flight or not)
        // but not acknowledged, or acknowledged but not yet processed, can be in both queues.
        p.possibleDuplicates = input.mode === 'move' ? acksInFlight + publishedUnacked + unconfirmed : 0;
        p.error = {
          code: 'UNREACHABLE',
          message: `Interrupted by a lost connection after ${p.moved.toLocaleString('en-US')} ${input.mode === 'copy' ? 'copied' : 'moved'}`,
          hint: `Nothing is lost: every message not acknowledged went back to ${input.source}.${p.possibleDuplicates > 0 ? ` Up to ${p.possibleDuplicates} in flight at the cut may be in both queues (at most one copy each).` : ''} A broker that crashed rather than stopped can also forget its last acknowledgements, so a few more may be back in ${input.source}. Start again once Warren has reconnected.`,
        };
      } else {
        p.state = 'failed';
        const error = toWarrenError(err);
        p.error = { code: error.code, message: error.message, hint: error.hint };
        // The source's channel may still be open (the publish channel failed): put back what it holds.
        await source?.putBack().catch(() => undefined);
      }
    } finally {
      clearInterval(ticker);
      model?.off('close', onModelClose);
      await get?.close().catch(() => undefined);
      await publish?.close().catch(() => undefined);
    }
    emit();
    return { ...p };
  }
}

class Interrupted extends Error {}
