/**
 * A snapshot of the vhost's topology from the management API, for the route explainer (why a
 * mandatory message came back) and the composer's autocomplete. Cached briefly: a burst of
 * returns asks once.
 */
import { explainRoute, type Topology } from '../../../shared/topology/routing';
import type { FieldEntry, TopologyHints } from '../../../shared/messaging/types';
import type { ServiceContext } from '../context';
import { vhostPath } from '../broker/management';

interface ExchangeRow {
  name: string;
  type: string;
  internal?: boolean;
  arguments?: Record<string, unknown>;
}
interface BindingRow {
  source: string;
  destination: string;
  destination_type: 'queue' | 'exchange';
  routing_key: string;
  arguments?: Record<string, unknown>;
}

const CACHE_MS = 2000;

export class TopologySnapshots {
  private cached?: { vhost: string; at: number; topology: Topology };

  constructor(private readonly ctx: ServiceContext) {}

  async get(fresh = false): Promise<Topology> {
    const vhost = this.ctx.connection.state.vhost ?? '/';
    if (!fresh && this.cached && this.cached.vhost === vhost && Date.now() - this.cached.at < CACHE_MS) return this.cached.topology;
    const api = this.ctx.connection.requireManagement();
    const v = vhostPath(vhost);
    const [exchanges, bindings, queues] = await Promise.all([
      api.list<ExchangeRow>(`/exchanges/${v}`, ['name', 'type', 'internal', 'arguments']),
      api.list<BindingRow>(`/bindings/${v}`, ['source', 'destination', 'destination_type', 'routing_key', 'arguments']),
      api.list<{ name: string }>(`/queues/${v}`, ['name']),
    ]);
    const topology: Topology = {
      exchanges: exchanges.map((x) => {
        const ae = x.arguments?.['alternate-exchange'];
        return { name: x.name, type: x.type, internal: x.internal === true, ...(typeof ae === 'string' ? { alternateExchange: ae } : {}) };
      }),
      queues: queues.map((q) => ({ name: q.name })),
      bindings: bindings.map((b) => ({
        source: b.source,
        destination: b.destination,
        destinationType: b.destination_type,
        routingKey: b.routing_key,
        arguments: b.arguments ?? {},
      })),
    };
    this.cached = { vhost, at: Date.now(), topology };
    return topology;
  }

  /** The explainer's reasons for a returned message; never throws (the return itself is the fact). */
  async explain(exchange: string, routingKey: string, headers: FieldEntry[] | undefined): Promise<string[]> {
    try {
      const result = explainRoute(await this.get(true), exchange, routingKey, plainHeaders(headers));
      return result.reasons.length > 0 ? result.reasons : ['the route explainer found no reason (the topology may have changed since)'];
    } catch (err) {
      return [`the route explainer could not read the topology: ${(err as { message?: string }).message ?? String(err)}`];
    }
  }

  async hints(maxMessageBytes: number): Promise<TopologyHints> {
    const t = await this.get(true);
    const bindingKeys: Record<string, string[]> = {};
    for (const b of t.bindings) {
      const keys = (bindingKeys[b.source] ??= []);
      if (!keys.includes(b.routingKey)) keys.push(b.routingKey);
    }
    return {
      exchanges: t.exchanges.filter((x) => !x.internal).map((x) => ({ name: x.name, type: x.type })),
      queues: t.queues.map((q) => q.name),
      bindingKeys,
      maxMessageBytes,
    };
  }
}

/** The explainer compares header values as plain JS values (as the broker compares them). */
function plainHeaders(entries: FieldEntry[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of entries ?? []) out[e.key] = 'v' in e.value ? e.value.v : null;
  return out;
}
