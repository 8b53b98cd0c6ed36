/** A vhost's exchanges, queues and bindings in three parallel requests, and the route explainer over it. */
import { explainRoute, type Topology } from '../../../shared/routing';
import { parseTypedArgs, type TypedArg } from '../../../shared/topology-arguments';
import type { ExchangeRow, ExplainResult, QueueRow, TopologySnapshot, BindingRow } from '../../../shared/topology-types';
import { fail } from '../errors';
import type { ManagementClient } from '../management';
import { listTable } from './lists';

export async function loadSnapshot(management: ManagementClient, vhost: string): Promise<TopologySnapshot> {
  const [exchanges, queues, bindings] = await Promise.all([
    listTable(management, 'exchanges', vhost, false),
    listTable(management, 'queues', vhost, false),
    listTable(management, 'bindings', vhost, false),
  ]);
  return {
    vhost,
    exchanges: exchanges.data.rows as ExchangeRow[],
    queues: queues.data.rows as QueueRow[],
    bindings: bindings.data.rows as BindingRow[],
    fetchedAt: Date.now(),
  };
}

/** The routing matcher's view of a snapshot; an alternate exchange comes from the exchange's arguments. */
export function routingTopology(snapshot: TopologySnapshot): Topology {
  return {
    exchanges: snapshot.exchanges.map((x) => {
      const alternate = x.arguments['alternate-exchange'];
      return { name: x.name, type: x.type, internal: x.internal, ...(typeof alternate === 'string' ? { alternateExchange: alternate } : {}) };
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
  if (!parsed.ok) fail('BAD_INPUT', parsed.problem.message, { field: parsed.problem.field, hint: parsed.problem.hint });
  const result = explainRoute(routingTopology(snapshot), exchange, routingKey, parsed.value);
  return { ...result, vhost: snapshot.vhost, exchange, routingKey, headers: parsed.value, snapshotAt: snapshot.fetchedAt };
}
