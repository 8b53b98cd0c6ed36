/**
 * How the page of the browser host proves its session, shared by the server and the renderer.
 *
 * A cookie alone cannot be the session: browsers send cookies for 127.0.0.1 to every port, so
 * any local server the user's browser visits receives it. The session is therefore two halves:
 *  - an HttpOnly cookie (its name carries Warren's port) that gates the page's files, and
 *  - a key that only Warren's own page holds: the server writes it once into the page it serves
 *    for the one-time link, the page keeps it in its origin's storage (scoped to the port), and
 *    the WebSocket offers it as a subprotocol. Cookie and key must belong to the same session.
 */

/** The subprotocol Warren's WebSocket speaks. */
export const WS_PROTOCOL = 'warren.v1';
/** The subprotocol that carries the page's key: `warren.key.<hex>`. */
export const WS_KEY_PREFIX = 'warren.key.';
/** The meta tag the server puts the key in, on the page of a one-time link only. */
export const SESSION_META = 'warren-session';
/** Where the page keeps its key (localStorage of its own origin: scheme, host and port). */
export const SESSION_STORAGE_KEY = 'warren.session';

export function sessionCookieName(port: number): string {
  return `warren_session_${port}`;
}
