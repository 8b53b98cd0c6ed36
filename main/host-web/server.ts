/**
 * The browser host: the same dispatcher behind HTTP + WebSocket on 127.0.0.1 only, guarded by
 * a per-launch token. The page is opened with ?token=…; the server answers with an HttpOnly,
 * SameSite=Strict cookie so assets and the WebSocket carry it without putting it in every URL.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_BRIDGE_MESSAGE_BYTES, type CallRequest, type CallResponse, type EventBatch } from '../../shared/contract';
import { warrenError } from '../../shared/errors';
import type { Dispatch } from '../bridge/dispatcher';
import type { EventHub } from '../bridge/events';
import { SECURITY_HEADERS, contentSecurityPolicy, serveStatic } from './static';

export interface WebHostOptions {
  dispatch: Dispatch;
  events: EventHub;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Told when a client falls behind (stops reading) and when it has caught up or left. */
  onBehind?: (client: object, behind: boolean) => void;
}

/**
 * A client with more than BEHIND_BYTES queued is behind: consumers pause (see DeliveryFlow) and
 * deliveries are not queued for it (the consumer's kept list has them); over DROP_BYTES no
 * event is queued for it at all. It has caught up below CAUGHT_UP_BYTES. Call answers always go.
 */
const BEHIND_BYTES = 4 * 1024 * 1024;
const CAUGHT_UP_BYTES = 512 * 1024;
const DROP_BYTES = 32 * 1024 * 1024;

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const COOKIE = 'warren_token';

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  let origin = '';
  let csp = '';

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    const fromQuery = url.searchParams.get('token');
    if (!hasToken(req, token, fromQuery)) {
      res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      res.end('Warren: this address needs the token printed when Warren started (…/?token=…).\n');
      return;
    }
    if (fromQuery !== null) {
      res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    serveStatic(options.rendererDir, url.pathname, res, csp);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BRIDGE_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    // Same-origin only (a page elsewhere cannot drive Warren even if it guessed the port).
    const sameOrigin = req.headers.origin === undefined || req.headers.origin === origin;
    if (url.pathname !== '/ws' || !sameOrigin || !hasToken(req, token, url.searchParams.get('token'))) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attachClient(ws, options));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port ?? 0, host: '127.0.0.1' }, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  csp = contentSecurityPolicy(`ws://127.0.0.1:${port}`);

  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function attachClient(ws: WebSocket, { dispatch, events, onBehind }: WebHostOptions): void {
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
      message = { events: message.events.filter((e) => e.event !== 'consumers.deliveries') };
    }
    ws.send(JSON.stringify(message));
    if (ws.bufferedAmount > BEHIND_BYTES) behind();
  };
  send({ events: events.snapshot() });
  const unsubscribe = events.subscribe((batch) => send({ events: batch }));
  ws.on('close', () => {
    unsubscribe();
    if (watch) clearInterval(watch);
    watch = undefined;
    onBehind?.(ws, false);
  });
  ws.on('message', async (data) => {
    let request: Partial<CallRequest>;
    try {
      request = JSON.parse(data.toString()) as Partial<CallRequest>;
    } catch {
      send({ id: -1, result: { ok: false, error: warrenError('BAD_INPUT', 'The message was not valid JSON') } });
      return;
    }
    const id = typeof request.id === 'number' ? request.id : -1;
    send({ id, result: await dispatch(request.op, request.input) });
  });
}

function hasToken(req: IncomingMessage, token: string, fromQuery: string | null): boolean {
  if (fromQuery !== null) return safeEqual(fromQuery, token);
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === COOKIE);
  return cookie?.[1] !== undefined && safeEqual(cookie[1], token);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
