/**
 * Turns anything thrown by amqplib, axios, Node's net/tls or our own code into a WarrenError
 * in the user's terms. Secrets (passwords in URLs) never survive into a message.
 */
import { AMQP_REPLY_CODES, isWarrenError, warrenError, type WarrenError } from '../../shared/errors';

export class WarrenFailure extends Error {
  constructor(readonly error: WarrenError) {
    super(error.message);
  }
}

export function fail(...args: Parameters<typeof warrenError>): never {
  throw new WarrenFailure(warrenError(...args));
}

/** Removes credentials from any URL inside a message. */
export function redact(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)([^\s/@:]*)(:[^\s/@]*)?@/gi, (_m, scheme: string, user: string) =>
    user ? `${scheme}${user}:***@` : `${scheme}`,
  );
}

const NET_CODES: Record<string, WarrenError['code']> = {
  ECONNREFUSED: 'UNREACHABLE',
  EHOSTUNREACH: 'UNREACHABLE',
  ENETUNREACH: 'UNREACHABLE',
  ECONNRESET: 'UNREACHABLE',
  EPIPE: 'UNREACHABLE',
  ENOTFOUND: 'DNS',
  EAI_AGAIN: 'DNS',
  ETIMEDOUT: 'TIMEOUT',
  ECONNABORTED: 'TIMEOUT',
};

export function toWarrenError(err: unknown): WarrenError {
  if (err instanceof WarrenFailure) return err.error;
  if (isWarrenError(err)) return err;
  if (!(err instanceof Error)) return warrenError('INTERNAL', redact(String(err)));
  const e = err as Error & { code?: unknown; response?: { status?: number; data?: unknown }; isAxiosError?: boolean };
  const message = redact(e.message);

  if (e.isAxiosError && e.response?.status) return httpError(e.response.status, e.response.data, message);

  // AMQP reply codes: amqplib puts the numeric code on `code` for channel and connection closes.
  if (typeof e.code === 'number' && AMQP_REPLY_CODES[e.code]) {
    return warrenError(AMQP_REPLY_CODES[e.code]!, amqpMessage(message), { status: e.code });
  }
  if (typeof e.code === 'string') {
    if (NET_CODES[e.code]) return warrenError(NET_CODES[e.code]!, netMessage(e.code, message));
    if (e.code.startsWith('ERR_TLS') || e.code.includes('CERT') || e.code.startsWith('ERR_SSL') || e.code === 'EPROTO') {
      return warrenError('TLS', tlsMessage(e.code, message));
    }
  }
  // amqplib reports a refused login this way (the broker closes the socket during the handshake).
  if (/ACCESS_REFUSED|authentication failure|Handshake terminated by server: 403/i.test(message)) {
    return warrenError('ACCESS_REFUSED', 'The broker refused the username or password', { status: 403 });
  }
  // amqplib loses the close reason when the broker refuses connection.open; for RabbitMQ that
  // is 530 NOT_ALLOWED: the vhost is missing or the user has no access to it.
  if (/Expected ConnectionOpenOk; got <ConnectionClose/.test(message)) {
    return warrenError('NOT_ALLOWED', 'The broker refused access to the virtual host (it does not exist, or the user has no permissions on it)', { status: 530 });
  }
  if (/NOT_ALLOWED|530/.test(message) && /vhost/i.test(message)) {
    return warrenError('NOT_ALLOWED', amqpMessage(message), { status: 530 });
  }
  if (/timed? ?out/i.test(message)) return warrenError('TIMEOUT', message);
  return warrenError('INTERNAL', message);
}

function tlsMessage(code: string, message: string): string {
  if (/WRONG_VERSION_NUMBER|wrong version number/i.test(`${code} ${message}`)) {
    return 'TLS handshake failed: the server did not answer in TLS — is this the plain AMQP port? (TLS is usually on 5671)';
  }
  if (/SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|CERT_UNTRUSTED/i.test(code)) {
    return `TLS handshake failed: the server's certificate is not trusted (${code}); give the CA file, or untick “Verify peer” for a test broker`;
  }
  if (/HOSTNAME|ALTNAME/i.test(`${code} ${message}`)) {
    return `TLS handshake failed: the certificate does not name this host (${message.trim()})`;
  }
  return `TLS handshake failed: ${message.split('\n')[0]!.trim()}`;
}

function amqpMessage(message: string): string {
  // amqplib: 'Channel closed by server: 404 (NOT-FOUND) with message "NOT_FOUND - no queue 'x' in vhost '/'"'
  const quoted = /with message "([^"]*)"/.exec(message);
  return quoted ? quoted[1]!.replace(/^[A-Z_]+ - /, '') : message;
}

function netMessage(code: string, message: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return `Connection refused: nothing is listening there (${message.replace(/^connect /, '')})`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Host name could not be resolved (${message.replace(/^getaddrinfo /, '')})`;
    case 'ETIMEDOUT':
    case 'ECONNABORTED':
      return `Timed out: no answer from the broker (${message})`;
    default:
      return message;
  }
}

function httpError(status: number, data: unknown, fallback: string): WarrenError {
  const reason =
    typeof data === 'object' && data !== null && 'reason' in data ? String((data as { reason: unknown }).reason) : fallback;
  if (status === 401) return warrenError('ACCESS_REFUSED', `The management API refused the login: ${reason}`, { status });
  if (status === 403)
    return warrenError('ACCESS_REFUSED', `Not allowed: ${reason}`, {
      status,
      hint: 'The user needs the management (or administrator) tag and permissions on this virtual host.',
    });
  if (status === 404) return warrenError('NOT_FOUND', `Not found: ${reason}`, { status });
  if (status === 400) return warrenError('BAD_INPUT', `The broker rejected the request: ${reason}`, { status });
  return warrenError('HTTP_ERROR', `Management API answered ${status}: ${reason}`, { status });
}
