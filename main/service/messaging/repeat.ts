/**
 * Repeat publishing: N messages at R per second (0 = as fast as the broker takes them), with
 * {{seq}}/{{uuid}}/{{now}} templates. Runs at raw-amqplib speed: a tight loop of
 * channel.publish that only waits when the socket buffer is full ('drain'), for the rate, or
 * when more than a window of confirms is outstanding — never one await per message.
 */
import { randomUUID } from 'node:crypto';
import type { ConsumeMessage, Options } from 'amqplib';
import type { z } from 'zod';
import type { repeatInput } from '../../../shared/messaging/contract';
import { compileTemplate, renderTemplate, type CompiledTemplate } from './template';
import type { FieldEntry, FieldValue, RepeatProgress } from '../../../shared/messaging/types';
import type { ServiceContext } from '../context';
import { fail, toWarrenError } from '../errors';
import { composeBody, encodeTable, toPublishOptions } from './codec';
import type { MaxMessageSize } from './max-size';
import { openConfirmChannel } from './publisher';
import type { TopologyReader } from '../topology/reader';

export type RepeatInput = z.output<typeof repeatInput>;
type Session = ReturnType<ServiceContext['connection']['requireSession']>;

/** Confirms allowed in flight before the loop waits for half of them. */
const CONFIRM_WINDOW = 20_000;
const PROGRESS_EVERY_MS = 100;

interface Run {
  progress: RepeatProgress;
  /** The session it publishes on (a profile switch ends the runs of the session it leaves). */
  session: Session;
  exchange: string;
  cancelled: boolean;
  wake?: () => void;
}

