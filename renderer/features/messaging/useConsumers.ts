/**
 * The consumers and their live messages, as pushed by the main process: the list (state
 * event), new deliveries (arrays per flush) and settle changes. Messages per consumer are kept
 * newest first and bounded here too; one subscription serves every component.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { ConsumerInfo, DeliveryBatch, ReceivedMessage, SettleChange } from '../../../shared/messaging/types';
import { bridge } from '../../app/bridge';

/** The UI list keeps at most this many per consumer (the main process keeps its own ring). */
export const UI_KEEP = 2000;

interface Store {
  consumers: ConsumerInfo[];
  messages: Map<string, ReceivedMessage[]>;
  /** Deliveries whose previews reached the UI, per consumer (including ones no longer kept here). */
  seen: Map<string, number>;
  /** Deliveries the main process only counted (more than one flush carries; still in its ring). */
  skipped: Map<string, number>;
  version: number;
}

const store: Store = { consumers: [], messages: new Map(), seen: new Map(), skipped: new Map(), version: 0 };
const listeners = new Set<() => void>();
let started = false;

/** While messages stream in, the page redraws at most this often (the store itself is always current). */
const REDRAW_MS = 150;
let lastNotify = 0;
let notifyTimer: ReturnType<typeof setTimeout> | undefined;

function notifyNow() {
  notifyTimer = undefined;
  lastNotify = performance.now();
  store.version++;
  for (const l of listeners) l();
}

/** Coalesces redraws: the first change after a quiet spell draws at once, a stream draws ≤ ~7/s. */
function notify() {
  if (notifyTimer !== undefined) return;
  const wait = lastNotify + REDRAW_MS - performance.now();
  if (wait <= 0) notifyNow();
  else notifyTimer = setTimeout(notifyNow, wait);
}

function start() {
  if (started) return;
  started = true;
  bridge.on('consumers.state', (list) => {
    store.consumers = list;
    for (const id of [...store.messages.keys()]) if (!list.some((c) => c.id === id)) store.messages.delete(id);
    notify();
  });
  bridge.on('consumers.deliveries', (batches: DeliveryBatch[]) => {
    for (const b of batches) {
      const current = store.messages.get(b.consumerId) ?? [];
      const fresh = b.messages.slice().reverse();
      const next = fresh.length >= UI_KEEP ? fresh.slice(0, UI_KEEP) : fresh.concat(current.slice(0, UI_KEEP - fresh.length));
      store.messages.set(b.consumerId, next);
      store.seen.set(b.consumerId, (store.seen.get(b.consumerId) ?? 0) + b.messages.length);
      if (b.skipped > 0) store.skipped.set(b.consumerId, (store.skipped.get(b.consumerId) ?? 0) + b.skipped);
    }
    notify();
  });
  bridge.on('consumers.settled', (changes: SettleChange[]) => {
    for (const change of changes) {
      const list = store.messages.get(change.consumerId);
      if (!list) continue;
      const ids = new Set(change.ids);
      // Only changed rows get new objects, so unchanged rows are not redrawn.
      let changed = false;
      const next = list.map((m) => {
        if (!ids.has(m.id) || m.settled === change.settled) return m;
        changed = true;
        return { ...m, settled: change.settled };
      });
      if (changed) store.messages.set(change.consumerId, next);
    }
    notify();
  });
  void bridge.call('consumers.list', {}).then((r) => {
    if (r.ok) {
      store.consumers = r.value;
      notify();
      // Messages received before this window opened: ask each consumer's ring.
      for (const c of r.value) {
        void bridge.call('consumers.messages', { consumerId: c.id, limit: 500 }).then((m) => {
          if (m.ok && !store.messages.has(c.id)) {
            store.messages.set(c.id, m.value.messages.slice().reverse());
            notify();
          }
        });
      }
    }
  });
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const version = () => store.version;

export function useConsumerStore() {
  useEffect(start, []);
  useSyncExternalStore(subscribe, version);
  return {
    consumers: store.consumers,
    messagesOf: (id: string) => store.messages.get(id) ?? [],
    seenOf: (id: string) => store.seen.get(id) ?? 0,
    skippedOf: (id: string) => store.skipped.get(id) ?? 0,
  };
}
