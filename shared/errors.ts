/**
 * Errors cross the bridge as values, never as thrown exceptions: `{ code, message, hint }`.
 * Codes are AMQP reply codes by name, HTTP statuses from the management API, or local codes.
 */
export const ERROR_CODES = [
  // local
  'BAD_INPUT',
  'UNKNOWN_OPERATION',
  'UNREACHABLE',
  'DNS',
  'TIMEOUT',
  'TLS',
  'NOT_CONNECTED',
  'MANAGEMENT_UNAVAILABLE',
  'SANDBOX_UNAVAILABLE',
  'BUSY',
  'SESSION',
  'INTERNAL',
  // AMQP reply codes (0-9-1), by name
  'CONTENT_TOO_LARGE', // 311
  'NO_ROUTE', // 312
  'NO_CONSUMERS', // 313
  'CONNECTION_FORCED', // 320
  'INVALID_PATH', // 402
  'ACCESS_REFUSED', // 403
  'NOT_FOUND', // 404
  'RESOURCE_LOCKED', // 405
  'PRECONDITION_FAILED', // 406
  'FRAME_ERROR', // 501
  'SYNTAX_ERROR', // 502
  'COMMAND_INVALID', // 503
  'CHANNEL_ERROR', // 504
  'UNEXPECTED_FRAME', // 505
  'RESOURCE_ERROR', // 506
  'NOT_ALLOWED', // 530
  'NOT_IMPLEMENTED', // 540
  'INTERNAL_ERROR', // 541
  // management HTTP API
  'HTTP_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface WarrenError {
  code: ErrorCode;
  message: string;
  /** What the user can do about it, in their terms. */
  hint: string;
  /** The AMQP reply code or HTTP status behind the error, when there is one. */
  status?: number;
  /** The field of the input that was wrong, for BAD_INPUT. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: WarrenError };

/**
 * A failure found before anything is sent — the one shape for every local check, on either
 * side: the same BAD_INPUT WarrenError the dispatcher answers with, naming its field when
 * there is one, so a form shows both the same way.
 */
export type Invalid = WarrenError & { code: 'BAD_INPUT' };

/** What a local check gives back: the value, or why not (a Result, so it crosses the bridge as is). */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: Invalid };

export function invalid(message: string, where: { field?: string; hint?: string } = {}): Invalid {
  return { code: 'BAD_INPUT', message, hint: where.hint ?? DEFAULT_HINTS.BAD_INPUT, ...(where.field !== undefined ? { field: where.field } : {}) };
}

export const AMQP_REPLY_CODES: Readonly<Record<number, ErrorCode>> = {
  311: 'CONTENT_TOO_LARGE',
  312: 'NO_ROUTE',
  313: 'NO_CONSUMERS',
  320: 'CONNECTION_FORCED',
  402: 'INVALID_PATH',
  403: 'ACCESS_REFUSED',
  404: 'NOT_FOUND',
  405: 'RESOURCE_LOCKED',
  406: 'PRECONDITION_FAILED',
  501: 'FRAME_ERROR',
  502: 'SYNTAX_ERROR',
  503: 'COMMAND_INVALID',
  504: 'CHANNEL_ERROR',
  505: 'UNEXPECTED_FRAME',
  506: 'RESOURCE_ERROR',
  530: 'NOT_ALLOWED',
  540: 'NOT_IMPLEMENTED',
  541: 'INTERNAL_ERROR',
};

/** Default hints per code; a producer of an error may give a more precise one. */
export const DEFAULT_HINTS: Readonly<Record<ErrorCode, string>> = {
  BAD_INPUT: 'Correct the highlighted field and try again.',
  UNKNOWN_OPERATION: 'This build of Warren does not know that operation; reload the window.',
  UNREACHABLE: 'Check that the broker is running and that host and port are right.',
  DNS: 'Check the host name; it could not be resolved.',
  TIMEOUT: 'The broker did not answer in time. Check the host, port and any firewall between.',
  TLS: 'Check the TLS settings: CA file, client certificate, and whether the port expects TLS.',
  NOT_CONNECTED: 'Connect to a broker first (choose a profile in Connections).',
  MANAGEMENT_UNAVAILABLE:
    'Enable the management plugin (rabbitmq-plugins enable rabbitmq_management) or set the management URL in the profile.',
  SANDBOX_UNAVAILABLE: 'Install rabbitmq-server (apt-get install rabbitmq-server) or connect to your own broker with a profile.',
  BUSY: 'Warren is still answering many calls from this window; wait a moment and try again.',
  SESSION: 'Open the link Warren printed in its terminal (each link works once; press Enter there for a new one).',
  INTERNAL: 'This is a bug in Warren; the log has details.',
  CONTENT_TOO_LARGE: 'Send a smaller message.',
  NO_ROUTE: 'No queue is bound for this routing key; use the route explainer to see why.',
  NO_CONSUMERS: 'No consumer is ready on that queue.',
  CONNECTION_FORCED: 'The broker closed the connection (restart or admin action); Warren will reconnect.',
  INVALID_PATH: 'Check the virtual host name.',
  ACCESS_REFUSED: 'Check the username and password, and the user\u2019s permissions on this virtual host.',
  NOT_FOUND: 'The exchange or queue does not exist in this virtual host; declare it first or check its name.',
  RESOURCE_LOCKED: 'The queue is exclusive to another connection; use another queue or close that connection.',
  PRECONDITION_FAILED:
    'It already exists with different settings: use the same settings, or delete it and declare it again.',
  FRAME_ERROR: 'The broker rejected a malformed frame; this is a bug, please report it.',
  SYNTAX_ERROR: 'The broker rejected the command as malformed; check the values you entered.',
  COMMAND_INVALID: 'The broker refused the command in this state.',
  CHANNEL_ERROR: 'The channel was in a bad state; Warren opened a new one, try again.',
  UNEXPECTED_FRAME: 'The broker received an unexpected frame; try again.',
  RESOURCE_ERROR: 'The broker is short of a resource (memory, disk, channels); check its alarms.',
  NOT_ALLOWED: 'The user may not access this virtual host; check that it exists and that the user has permissions on it.',
  NOT_IMPLEMENTED: 'The broker does not implement this feature.',
  INTERNAL_ERROR: 'The broker reported an internal error; check its log.',
  HTTP_ERROR: 'The management API refused the request; check the management URL and the user\u2019s tags.',
};

export function warrenError(
  code: ErrorCode,
  message: string,
  extra: Partial<Omit<WarrenError, 'code' | 'message'>> = {},
): WarrenError {
  return { code, message, hint: extra.hint ?? DEFAULT_HINTS[code], ...omitUndefined(extra) };
}

function omitUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function isWarrenError(value: unknown): value is WarrenError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(v.code) &&
    typeof v.message === 'string' &&
    typeof v.hint === 'string'
  );
}
