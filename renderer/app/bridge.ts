/**
 * The renderer's one door to the main process. In Electron it is `window.warren` (preload);
 * in the browser host it is a WebSocket to the same origin. Both speak the shared contract.
 */
import type { EventMessage, EventName, EventPayload, OperationName } from '../../shared/contract';
import { MAX_BRIDGE_MESSAGE_BYTES, type CallResponse, type EventBatch } from '../../shared/wire';
import { createClient, type WarrenClient } from '../../shared/client';
import { warrenError, type Result } from '../../shared/errors';
import { SESSION_META, SESSION_STORAGE_KEY, WS_KEY_PREFIX, WS_PROTOCOL } from '../../shared/host-web/session';
import { utf8Length } from '../../shared/validation/names';
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

  /** The one typed client (shared/client.ts) over this window's transport. */
  readonly call: WarrenClient['call'] = createClient((op, input) => this.send(op, input)).call;

  /** Carries one call: Electron's preload where there is one, else the WebSocket. */
  private async send(op: OperationName, input: unknown): Promise<Result<unknown>> {
    if (window.warren) return window.warren.call(op, input);
    let socket: WebSocket;
    try {
      socket = await this.open();
    } catch {
      if (!sessionKey()) return { ok: false, error: warrenError('SESSION', 'This page has no session with Warren') };
      return { ok: false, error: warrenError('UNREACHABLE', 'Warren’s main process is not answering', { hint: 'Is `npm start` still running? Restart it (or press Enter in its terminal for a new link) and open the link.' }) };
    }
    const id = this.nextId++;
    const frame = JSON.stringify({ id, op, input });
    // Refused here, before sending: Warren's main process closes the link on a bigger frame.
    const bytes = utf8Length(frame);
    if (bytes > MAX_BRIDGE_MESSAGE_BYTES) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      return {
        ok: false,
        error: warrenError('BAD_INPUT', `This call is ${mb(bytes)} MiB; Warren’s bridge carries at most ${mb(MAX_BRIDGE_MESSAGE_BYTES)} MiB`, {
          hint: 'Send a smaller message body (or publish large bodies with a client library).',
        }),
      };
    }
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      socket.send(frame);
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
      url.hash = '';
      const key = sessionKey();
      const socket = new WebSocket(url, key ? [WS_PROTOCOL, `${WS_KEY_PREFIX}${key}`] : [WS_PROTOCOL]);
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

/**
 * The page's half of its session (shared/host-web/session.ts): the server writes it into the
 * page of a one-time link; it is kept in this origin's storage so reloads and new tabs reuse it.
 */
function sessionKey(): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${SESSION_META}"]`);
  try {
    if (meta?.content) {
      localStorage.setItem(SESSION_STORAGE_KEY, meta.content);
      meta.remove();
    }
    return localStorage.getItem(SESSION_STORAGE_KEY) ?? undefined;
  } catch {
    // Storage disabled: the key lives as long as this page.
    return meta?.content || undefined;
  }
}

/** The one bridge of this window; only the composition root (main.tsx) hands it to the stores. */
export const bridge: BridgePort = new Bridge();
