/**
 * A profile may name several hosts of one cluster: "rabbit1,rabbit2:5673,[::1]:5674". Warren
 * connects to the first that answers and, when that node dies, to the next. A host without a
 * port uses the profile's port; the management URL may be one for all or a list in host order,
 * and is derived from each host when empty.
 */
import type { Result } from '../errors';
import { deriveManagementUrl } from './amqp-url';

export interface HostEndpoint {
  host: string;
  port: number;
  managementUrl: string;
}

const ENTRY = /^(?:\[([0-9a-fA-F:.]+)\]|([^\s:,[\]]+))(?::(\d{1,5}))?$/;

/** Whether the host field names more than one host. */
export function isHostList(host: string): boolean {
  return host.includes(',');
}

export function parseHostList(host: string, port: number, managementUrl: string, tls: boolean): Result<HostEndpoint[]> {
  // A bare IPv6 address (several colons, no brackets, no comma) is one host, not host:port.
  const entries = !isHostList(host) && (host.match(/:/g)?.length ?? 0) > 1 && !host.startsWith('[') ? [`[${host}]`] : host.split(',').map((e) => e.trim());
  const urls = managementUrl
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
  if (urls.length > 1 && urls.length !== entries.length) {
    return bad('managementUrl', `${urls.length} management URLs for ${entries.length} hosts`, 'Give one management URL per host, in the same order, or one for all (or none: derived from each host).');
  }
  const hosts: HostEndpoint[] = [];
  for (const [i, entry] of entries.entries()) {
    const m = ENTRY.exec(entry);
    if (!m) return bad('host', `“${entry}” is not a host or host:port`, 'Separate hosts with commas, e.g. rabbit1,rabbit2:5673.');
    const name = m[1] ?? m[2]!;
    const entryPort = m[3] === undefined ? port : Number(m[3]);
    if (entryPort < 1 || entryPort > 65535) return bad('host', `port ${entryPort} of “${entry}” is not between 1 and 65535`, 'Use a port between 1 and 65535.');
    hosts.push({ host: name, port: entryPort, managementUrl: urls[urls.length > 1 ? i : 0] ?? deriveManagementUrl(name, tls) });
  }
  return { ok: true, value: hosts };
}

/** "host:port", with brackets for an IPv6 address. */
export function hostLabel(h: Pick<HostEndpoint, 'host' | 'port'>): string {
  return `${h.host.includes(':') ? `[${h.host}]` : h.host}:${h.port}`;
}

function bad(field: string, message: string, hint: string): Result<HostEndpoint[]> {
  return { ok: false, error: { code: 'BAD_INPUT', message, hint, field } };
}
