/**
 * Warren's Content-Security-Policy, for both hosts: scripts, styles and fonts from the app only,
 * no inline code, no frames, no forms. Only where the page may connect differs (the browser
 * host's WebSocket; nothing in Electron, which uses IPC).
 */
export function contentSecurityPolicy(connectSrc: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connectSrc.length > 0 ? connectSrc.join(' ') : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
