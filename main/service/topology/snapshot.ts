/** A vhost's exchanges, queues and bindings in three parallel requests, and the route explainer over it. */
import { explainRoute, type Topology } from '../../../shared/topology/routing';
import { parseTypedArgs, type TypedArg } from '../../../shared/topology/arguments';
import type { ExchangeRow, ExplainResult, QueueRow, TopologySnapshot, BindingRow } from '../../../shared/topology/types';
import { WarrenFailure } from '../errors';
import { vhostPath, type ManagementClient } from '../broker/management';
import { listTable } from './lists';

export async function loadSnapshot(management: ManagementClient, vhost: string): Promise<TopologySnapshot> {
  const [exchanges, queues, bindings, policies] = await Promise.all([
    listTable(management, 'exchanges', vhost, { firstPage: false }),
    listTable(management, 'queues', vhost, { firstPage: false }),
    listTable(management, 'bindings', vhost, { firstPage: false }),
    // Only for policy-set alternate exchanges; a user who may not read policies still gets the rest.
    management.list<{ name?: string; definition?: Record<string, unknown> }>(`/policies/${vhostPath(vhost)}`, ['name', 'definition']).catch(() => []),
  ]);
  return {
    vhost,
    exchanges: withAlternates(exchanges.data.rows as ExchangeRow[], policies),
    queues: queues.data.rows as QueueRow[],
    bindings: bindings.data.rows as BindingRow[],
    fetchedAt: Date.now(),
  };
}

/**
 * The alternate exchange in effect on each exchange: its `alternate-exchange` argument, else the
 * one of the policy in effect (the broker gives the argument precedence over the policy).
 */
export function withAlternates(exchanges: ExchangeRow[], policies: readonly { name?: string; definition?: Record<string, unknown> }[]): ExchangeRow[] {
  const fromPolicy = new Map<string, string>();
  for (const p of policies) {
    const alternate = p.definition?.['alternate-exchange'];
    if (typeof p.name === 'string' && typeof alternate === 'string') fromPolicy.set(p.name, alternate);
  }
  return exchanges.map((x) => {
    const argument = x.arguments['alternate-exchange'];
    if (typeof argument === 'string') return { ...x, alternateExchange: argument, alternateFrom: 'argument' };
    const policy = x.policy ? fromPolicy.get(x.policy) : undefined;
    return policy === undefined ? x : { ...x, alternateExchange: policy, alternateFrom: 'policy' };
  });
}

/** The routing matcher's view of a snapshot, with the alternate exchange in effect (argument or policy). */
export function routingTopology(snapshot: TopologySnapshot): Topology {
  return {
    exchanges: snapshot.exchanges.map((x) => {
      const argument = x.arguments['alternate-exchange'];
      const alternate = x.alternateExchange ?? (typeof argument === 'string' ? argument : undefined);
      return { name: x.name, type: x.type, internal: x.internal, ...(alternate !== undefined ? { alternateExchange: alternate } : {}) };
    }),
    queues: snapshot.queues.map((q) => ({ name: q.name })),
    bindings: snapshot.bindings.map((b) => ({
      source: b.source,
      destination: b.destination,
      destinationType: b.destinationType,
      routingKey: b.routingKey,
      arguments: b.arguments,
    })),
  };
}

export function explain(snapshot: TopologySnapshot, exchange: string, routingKey: string, headerArgs: TypedArg[]): ExplainResult {
  const parsed = parseTypedArgs(headerArgs, 'headers');
  if (!parsed.ok) throw new WarrenFailure(parsed.error);
  const result = explainRoute(routingTopology(snapshot), exchange, routingKey, parsed.value);
  return { ...result, vhost: snapshot.vhost, exchange, routingKey, headers: parsed.value, snapshotAt: snapshot.fetchedAt };
}
