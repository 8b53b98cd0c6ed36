/**
 * The browser host: the same dispatcher behind HTTP + WebSocket on 127.0.0.1 only.
 *
 * Who may use it: Warren prints a one-time link; opening it exchanges the link's token for a
 * session (cookie + page key, see shared/host-web/session.ts and ./sessions.ts). Every request
 * must name Warren's own Host (no DNS rebinding); the WebSocket also needs Warren's own Origin,
 * the session cookie and the page's key, and takes no token in its address.
 *
 * What it survives: nothing a client sends ends or blocks the process. Requests are parsed
 * without throwing, each frame is checked (text, UTF-8, JSON, shape) before the dispatcher sees
 * it, socket errors are listened to, and a handler that throws answers a Result.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isUtf8 } from 'node:buffer';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { MAX_BRIDGE_MESSAGE_BYTES, type CallResponse, type EventBatch } from '../../shared/wire';
import { warrenError, type WarrenError } from '../../shared/errors';
import type { DeliveryBatch } from '../../shared/messaging/types';
import { WS_KEY_PREFIX, WS_PROTOCOL, sessionCookieName } from '../../shared/host-web/session';
import type { Dispatch } from '../bridge/dispatcher';
import type { EventHub } from '../bridge/events';
import { allowedHosts, cookieValue, hostAllowed, offeredKey, originAllowed, parseTarget } from './guards';
import { WebSessions } from './sessions';
import { contentSecurityPolicy, plain, serveStatic } from './static';

export interface WebHostOptions {
  dispatch: Dispatch;
  events: EventHub;
  rendererDir: string;
  port?: number;
  log?: (line: string) => void;
  /** Told when a client falls behind (stops reading) and when it has caught up or left. */
  onBehind?: (client: object, behind: boolean) => void;
}

/**
 * A client with more than BEHIND_BYTES queued is behind: consumers pause (see DeliveryFlow) and
 * deliveries reach it as counts only (the consumer's kept list has the messages), so the page
 * still accounts for every one; over DROP_BYTES no event is queued for it at all. It has caught
 * up below CAUGHT_UP_BYTES. Call answers always go.
 */
const BEHIND_BYTES = 4 * 1024 * 1024;
const CAUGHT_UP_BYTES = 512 * 1024;
const DROP_BYTES = 32 * 1024 * 1024;

export interface WebHost {
  /** The first one-time link (printed at start). */
  url: string;
  port: number;
  /** Another one-time link (the terminal's Enter key asks for one). */
  newLink(): string;
  close(): Promise<void>;
}

/** Calls one window may have unanswered at once; more are refused as BUSY, not queued. */
export const MAX_CALLS_IN_FLIGHT = 1000;

