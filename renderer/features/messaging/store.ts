/**
 * The Messaging feature's store (Publish and Consumers): the composer's draft (kept while the
 * user visits other pages), saved templates and history, topology hints for autocomplete,
 * repeat progress, queue depths beside consumers, the live consumers feed, and every command.
 */
import type { InputOf, OutputOf } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import type { ConsumerInfo, ReceivedMessage, RepeatProgress, TopologyHints } from '../../../shared/messaging/types';
import type { BridgePort } from '../../app/bridgePort';
import { poll } from '../../app/poll';
import { StateStore } from '../../app/store';
import { ConsumersFeed } from './consumersFeed';
import { EMPTY_DRAFT, type ComposerDraft } from './draft';
import { HISTORY_KEY, HISTORY_MAX, readSaved, TEMPLATES_KEY, writeSaved, type SavedDraft } from './storage';

/** How often the ready count of a consumer's queue is asked. */
export const READY_POLL_MS = 2000;

export interface MessagingState {
  draft: ComposerDraft;
  templates: SavedDraft[];
  history: SavedDraft[];
  hints?: TopologyHints;
  /** The latest progress of the latest repeat run. */
  repeat?: RepeatProgress;
  /** Ready messages per queue, for the queues a consumer card shows. */
  ready: ReadonlyMap<string, number>;
}

export type SettleAction = 'ack' | 'nack' | 'reject';

export class MessagingStore extends StateStore<MessagingState> {
  readonly consumers: ConsumersFeed;
  private readonly readyWatchers = new Map<string, { count: number; stop: () => void }>();

  constructor(private readonly bridge: BridgePort) {
    super({ draft: EMPTY_DRAFT, templates: readSaved(TEMPLATES_KEY), history: readSaved(HISTORY_KEY), ready: new Map() });
    this.consumers = new ConsumersFeed(bridge);
    bridge.on('messaging.repeatProgress', (repeat) => this.set({ repeat }));
  }

  // ── the composer ──────────────────────────────────────────────────────────
  /** What the composer holds: typed by the user, or a received or imported message to send again. */
  setDraft(draft: ComposerDraft): void {
    this.set({ draft });
  }

  saveTemplate(name: string, draft: ComposerDraft): void {
    const templates = [{ name, at: Date.now(), draft }, ...this.current.templates.filter((t) => t.name !== name)];
    writeSaved(TEMPLATES_KEY, templates);
    this.set({ templates });
  }

  deleteTemplate(name: string): void {
    const templates = this.current.templates.filter((t) => t.name !== name);
    writeSaved(TEMPLATES_KEY, templates);
    this.set({ templates });
  }

  private remember(draft: ComposerDraft): void {
    const name = `${draft.exchange || '(default)'} → ${draft.routingKey}`;
    const history = [{ name, at: Date.now(), draft }, ...this.current.history].slice(0, HISTORY_MAX);
    writeSaved(HISTORY_KEY, history);
    this.set({ history });
  }

  /** Publishes what `draft` built; a confirmed or returned message joins the history. */
  async publish(input: InputOf<'messaging.publish'>, draft: ComposerDraft): Promise<Result<OutputOf<'messaging.publish'>>> {
    const r = await this.bridge.call('messaging.publish', input);
    if (r.ok) this.remember(draft);
    return r;
  }

  /** Publishes without touching the history (the import panel's re-publish). */
  publishOnly(input: InputOf<'messaging.publish'>): Promise<Result<OutputOf<'messaging.publish'>>> {
    return this.bridge.call('messaging.publish', input);
  }

  async repeat(input: InputOf<'messaging.repeat'>): Promise<Result<OutputOf<'messaging.repeat'>>> {
    this.set({ repeat: undefined });
    return this.bridge.call('messaging.repeat', input);
  }

  cancelRepeat(runId: string): Promise<Result<OutputOf<'messaging.repeatCancel'>>> {
    return this.bridge.call('messaging.repeatCancel', { runId });
  }

  async loadHints(): Promise<void> {
    const r = await this.bridge.call('messaging.topology', {});
    if (r.ok) this.set({ hints: r.value });
  }

  // ── consumers ─────────────────────────────────────────────────────────────
  attach(input: InputOf<'consumers.attach'>): Promise<Result<ConsumerInfo>> {
    return this.bridge.call('consumers.attach', input);
  }

  tap(input: InputOf<'consumers.tap'>): Promise<Result<ConsumerInfo>> {
    return this.bridge.call('consumers.tap', input);
  }

  pause(consumerId: string): Promise<Result<ConsumerInfo>> {
    return this.bridge.call('consumers.pause', { consumerId });
  }

  resume(consumerId: string): Promise<Result<ConsumerInfo>> {
    return this.bridge.call('consumers.resume', { consumerId });
  }

  crash(consumerId: string): Promise<Result<ConsumerInfo>> {
    return this.bridge.call('consumers.crash', { consumerId });
  }

  detach(consumerId: string): Promise<Result<ConsumerInfo>> {
    return this.bridge.call('consumers.detach', { consumerId });
  }

  settle(consumerId: string, ids: number[], action: SettleAction, requeue: boolean): Promise<Result<OutputOf<'consumers.settle'>>> {
    return this.bridge.call('consumers.settle', { consumerId, ids, action, requeue: action === 'ack' ? false : requeue });
  }

  ackAll(consumerId: string): Promise<Result<OutputOf<'consumers.settle'>>> {
    return this.bridge.call('consumers.settle', { consumerId, all: true, action: 'ack' });
  }

  /** One kept message with its whole body (the list carries previews). */
  message(consumerId: string, id: number): Promise<Result<ReceivedMessage>> {
    return this.bridge.call('consumers.message', { consumerId, id });
  }

  /** The messages with whole bodies: cut previews are asked for; ones no longer kept are left out. */
  async wholeMessages(consumerId: string, list: ReceivedMessage[]): Promise<ReceivedMessage[]> {
    const results = await Promise.all(list.map((m) => (m.truncated ? this.message(consumerId, m.id) : Promise.resolve({ ok: true as const, value: m }))));
    return results.flatMap((r) => (r.ok ? [r.value] : []));
  }

  peek(input: InputOf<'messaging.peek'>): Promise<Result<ReceivedMessage[]>> {
    return this.bridge.call('messaging.peek', input);
  }

  /** Get messages with an ack mode: requeue them, or take them out of the queue (ack, reject). */
  get(input: InputOf<'messaging.get'>): Promise<Result<ReceivedMessage[]>> {
    return this.bridge.call('messaging.get', input);
  }

  /** Keeps `queue`'s ready count current (every READY_POLL_MS) until the last watcher stops. */
  watchReady(queue: string): () => void {
    const existing = this.readyWatchers.get(queue);
    if (existing) existing.count += 1;
    else {
      const stop = poll(async (active) => {
        const r = await this.bridge.call('queues.check', { queue });
        if (active() && r.ok) this.set((s) => ({ ...s, ready: new Map(s.ready).set(queue, r.value.messageCount) }));
      }, READY_POLL_MS);
      this.readyWatchers.set(queue, { count: 1, stop });
    }
    return () => {
      const watcher = this.readyWatchers.get(queue);
      if (!watcher || --watcher.count > 0) return;
      watcher.stop();
      this.readyWatchers.delete(queue);
    };
  }
}