export class RepeatRuns {
  private readonly runs = new Map<string, Run>();
  private nextRun = 1;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly topology: TopologyReader,
    private readonly maxSize: MaxMessageSize,
  ) {
    ctx.onShutdown(() => {
      for (const run of this.runs.values()) this.stop(run);
    });
    // A profile switch closes the session a run publishes on: it names the runs and cancels them
    // (so they end "cancelled", not "interrupted by a broker restart").
    const running = (session: Session) => [...this.runs.values()].filter((r) => r.session === session && r.progress.state === 'running');
    ctx.connection.describeOnSession(
      (session) =>
        running(session).map((r) => `the repeat run to ${r.exchange === '' ? 'the default exchange' : `exchange ${r.exchange}`} at ${r.progress.sent.toLocaleString('en-US')} of ${r.progress.total.toLocaleString('en-US')} sent`),
      (session) => {
        for (const run of running(session)) this.stop(run);
      },
    );
  }

  async start(input: RepeatInput): Promise<RepeatProgress> {
    const plan = prepare(input, this.maxSize);
    const session = this.ctx.connection.requireSession();
    const runId = `run-${this.nextRun++}`;
    const run: Run = {
      session,
      exchange: input.exchange,
      cancelled: false,
      // A resumed run counts on from where the interrupted one was confirmed.
      progress: { runId, total: input.count, sent: input.resumeFrom, confirmed: input.resumeFrom, nacked: 0, returned: 0, rate: 0, elapsedMs: 0, state: 'running' },
    };
    this.runs.set(runId, run);
    const done = this.execute(run, input, plan, session).finally(() => {
      // Keep finished runs briefly so a late cancel or poll still finds them.
      setTimeout(() => this.runs.delete(runId), 60_000).unref();
    });
    if (input.wait) return done;
    void done;
    return { ...run.progress };
  }

  cancel(runId: string): RepeatProgress {
    const run = this.runs.get(runId);
    if (!run) fail('NOT_FOUND', `No repeat run ${runId}`, { hint: 'It finished more than a minute ago.' });
    this.stop(run);
    return { ...run.progress };
  }

  private stop(run: Run) {
    run.cancelled = true;
    run.wake?.();
  }

  private async execute(run: Run, input: RepeatInput, plan: Plan, session: ReturnType<ServiceContext['connection']['requireSession']>): Promise<RepeatProgress> {
    const p = run.progress;
    // The run's clock (pacing, elapsed, rate) starts at its first publish, once its channel is
    // open: message k goes at (k - 1) / R from there. Reset below when the channel is open.
    let started = Date.now();
    const rateWindow: { at: number; sent: number }[] = [{ at: started, sent: p.sent }];
    let lastEmit = 0;
    const emit = (force = false) => {
      const now = Date.now();
      if (!force && now - lastEmit < PROGRESS_EVERY_MS) return;
      lastEmit = now;
      p.elapsedMs = now - started;
      rateWindow.push({ at: now, sent: p.sent });
      while (rateWindow.length > 2 && now - rateWindow[0]!.at > 1000) rateWindow.shift();
      const first = rateWindow[0]!;
      p.rate = now > first.at ? Math.round(((p.sent - first.sent) * 1000) / (now - first.at)) : 0;
      this.ctx.emit('messaging.repeatProgress', { ...p });
    };
    const ticker = setInterval(() => emit(), PROGRESS_EVERY_MS);

    let tracked: Awaited<ReturnType<typeof openConfirmChannel>> | undefined;
    // The connection's own fate, to tell a broker restart from a channel error.
    const model = session.connection;
    const connectionLoss: { closed: boolean; error?: Error } = { closed: false };
    const onModelError = (err: Error) => (connectionLoss.error = err);
    // A broker's connection.close (320 on shutdown) comes with 'close', not 'error'.
    const onModelClose = (err?: Error) => {
      connectionLoss.closed = true;
      if (err) connectionLoss.error = err;
      run.wake?.();
    };
    model?.on('error', onModelError);
    model?.once('close', onModelClose);
    try {
      tracked = input.confirm ? await openConfirmChannel(session) : await openPlainChannel(session);
      const t = tracked;
      const ch = t.channel;
      ch.on('return', (m: ConsumeMessage) => {
        p.returned++;
        if (!p.firstReturn) {
          const replyText = (m.fields as unknown as { replyText: string }).replyText;
          p.firstReturn = { replyText, reasons: [] };
          void this.topology.explainReturn(input.exchange, input.routingKey, input.properties.headers).then((reasons) => {
            p.firstReturn = { replyText, reasons };
          });
        }
      });
      // One shared callback: counting confirms costs no closure per message.
      let waiter: (() => void) | undefined;
      const onConfirm = (err: unknown) => {
        if (err) {
          if ((err as Error).message === 'message nacked') p.nacked++;
        } else p.confirmed++;
        if (waiter && p.sent - p.confirmed - p.nacked <= CONFIRM_WINDOW / 2) {
          const w = waiter;
          waiter = undefined;
          w();
        }
      };
      const waitFor = (register: (wake: () => void) => void) =>
        new Promise<void>((resolve) => {
          run.wake = resolve;
          register(resolve);
        });
      const onClose = () => run.wake?.();
      ch.once('close', onClose);

      const rate = input.ratePerSecond;
      started = Date.now();
      rateWindow.splice(0, rateWindow.length, { at: started, sent: p.sent });
      let lastYield = Date.now();
      const useConfirm = input.confirm;
      const skipped = input.resumeFrom;
      while (p.sent < input.count && !run.cancelled && !t.closed) {
        if (rate > 0) {
          const allowed = Math.floor(((Date.now() - started) * rate) / 1000) + 1;
          if (p.sent - skipped >= allowed) {
            const waitMs = Math.max(1, Math.ceil(((p.sent - skipped + 1) * 1000) / rate - (Date.now() - started)));
            await waitFor((wake) => setTimeout(wake, Math.min(waitMs, 100)));
            continue;
          }
        }
        const seq = p.sent + 1;
        const content = plan.content ?? plan.body(seq);
        const options = plan.options ?? plan.optionsFor(seq);
        const ok = useConfirm
          ? (ch as import('amqplib').ConfirmChannel).publish(input.exchange, input.routingKey, content, options, onConfirm)
          : ch.publish(input.exchange, input.routingKey, content, options);
        p.sent = seq;
        if (!ok) await waitFor((wake) => ch.once('drain', wake));
        if (useConfirm && p.sent - p.confirmed - p.nacked > CONFIRM_WINDOW) {
          await waitFor((wake) => {
            waiter = wake;
          });
        }
        // Let progress, cancel and other calls in now and then, without an await per message.
        if ((seq & 1023) === 0 && Date.now() - lastYield > 50) {
          await new Promise((r) => setImmediate(r));
          lastYield = Date.now();
        }
      }
      if (t.closed && !t.closedBy) {
        // The channel went with the connection: wait for amqplib to close the model as well.
        await new Promise((r) => setImmediate(r));
        if (connectionLoss.closed || session.connection !== model) throw new RunInterrupted(p.confirmed, connectionLoss.error);
      }
      if (t.closed) throw t.closedBy ?? new Error('The channel closed during the run');
      if (useConfirm && !run.cancelled) await (ch as import('amqplib').ConfirmChannel).waitForConfirms().catch(() => undefined);
      // A paced run owns its last message's slot too: N messages at R per second take N / R
      // seconds, so the run's own clock shows R (message k goes at (k - 1) / R, the run ends at N / R).
      if (rate > 0 && !run.cancelled && !t.closed) {
        const endsAt = ((input.count - skipped) * 1000) / rate;
        while (!run.cancelled && Date.now() - started < endsAt) await waitFor((wake) => setTimeout(wake, Math.min(100, Math.max(1, endsAt - (Date.now() - started)))));
      }
      ch.off('close', onClose);
      // Closing is a round trip: the broker has taken every message of the run when it answers.
      await ch.close().catch(() => undefined);
      p.state = run.cancelled ? 'cancelled' : 'done';
    } catch (err) {
      p.state = 'failed';
      if (err instanceof RunInterrupted) {
        p.resumeFrom = err.confirmed;
        p.error = err.toError();
      } else {
        const error = toWarrenError(tracked?.closedBy ?? err);
        this.maxSize.learn(error.message);
        p.error = { code: error.code, message: error.message, hint: error.hint };
      }
      if (tracked && !tracked.closed) await tracked.channel.close().catch(() => undefined);
    } finally {
      clearInterval(ticker);
      run.wake = undefined;
      model?.off('error', onModelError);
      model?.off('close', onModelClose);
    }
    emit(true);
    return { ...p };
  }
}