const NEEDS_LINK = 'Warren: open the link Warren printed in its terminal (each link works once; press Enter there for a new one).\n';
const LINK_USED = 'Warren: this link was used already. Press Enter in the terminal where Warren runs for a new one.\n';

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const log = options.log ?? (() => undefined);
  const sessions = new WebSessions();
  let port = 0;
  let csp = '';
  const cookieName = () => sessionCookieName(port);

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req.headers.host, port)) return plain(res, 403, `Warren answers to ${allowedHosts(port).join(' and ')} only.\n`);
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Warren serves its page with GET only.\n');
    const target = parseTarget(req.url);
    if (!target) return plain(res, 400, 'Warren: not an address it serves.\n');
    if (target.path === undefined) return plain(res, 400, 'Warren: the address has broken percent-encoding.\n');
    const hasSession = sessions.byCookie(cookieValue(req.headers.cookie, cookieName())) !== undefined;
    const token = target.query.get('token');
    const isPage = target.path === '/' || target.path === '/index.html';
    if (token !== null && isPage && req.method === 'GET') {
      const exchange = sessions.exchange(token);
      if (exchange.ok) {
        res.setHeader('Set-Cookie', `${cookieName()}=${exchange.session.cookie}; HttpOnly; SameSite=Strict; Path=/`);
        return serveStatic(options.rendererDir, target.path, res, csp, exchange.session.key);
      }
      // An old link opened again in a browser that has its session: just the page.
      if (!hasSession) {
        return plain(res, 401, exchange.reason === 'used' ? LINK_USED : NEEDS_LINK);
      }
    } else if (!hasSession) {
      return plain(res, 401, NEEDS_LINK);
    }
    serveStatic(options.rendererDir, target.path, res, csp);
  };

  const server = createServer((req, res) => {
    try {
      onRequest(req, res);
    } catch (err) {
      log(`HTTP ${req.method ?? '?'} failed: ${err instanceof Error ? err.message : String(err)}`);
      plain(res, 500, 'Warren could not answer this request.\n');
    }
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_BRIDGE_MESSAGE_BYTES,
    // Checked per frame below, so invalid UTF-8 is answered with BAD_INPUT rather than a dropped link.
    skipUTF8Validation: true,
    // Never echo the key back: the one protocol Warren speaks is selected.
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    const refuse = (status: string, text: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
    };
    try {
      if (!hostAllowed(req.headers.host, port)) return refuse('403 Forbidden', 'Wrong Host\n');
      const target = parseTarget(req.url);
      if (!target || target.rawPath !== '/ws') return refuse('404 Not Found', 'Not found\n');
      if (req.url !== '/ws') return refuse('400 Bad Request', 'The WebSocket address takes no query\n');
      if (!originAllowed(req.headers.origin, port)) return refuse('403 Forbidden', 'Wrong Origin\n');
      const cookie = cookieValue(req.headers.cookie, cookieName());
      const key = offeredKey(req.headers['sec-websocket-protocol'], WS_KEY_PREFIX);
      if (!sessions.verify(cookie, key)) return refuse('401 Unauthorized', 'No session\n');
      wss.handleUpgrade(req, socket, head, (ws) => attachClient(ws, options, log));
    } catch (err) {
      log(`WebSocket upgrade failed: ${err instanceof Error ? err.message : String(err)}`);
      socket.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port ?? 0, host: '127.0.0.1' }, () => resolve());
  });
  server.on('error', (err) => log(`HTTP server error: ${err.message}`));
  port = (server.address() as AddressInfo).port;
  csp = contentSecurityPolicy(allowedHosts(port).map((host) => `ws://${host}`));
  const link = () => `http://127.0.0.1:${port}/?token=${sessions.issue()}`;

  return {
    url: link(),
    port,
    newLink: link,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function attachClient(ws: WebSocket, { dispatch, events, onBehind }: WebHostOptions, log: (line: string) => void): void {
  let inFlight = 0;
  let watch: NodeJS.Timeout | undefined;
  const behind = () => {
    if (watch) return;
    onBehind?.(ws, true);
    watch = setInterval(() => {
      if (ws.bufferedAmount > CAUGHT_UP_BYTES && ws.readyState === ws.OPEN) return;
      clearInterval(watch);
      watch = undefined;
      onBehind?.(ws, false);
    }, 100);
  };
  const send = (message: CallResponse | EventBatch) => {
    if (ws.readyState !== ws.OPEN) return;
    if ('events' in message && ws.bufferedAmount > BEHIND_BYTES) {
      if (ws.bufferedAmount > DROP_BYTES) return;
      message = { events: countsOnly(message.events) };
    }
    let text: string;
    try {
      text = JSON.stringify(message);
    } catch (err) {
      if (!('id' in message)) return;
      text = JSON.stringify({ id: message.id, result: { ok: false, error: warrenError('INTERNAL', `The answer could not be encoded: ${String(err)}`) } });
    }
    ws.send(text);
    if (ws.bufferedAmount > BEHIND_BYTES) behind();
  };
  const refuse = (id: number, error: WarrenError) => send({ id, result: { ok: false, error } });

  // Oversize frames and protocol errors end up here (ws then closes the link with 1009/1002).
  ws.on('error', (err) => log(`WebSocket: ${err.message}`));
  send({ events: events.snapshot() });
  const unsubscribe = events.subscribe((batch) => send({ events: batch }));
  ws.on('close', () => {
    unsubscribe();
    if (watch) clearInterval(watch);
    watch = undefined;
    onBehind?.(ws, false);
  });

  ws.on('message', (data: RawData, isBinary: boolean) => {
    const frame = readFrame(data, isBinary);
    if (!frame.ok) return refuse(frame.id, frame.error);
    if (inFlight >= MAX_CALLS_IN_FLIGHT) {
      return refuse(frame.id, warrenError('BUSY', `Warren is answering ${inFlight} calls from this window already`));
    }
    inFlight++;
    dispatch(frame.op, frame.input)
      .catch((err: unknown) => ({ ok: false as const, error: warrenError('INTERNAL', `The call failed: ${String(err)}`) }))
      .then((result) => send({ id: frame.id, result }))
      .finally(() => inFlight--)
      .catch(() => undefined);
  });
}

type Frame = { ok: true; id: number; op: unknown; input: unknown } | { ok: false; id: number; error: WarrenError };

/** A frame as a call, or the refusal that names what is wrong with it. Never throws. */
export function readFrame(data: RawData, isBinary: boolean): Frame {
  const bad = (message: string, field?: string, id = -1): Frame => ({ ok: false, id, error: warrenError('BAD_INPUT', message, field ? { field } : {}) });
  if (isBinary) return bad('Warren’s bridge takes text frames (JSON), not binary ones');
  const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
  if (!isUtf8(bytes)) return bad('The message was not valid UTF-8');
  let request: unknown;
  try {
    request = JSON.parse(bytes.toString('utf8'));
  } catch {
    return bad('The message was not valid JSON');
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return bad('A call is a JSON object {id, op, input}');
  }
  const { id, op, input } = request as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return bad('A call needs a whole-number id', 'id');
  if (typeof op !== 'string') return bad('A call needs the operation’s name', 'op', id);
  return { ok: true, id, op, input };
}

/** Deliveries as counts: each batch keeps its consumer and counts its previews as skipped, a few bytes instead of the previews. */
export function countsOnly(events: EventBatch['events']): EventBatch['events'] {
  return events.map((e) =>
    e.event === 'consumers.deliveries'
      ? { ...e, payload: (e.payload as DeliveryBatch[]).map((b) => ({ consumerId: b.consumerId, messages: [], skipped: b.skipped + b.messages.length })) }
      : e,
  );
}
