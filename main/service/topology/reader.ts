/**
 * The service's one reader of a vhost's topology. The Topology page's snapshot and route
 * explainer, the explanation of a returned message and the composer's autocomplete all read
 * through it, so they agree — policy-set alternate exchanges included. Every read is fresh: a
 * return is explained against the topology of that moment (a repeat explains only its first).
 */
import type { FieldEntry, TopologyHints } from '../../../shared/messaging/types';
import { explainRoute } from '../../../shared/topology/routing';
import type { TopologySnapshot } from '../../../shared/topology/types';
import type { BrokerConnection } from '../broker/connection';
import { loadSnapshot, routingTopology } from './snapshot';

export class TopologyReader {
  constructor(private readonly connection: Pick<BrokerConnection, 'state' | 'requireManagement'>) {}

  /** The vhost's exchanges, queues and bindings (the connection's vhost when none is named). */
  snapshot(vhost = this.connection.state.vhost ?? '/'): Promise<TopologySnapshot> {
    return loadSnapshot(this.connection.requireManagement(), vhost);
  }

  /** Why a mandatory message came back, in the route explainer's words; never throws (the return itself is the fact). */
  async explainReturn(exchange: string, routingKey: string, headers: FieldEntry[] | undefined): Promise<string[]> {
    try {
      const result = explainRoute(routingTopology(await this.snapshot()), exchange, routingKey, plainHeaders(headers));
      return result.reasons.length > 0 ? result.reasons : ['the route explainer found no reason (the topology may have changed since)'];
    } catch (err) {
      return [`the route explainer could not read the topology: ${(err as { message?: string }).message ?? String(err)}`];
    }
  }

  /** What the composer suggests: exchanges a client may publish to, queues, and the binding keys in use. */
  async hints(maxMessageBytes: number): Promise<TopologyHints> {
    const snapshot = await this.snapshot();
    const bindingKeys: Record<string, string[]> = {};
    for (const b of snapshot.bindings) {
      const keys = (bindingKeys[b.source] ??= []);
      if (!keys.includes(b.routingKey)) keys.push(b.routingKey);
    }
    return {
      exchanges: snapshot.exchanges.filter((x) => !x.internal).map((x) => ({ name: x.name, type: x.type })),
      queues: snapshot.queues.map((q) => q.name),
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
