/** The broker of a command, given as the demo CLI takes it: --url amqp://user:pass@host:port/vhost [--management-url http://host:port]. */
import { deriveManagementUrl, parseAmqpUrl } from '../../../shared/connections/amqp-url';
import type { ConnectTarget } from '../broker/target';
import { UsageError } from './args';

export function cliTarget(url: string, managementUrl: string | undefined): ConnectTarget {
  const parsed = parseAmqpUrl(url, '--url');
  if (!parsed.ok) throw new UsageError(`${parsed.error.message}. ${parsed.error.hint}`);
  const p = parsed.value;
  if (managementUrl !== undefined && !/^https?:\/\/\S+$/.test(managementUrl)) throw new UsageError('--management-url must start with http:// or https://');
  return {
    profileId: 'cli',
    profileName: 'cli --url',
    host: p.host,
    port: p.port,
    vhost: p.vhost,
    username: p.username,
    password: p.password ?? '',
    tls: p.tls,
    heartbeat: p.heartbeat,
    managementUrl: managementUrl ?? deriveManagementUrl(p.host, p.tls.enabled),
  };
}
