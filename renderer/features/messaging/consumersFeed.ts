/**
 * The consumers and their live messages, as pushed by the main process: the list (state
 * event), new deliveries (arrays per flush) and settle changes. Messages per consumer are kept
 * newest first and bounded here too. It starts when first read and keeps running for the
 * window's life, so leaving the Consumers page and coming back loses nothing.
 */
import { UPDATE_MS, type ConsumerInfo, type DeliveryBatch, type ReceivedMessage, type SettleChange } from '../../../shared/messaging/types';
import type { BridgePort } from '../../app/bridgePort';
import { StateStore } from '../../app/store';

/** The UI list keeps at most this many per consumer (the main process keeps its own ring). */
export const UI_KEEP = 2000;
/**
 * While messages stream in, readers redraw at most this often (the feed itself is always current).
 * Each redraw of the Consumers page costs Chromium ~10 ms of script, ~9 ms of layout and ~12 ms of
 * paint (a trace of a 100,000-message consume); at 4 a second instead of ~7 the renderer's main
 * thread was busy 25–36 % instead of 38–46 % of the run (the same consume, interleaved). At 2 a
 * second, a 200,000-message consume cost Chromium (all its processes) 2.4 ms of CPU per 1,000
 * messages instead of 3.4, and the page kept up with 0.90 of a raw consumer's rate instead of 0.87
 * (npm run bench -- consume, median of 5 rounds): on two cores that CPU is the broker's.
 */
export const REDRAW_MS = 500;
/**
 * A stream that stops is drawn this long after its last change, not up to REDRAW_MS later: the
 * final counts show as soon as the consumer goes quiet. Longer than the main process' updates
 * (UPDATE_MS apart), so a stream still draws only every REDRAW_MS: shorter, every update of a
 * stream looked like its end and was drawn (Chromium's CPU per message doubled).
 */
export const QUIET_MS = UPDATE_MS * 1.5;

export interface ConsumersSnapshot {
  consumers: ConsumerInfo[];
  /** Newest first; a consumer's array is replaced only when its messages change. */
  messages: ReadonlyMap<string, ReceivedMessage[]>;
  /** Deliveries whose previews reached the UI, per consumer (including ones no longer kept here). */
  seen: ReadonlyMap<string, number>;
  /** Deliveries the main process only counted (more than one flush carries; still in its ring). */
  skipped: ReadonlyMap<string, number>;
}

export class ConsumersFeed extends StateStore<ConsumersSnapshot> {
  private consumers: ConsumerInfo[] = [];
  private readonly messages = new Map<string, ReceivedMessage[]>();
  private readonly seen = new Map<string, number>();
  private readonly skipped = new Map<string, number>();
  private started = false;
  private lastNotify = -Infinity;
  private lastChange = -Infinity;
  private notifyTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly bridge: BridgePort) {
    super({ consumers: [], messages: new Map(), seen: new Map(), skipped: new Map() });
  }

  protected override onFirstSubscriber(): void {
    if (this.started) return;
    this.started = true;
    this.bridge.on('consumers.state', (list) => this.onList(list));
    this.bridge.on('consumers.deliveries', (batches) => this.onDeliveries(batches));
    this.bridge.on('consumers.settled', (changes) => this.onSettled(changes));
    void this.bridge.call('consumers.list', {}).then((r) => {
      if (!r.ok) return;
      this.onList(r.value);
      // Messages received before this window opened: ask each consumer's ring.
      for (const c of r.value) {
        void this.bridge.call('consumers.messages', { consumerId: c.id, limit: 500 }).then((m) => {
          if (m.ok && !this.messages.has(c.id)) {
            this.messages.set(c.id, m.value.messages.slice().reverse());
            this.notify();
          }
        });
      }
    });
  }

  private onList(list: ConsumerInfo[]): void {
    this.consumers = list;
    for (const id of [...this.messages.keys()]) if (!list.some((c) => c.id === id)) this.messages.delete(id);
    this.notify();
  }

  private onDeliveries(batches: DeliveryBatch[]): void {
    for (const b of batches) {
      const current = this.messages.get(b.consumerId) ?? [];
      const fresh = b.messages.slice().reverse();
      const next = fresh.length >= UI_KEEP ? fresh.slice(0, UI_KEEP) : fresh.concat(current.slice(0, UI_KEEP - fresh.length));
      this.messages.set(b.consumerId, next);
      this.seen.set(b.consumerId, (this.seen.get(b.consumerId) ?? 0) + b.messages.length);
      if (b.skipped > 0) this.skipped.set(b.consumerId, (this.skipped.get(b.consumerId) ?? 0) + b.skipped);
    }
    // A stream that paused is drawn on the next turn (after the rest of this batch of events,
    // its counts among them), not QUIET_MS later.
    if (batches.some((b) => b.paused)) this.drawSoon();
    else this.notify();
  }

  private drawSoon(): void {
    this.lastChange = performance.now();
    clearTimeout(this.notifyTimer);
    this.notifyTimer = setTimeout(() => this.notifyNow(), 0);
  }

  private onSettled(changes: SettleChange[]): void {
    for (const change of changes) {
      const list = this.messages.get(change.consumerId);
      if (!list) continue;
      const ids = new Set(change.ids);
      // Only changed rows get new objects, so unchanged rows are not redrawn.
      let changed = false;
      const next = list.map((m) => {
        if (!ids.has(m.id) || m.settled === change.settled) return m;
        changed = true;
        return { ...m, settled: change.settled };
      });
      if (changed) this.messages.set(change.consumerId, next);
    }
    this.notify();
  }

  /**
   * Coalesces redraws: the first change after a quiet spell draws at once; a stream draws every
   * REDRAW_MS, and once more QUIET_MS after it stops.
   */
  private notify(): void {
    this.lastChange = performance.now();
    if (this.notifyTimer !== undefined) return;
    if (this.lastChange - this.lastNotify >= REDRAW_MS) this.notifyNow();
    else this.schedule();
  }

  private schedule(): void {
    const due = Math.min(this.lastNotify + REDRAW_MS, this.lastChange + QUIET_MS);
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      const now = performance.now();
      if (now - this.lastNotify >= REDRAW_MS || now - this.lastChange >= QUIET_MS) this.notifyNow();
      else this.schedule();
    }, Math.max(0, due - performance.now()));
  }

  private notifyNow(): void {
    this.notifyTimer = undefined;
    this.lastNotify = performance.now();
    this.set({ consumers: this.consumers, messages: new Map(this.messages), seen: new Map(this.seen), skipped: new Map(this.skipped) });
  }
}
