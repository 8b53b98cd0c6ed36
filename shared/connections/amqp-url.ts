/** Pure parsing of amqp:// and amqps:// URLs (RabbitMQ URI spec) into profile drafts. */
import { warrenError, type Result } from '../errors';
import type { ParsedProfileDraft } from '../schemas';

const DEFAULT_PORTS = { amqp: 5672, amqps: 5671 } as const;

export function parseAmqpUrl(url: string, name?: string): Result<ParsedProfileDraft> {
  const bad = (message: string) =>
    ({
      ok: false,
      error: warrenError('BAD_INPUT', message, {
        field: 'url',
        hint: 'Use the form amqp://user:password@host:5672/vhost (amqps:// for TLS).',
      }),
    }) as const;
  const match = /^(amqps?):\/\/(.*)$/i.exec(url.trim());
  if (!match) return bad('The URL must start with amqp:// or amqps://');
  const scheme = match[1]!.toLowerCase() as 'amqp' | 'amqps';
  let parsed: URL;
  try {
    // URL only parses the authority of "special" schemes; borrow http's parser for the rest.
    parsed = new URL(`http://${match[2]}`);
  } catch {
    return bad('The URL could not be read');
  }
  if (!parsed.hostname) return bad('The URL has no host');
  const port = parsed.port ? Number(parsed.port) : DEFAULT_PORTS[scheme];
  // Per the RabbitMQ URI spec: no path means vhost "/", "/" means the empty vhost name is not
  // allowed by RabbitMQ, so we read it as "/" too; otherwise the path (minus its slash) is decoded.
  const rawPath = parsed.pathname;
  const vhost = rawPath === '' || rawPath === '/' ? '/' : decodeURIComponent(rawPath.slice(1));
  const heartbeatParam = parsed.searchParams.get('heartbeat');
  const heartbeat = heartbeatParam !== null && /^\d+$/.test(heartbeatParam) ? Number(heartbeatParam) : 60;
  const hostname = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    ok: true,
    value: {
      name: name?.trim() || `${hostname}:${port}${vhost === '/' ? '' : ` ${vhost}`}`,
      host: hostname,
      port,
      vhost,
      username: parsed.username ? decodeURIComponent(parsed.username) : 'guest',
      password: parsed.password ? decodeURIComponent(parsed.password) : parsed.username ? '' : 'guest',
      tls: { enabled: scheme === 'amqps', verifyPeer: true },
      managementUrl: '',
      heartbeat,
    },
  };
}

/** The management API's URL when the profile does not set one. */
export function deriveManagementUrl(host: string, tls: boolean): string {
  const h = host.includes(':') ? `[${host}]` : host;
  return tls ? `https://${h}:15671` : `http://${h}:15672`;
}
