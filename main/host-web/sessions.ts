/**
 * One-time links and the sessions they open. A link's token is exchanged once for a session
 * (cookie + key, see shared/host-web/session.ts); a second use is refused. Warren prints a new
 * link when asked (Enter in its terminal). Sessions live as long as this launch.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export interface WebSession {
  cookie: string;
  key: string;
}

export type Exchange = { ok: true; session: WebSession } | { ok: false; reason: 'unknown' | 'used' };

/** Most links kept unused at once (older ones expire first). */
const MAX_OPEN_TOKENS = 64;

export class WebSessions {
  private readonly open: string[] = [];
  private readonly used = new Set<string>();
  private readonly sessions: WebSession[] = [];

  /** A new one-time token. */
  issue(token = secret()): string {
    this.open.push(token);
    if (this.open.length > MAX_OPEN_TOKENS) this.open.shift();
    return token;
  }

  /** Spends `token` for a new session; a token is good for one session only. */
  exchange(token: string): Exchange {
    const index = this.open.findIndex((t) => safeEqual(t, token));
    if (index < 0) return { ok: false, reason: [...this.used].some((t) => safeEqual(t, token)) ? 'used' : 'unknown' };
    this.open.splice(index, 1);
    this.used.add(token);
    const session = { cookie: secret(), key: secret() };
    this.sessions.push(session);
    return { ok: true, session };
  }

  /** Whether `token` is a link not yet used (checked without spending it). */
  isOpen(token: string): boolean {
    return this.open.some((t) => safeEqual(t, token));
  }

  byCookie(cookie: string | undefined): WebSession | undefined {
    if (!cookie) return undefined;
    return this.sessions.find((s) => safeEqual(s.cookie, cookie));
  }

  /** Both halves, from the same session. */
  verify(cookie: string | undefined, key: string | undefined): boolean {
    const session = this.byCookie(cookie);
    return session !== undefined && key !== undefined && safeEqual(session.key, key);
  }
}

function secret(): string {
  return randomBytes(24).toString('hex');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
