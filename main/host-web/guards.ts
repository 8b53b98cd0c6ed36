/**
 * What every request to the browser host must satisfy before anything else runs. Pure
 * functions over header values, so each rule is unit-tested on its own.
 */

/** The request target (`/path?query`), parsed without ever throwing. */
export interface RequestTarget {
  /** Decoded path; undefined when its percent-encoding is broken. */
  path: string | undefined;
  rawPath: string;
  query: URLSearchParams;
}

/** Splits `req.url`; refuses anything but origin-form (`/…`), e.g. `http://x/` or `*`. */
export function parseTarget(raw: string | undefined): RequestTarget | undefined {
  if (raw === undefined || !raw.startsWith('/')) return undefined;
  const hash = raw.indexOf('#');
  const clean = hash >= 0 ? raw.slice(0, hash) : raw;
  const mark = clean.indexOf('?');
  const rawPath = mark >= 0 ? clean.slice(0, mark) : clean;
  const query = new URLSearchParams(mark >= 0 ? clean.slice(mark + 1) : '');
  let path: string | undefined;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    path = undefined;
  }
  return { path, rawPath, query };
}

/** The names Warren answers to: a DNS name pointing elsewhere (rebinding) is refused. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Host must be exactly 127.0.0.1:PORT or localhost:PORT (case-insensitive name). */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/** The WebSocket's Origin must be Warren's own page; a missing Origin (a non-browser client) is refused. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin !== undefined && allowedHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}

/** One cookie's value from a Cookie header (the first of that name), without throwing. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The key a page offers in Sec-WebSocket-Protocol (`warren.key.<hex>`), if any. */
export function offeredKey(protocols: string | undefined, prefix: string): string | undefined {
  for (const protocol of (protocols ?? '').split(',')) {
    const p = protocol.trim();
    if (p.startsWith(prefix)) return p.slice(prefix.length);
  }
  return undefined;
}
