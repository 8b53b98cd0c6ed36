/**
 * A bridge for the stores' unit tests: answers calls from handlers given per operation,
 * records every call, and lets a test push events and link changes.
 */
import type { EventName, EventPayload, InputOf, OperationName, OutputOf } from '../../../shared/contract';
import { warrenError, type Result } from '../../../shared/errors';
import type { BridgePort } from '../../../renderer/app/bridgePort';

type Handler<K extends OperationName> = (input: InputOf<K>) => Result<OutputOf<K>> | Promise<Result<OutputOf<K>>>;
export type Handlers = { [K in OperationName]?: Handler<K> };

export class FakeBridge implements BridgePort {
  readonly calls: { op: OperationName; input: unknown }[] = [];
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();
  private readonly transport = new Set<(up: boolean) => void>();

  constructor(public handlers: Handlers = {}) {}

  async call<K extends OperationName>(op: K, input: InputOf<K>): Promise<Result<OutputOf<K>>> {
    this.calls.push({ op, input });
    const handler = this.handlers[op] as Handler<K> | undefined;
    if (!handler) return { ok: false, error: warrenError('INTERNAL', `no fake answer for ${op}`) };
    return handler(input);
  }

  callsOf<K extends OperationName>(op: K): InputOf<K>[] {
    return this.calls.filter((c) => c.op === op).map((c) => c.input as InputOf<K>);
  }

  on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  onTransport(listener: (up: boolean) => void): () => void {
    this.transport.add(listener);
    return () => this.transport.delete(listener);
  }

  emit<K extends EventName>(event: K, payload: EventPayload<K>): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (p: EventPayload<K>) => void)(payload);
  }

  listenerCount(event: EventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  setTransport(up: boolean): void {
    for (const listener of this.transport) listener(up);
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Lets pending promise callbacks run (answers of the fake are promises). */
export const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};
