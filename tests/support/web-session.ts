/**
 * Opening Warren's browser host as its page does, from a test: spend a one-time link, keep the
 * session cookie and the page key, and open the WebSocket with both (Host and Origin as a page's).
 */
import { connect } from 'node:net';
import WebSocket from 'ws';
import { SESSION_META, WS_KEY_PREFIX, WS_PROTOCOL, sessionCookieName } from '../../shared/host-web/session';

export interface PageSession {
  origin: string;
  port: number;
  cookie: string;
  key: string;
}

export async function openLink(link: string): Promise<PageSession> {
  const url = new URL(link);
  const res = await fetch(link);
  if (res.status !== 200) throw new Error(`the link answered ${res.status}: ${await res.text()}`);
  const port = Number(url.port);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = new RegExp(`${sessionCookieName(port)}=([0-9a-f]+)`).exec(setCookie)?.[1];
  const key = new RegExp(`<meta name="${SESSION_META}" content="([0-9a-f]+)">`).exec(await res.text())?.[1];
  if (!cookie || !key) throw new Error('the page of the link carried no session');
  return { origin: url.origin, port, cookie, key };
}

/** Headers and subprotocols of the page's WebSocket; `override` changes any of them for attacks. */
export function pageSocket(session: PageSession, override: { headers?: Record<string, string>; protocols?: string[]; path?: string } = {}): WebSocket {
  return new WebSocket(`ws://127.0.0.1:${session.port}${override.path ?? '/ws'}`, override.protocols ?? [WS_PROTOCOL, `${WS_KEY_PREFIX}${session.key}`], {
    headers: { cookie: `${sessionCookieName(session.port)}=${session.cookie}`, origin: session.origin, ...override.headers },
    maxPayload: 64 * 1024 * 1024,
  });
}

/** How an upgrade attempt ended: 'open', the HTTP status of a refusal, or 'error'. */
export function upgradeOutcome(ws: WebSocket): Promise<string> {
  return new Promise((resolve) => {
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(String(res.statusCode));
      res.resume();
    });
    ws.on('error', () => resolve('error'));
  });
}

/** A small client over one socket: calls by id, answers collected. */
export function callsOver(ws: WebSocket) {
  const answers = new Map<number, { ok: boolean; value?: unknown; error?: { code: string; message: string; hint: string; field?: string } }>();
  const waiters = new Map<number, () => void>();
  const unnumbered: unknown[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: never; events?: unknown };
    if (message.id === undefined) return;
    if (message.id === -1) unnumbered.push(message.result);
    answers.set(message.id, message.result!);
    waiters.get(message.id)?.();
  });
  let next = 1;
  return {
    answers,
    unnumbered,
    async call(op: string, input: unknown, timeoutMs = 30_000) {
      const id = 1_000_000 + next++;
      const answered = new Promise<void>((resolve, reject) => {
        waiters.set(id, resolve);
        setTimeout(() => reject(new Error(`${op} did not answer in ${timeoutMs} ms`)), timeoutMs).unref();
      });
      ws.send(JSON.stringify({ id, op, input }));
      await answered;
      waiters.delete(id);
      return answers.get(id)!;
    },
  };
}

export function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
}

/**
 * Sends `request` as raw bytes (no client library normalising the path or the Host) and reads
 * the answer until the server closes or `timeoutMs`; the status is undefined when none came.
 */
export function rawHttp(port: number, request: string | Buffer, timeoutMs = 5000): Promise<{ status: number | undefined; text: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      resolve({ status: status ? Number(status) : undefined, text });
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('data', (d) => {
      text += d.toString('latin1');
      // One answer is enough: stop at the end of a Content-Length body, or of the headers of a 101.
      const head = text.indexOf('\r\n\r\n');
      if (head < 0) return;
      const length = /content-length:\s*(\d+)/i.exec(text.slice(0, head))?.[1];
      if (length !== undefined && text.length - head - 4 >= Number(length)) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(request);
  });
}

/** A GET as raw bytes with Warren's own Host unless told otherwise. */
export function rawGet(port: number, target: string, headers: Record<string, string> = {}) {
  const all = { host: `127.0.0.1:${port}`, connection: 'close', ...headers };
  return rawHttp(port, `GET ${target} HTTP/1.1\r\n${Object.entries(all).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`);
}
