/**
 * The renderer's one door to the main process. In Electron it is `window.warren` (preload);
 * in the browser host it is a WebSocket to the same origin. Both speak the shared contract.
 */
import type { EventMessage, EventName, EventPayload, InputOf, OperationName, OutputOf } from '../../shared/contract';
import type { CallResponse, EventBatch } from '../../shared/contract';
import { warrenError, type Result } from '../../shared/errors';
import type { BridgePort } from './bridgePort';

interface PreloadApi {
  call(op: string, input: unknown): Promise<Result<unknown>>;
  onEvents(listener: (batch: EventMessage[]) => void): () => void;
}

declare global {
  interface Window {
    warren?: PreloadApi;
  }
}

type Listener = (payload: never) => void;

class Bridge implements BridgePort {
  private readonly listeners = new Map<EventName, Set<Listener>>();
  private readonly latest = new Map<EventName, unknown>();
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private socket?: WebSocket;
  private opening?: Promise<WebSocket>;
  private nextId = 1;
  private readonly transportListeners = new Set<(up: boolean) => void>();

  constructor() {
    if (window.warren) window.warren.onEvents((batch) => this.deliver(batch));
    else void this.open().catch(() => undefined);
  }

  async call<K extends OperationName>(op: K, input: InputOf<K>): Promise<Result<OutputOf<K>>> {
    if (window.warren) return (await window.warren.call(op, input)) as Result<OutputOf<K>>;
    let socket: WebSocket;
    try {
      socket = await this.open();
    } catch {
      return { ok: false, error: warrenError('UNREACHABLE', 'Warren’s main process is not answering', { hint: 'Is `npm start` still running? Restart it and reload this page.' }) };
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (result: Result<unknown>) => void);
      socket.send(JSON.stringify({ id, op, input }));
    });
  }

  on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener);
    if (this.latest.has(event)) listener(this.latest.get(event) as EventPayload<K>);
    return () => set.delete(listener as Listener);
  }

  /** Browser host only: whether the WebSocket to Warren is up. */
  onTransport(listener: (up: boolean) => void): () => void {
    this.transportListeners.add(listener);
    return () => this.transportListeners.delete(listener);
  }

  private deliver(batch: EventMessage[]): void {
    for (const message of batch) {
      this.latest.set(message.event, message.payload);
      for (const listener of this.listeners.get(message.event) ?? []) (listener as (p: unknown) => void)(message.payload);
    }
  }

  private open(): Promise<WebSocket> {
    if (this.socket?.readyState === WebSocket.OPEN) return Promise.resolve(this.socket);
    this.opening ??= new Promise<WebSocket>((resolve, reject) => {
      const url = new URL('/ws', window.location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      url.search = '';
      const socket = new WebSocket(url);
      socket.onopen = () => {
        this.socket = socket;
        this.opening = undefined;
        for (const l of this.transportListeners) l(true);
        resolve(socket);
      };
      socket.onmessage = (message) => {
        const data = JSON.parse(String(message.data)) as CallResponse | EventBatch;
        if ('events' in data) {
          this.deliver(data.events);
          return;
        }
        this.pending.get(data.id)?.(data.result);
        this.pending.delete(data.id);
      };
      socket.onclose = () => {
        this.opening = undefined;
        this.socket = undefined;
        for (const l of this.transportListeners) l(false);
        for (const [id, resolvePending] of this.pending) {
          resolvePending({ ok: false, error: warrenError('UNREACHABLE', 'Lost the link to Warren’s main process', { hint: 'Restart `npm start` and reload this page.' }) });
          this.pending.delete(id);
        }
        reject(new Error('closed'));
        // Try again shortly: the main process may be restarting.
        setTimeout(() => void this.open().catch(() => undefined), 2000);
      };
    });
    return this.opening;
  }
}

/** The one bridge of this window; only the composition root (main.tsx) hands it to the stores. */
export const bridge: BridgePort = new Bridge();
