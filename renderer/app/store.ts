/**
 * The renderer's one state mechanism. A feature's store owns its calls, events and polling and
 * exposes `subscribe` / `getSnapshot`, the pair React's useSyncExternalStore reads; components
 * get the snapshot and the store's actions, never the bridge.
 */
import { useSyncExternalStore } from 'react';

export interface ExternalStore<S> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): S;
}

/** Holds one immutable snapshot; `set` replaces it and tells the subscribers. */
export class StateStore<S> implements ExternalStore<S> {
  private readonly listeners = new Set<() => void>();

  constructor(private state: S) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.onFirstSubscriber();
    return () => {
      if (this.listeners.delete(listener) && this.listeners.size === 0) this.onLastUnsubscribe();
    };
  };

  readonly getSnapshot = (): S => this.state;

  protected get current(): S {
    return this.state;
  }

  protected set(next: Partial<S> | ((previous: S) => S)): void {
    const value = typeof next === 'function' ? next(this.state) : { ...this.state, ...next };
    if (value === this.state) return;
    this.state = value;
    for (const listener of [...this.listeners]) listener();
  }

  /** Someone started reading: a store that works only while read (a feed, a poll) starts here. */
  protected onFirstSubscriber(): void {}
  /** Nobody reads any more: stop what onFirstSubscriber started. */
  protected onLastUnsubscribe(): void {}
}

export function useStore<S>(store: ExternalStore<S>): S {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
