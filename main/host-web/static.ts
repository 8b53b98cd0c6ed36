/** Serves the built renderer (dist/renderer) with a strict Content-Security-Policy. */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { SESSION_META } from '../../shared/host-web/session';
export { contentSecurityPolicy } from '../bridge/csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS, ...headers });
  res.end(text);
}

/**
 * Serves `decodedPath` from `root`. `sessionKey`, when given, is written into index.html as a
 * meta tag: only the page of a one-time link gets it (see shared/host-web/session.ts).
 */
export function serveStatic(root: string, decodedPath: string, res: ServerResponse, csp: string, sessionKey?: string): void {
  const relative = decodedPath === '/' ? 'index.html' : decodedPath.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  // Never leave the renderer folder (NUL bytes and the like make existsSync false).
  if (relative.includes('\0') || !file.startsWith(path.resolve(root) + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
    plain(res, 404, 'Not found');
    return;
  }
  const headers = {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': csp,
    ...SECURITY_HEADERS,
  };
  if (sessionKey !== undefined && path.basename(file) === 'index.html') {
    const html = readFileSync(file, 'utf8').replace('</head>', `<meta name="${SESSION_META}" content="${sessionKey}"></head>`);
    res.writeHead(200, headers).end(html);
    return;
  }
  res.writeHead(200, headers);
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
