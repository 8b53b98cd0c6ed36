/**
 * Where a password goes: the AMQP host and port, TLS or not, and the management URL it will be
 * sent to (as Basic auth). A stored password belongs to the endpoint it was saved for and is
 * never sent anywhere else: change any of these and Warren asks for the password again.
 */
import { deriveManagementUrl } from '../../../../shared/connections/amqp-url';

export interface EndpointFields {
  host: string;
  port: number;
  tls: { enabled: boolean };
  managementUrl: string;
}

/** A stable key for comparing endpoints (host names are case-insensitive, a URL's trailing slash is not meaningful). */
export function passwordEndpoint(p: EndpointFields): string {
  const host = p.host.trim().toLowerCase();
  const management = (p.managementUrl.trim() || deriveManagementUrl(host, p.tls.enabled)).replace(/\/+$/, '').toLowerCase();
  return `${p.tls.enabled ? 'amqps' : 'amqp'}://${host}:${p.port} ${management}`;
}

/** The user's words for an endpoint. */
export function describeEndpoint(p: EndpointFields): string {
  return `${p.host}:${p.port}${p.managementUrl ? ` (management ${p.managementUrl})` : ''}`;
}