/**
 * The connection dropped under the run (a broker restart, graceful or not, or the network).
 * Confirmed messages are safe on the broker; the rest may or may not be there, so resuming from
 * `confirmed` can duplicate the few that were in flight but never loses a confirmed one.
 */
class RunInterrupted extends Error {
  constructor(
    readonly confirmed: number,
    readonly reason?: Error,
  ) {
    super(`Interrupted by a broker restart after ${confirmed.toLocaleString('en-US')} confirmed`);
  }

  toError(): NonNullable<RepeatProgress['error']> {
    const forced = this.reason && toWarrenError(this.reason).code === 'CONNECTION_FORCED';
    return {
      // 320 is the broker saying it shuts down; a dropped socket (kill -9, network) is unreachable.
      code: forced ? 'CONNECTION_FORCED' : 'UNREACHABLE',
      message: forced ? this.message : `${this.message} (or a lost connection)`,
      hint: `Messages 1–${this.confirmed} are on the broker. Once Warren has reconnected, resume the run from ${this.confirmed}: it sends ${this.confirmed + 1} onwards (a few in flight at the cut may arrive twice).`,
    };
  }
}

interface Plan {
  /** The same bytes for every message when the body has no placeholder. */
  content?: Buffer;
  body: (seq: number) => Buffer;
  options?: Options.Publish;
  optionsFor: (seq: number) => Options.Publish;
}

/** Validates once (JSON, size, headers) and compiles templates, so the loop only renders. */
function prepare(input: RepeatInput, maxSize: MaxMessageSize): Plan {
  const textual = input.body.mode === 'text' || input.body.mode === 'json';
  const bodyTemplate = textual ? compileTemplate(input.body.data) : undefined;
  const scope = (seq: number) => ({ seq, now: Date.now(), uuid: randomUUID });
  // The first message is composed fully: JSON and size errors come back before anything is sent.
  const first = textual && bodyTemplate && !bodyTemplate.constant
    ? composeBody({ mode: input.body.mode, data: renderTemplate(bodyTemplate, scope(1)) })
    : composeBody(input.body);
  maxSize.check(first.length);
  const base = toPublishOptions(input.properties, input.mandatory);
  const headerTemplates = input.properties.headers && hasTemplates(input.properties.headers) ? input.properties.headers : undefined;
  return {
    content: bodyTemplate && !bodyTemplate.constant ? undefined : first,
    body: (seq) => Buffer.from(renderTemplate(bodyTemplate as CompiledTemplate, scope(seq)), 'utf8'),
    options: headerTemplates ? undefined : base,
    optionsFor: (seq) => ({ ...base, headers: encodeTable(renderEntries(headerTemplates ?? [], seq)) }),
  };
}

function hasTemplates(entries: FieldEntry[]): boolean {
  return entries.some((e) => valueHasTemplate(e.value));
}
function valueHasTemplate(v: FieldValue): boolean {
  if (v.t === 'string') return !compileTemplate(v.v).constant;
  if (v.t === 'array') return v.v.some(valueHasTemplate);
  if (v.t === 'table') return hasTemplates(v.v);
  return false;
}
function renderEntries(entries: FieldEntry[], seq: number): FieldEntry[] {
  return entries.map((e) => ({ key: e.key, value: renderValue(e.value, seq) }));
}
function renderValue(v: FieldValue, seq: number): FieldValue {
  if (v.t === 'string') return { t: 'string', v: renderTemplate(compileTemplate(v.v), { seq, now: Date.now(), uuid: randomUUID }) };
  if (v.t === 'array') return { t: 'array', v: v.v.map((x) => renderValue(x, seq)) };
  if (v.t === 'table') return { t: 'table', v: renderEntries(v.v, seq) };
  return v;
}

/** A plain channel tracked like a confirm channel (publish ignores the callback slot). */
async function openPlainChannel(session: ReturnType<ServiceContext['connection']['requireSession']>) {
  const model = session.connection;
  if (!model) fail('NOT_CONNECTED', 'Not connected to a broker');
  const channel = await model.createChannel();
  const tracked = { channel: channel as unknown as import('amqplib').ConfirmChannel, closed: false, closedBy: undefined as Error | undefined };
  channel.on('error', (err: Error) => {
    tracked.closedBy = err;
  });
  channel.on('close', () => {
    tracked.closed = true;
  });
  return tracked;
}
