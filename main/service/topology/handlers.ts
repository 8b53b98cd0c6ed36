/** The topology operations of the service: tables, declare/bind/delete/purge, the snapshot and the route explainer. */
import type { HandlersFor } from '../../../shared/contract';
import type { topologyOperations } from '../../../shared/topology/contract';
import type { FeatureContext } from '../engines';
import { fail } from '../errors';
import type { ManagementClient } from '../broker/management';
import { bind, unbind } from './bindings';
import { declareExchange, declareQueue } from './declare';
import { listTable } from './lists';
import { TableMemory } from './table-memory';
import { closeConnection } from './close-connection';
import { deleteExchange, deleteQueue, purgeQueue } from './remove';
import { explain } from './snapshot';

async function exchangeTypes(management: ManagementClient): Promise<string[]> {
  const overview = await management.get<{ exchange_types?: { name: string; enabled?: boolean }[] }>('/overview', { columns: 'exchange_types' });
  return (overview.exchange_types ?? []).filter((t) => t.enabled !== false).map((t) => t.name).sort();
}

export function topologyHandlers(ctx: FeatureContext): HandlersFor<typeof topologyOperations> {
  const { connection } = ctx;
  /** Commands go over the AMQP session, which is bound to the connection's vhost. */
  const currentVhost = (): string => {
    const vhost = connection.state.vhost;
    if (connection.state.status !== 'connected' || vhost === undefined) fail('NOT_CONNECTED', 'Not connected to a broker');
    return vhost;
  };
  const memory = new TableMemory();
  const changed = <T>(vhost: string, what: string, value: T): T => {
    if (connection.management) memory.forget(connection.management, vhost);
    ctx.emit('topology.changed', { vhost, what, at: Date.now() });
    return value;
  };

  return {
    'queues.check': async ({ queue }) => {
      const reply = await connection.requireSession().withChannel((channel) => channel.checkQueue(queue));
      return { queue: reply.queue, messageCount: reply.messageCount, consumerCount: reply.consumerCount };
    },
    'topology.list': async ({ kind, vhost, all, firstPage, fresh, filter, slice }) =>
      listTable(connection.requireManagement(), kind, all ? undefined : (vhost ?? currentVhost()), { firstPage: firstPage === true, fresh: fresh === true, filter, slice, memory }),

    'topology.snapshot': async ({ vhost }) => ctx.engines.topology.snapshot(vhost ?? currentVhost()),

    'topology.exchangeTypes': async () => exchangeTypes(connection.requireManagement()),

    'topology.declareExchange': async (input) => {
      const vhost = currentVhost();
      // An unknown type makes the broker close the whole connection (503), so ask first.
      const management = connection.management;
      const types = management ? await exchangeTypes(management).catch(() => undefined) : undefined;
      if (types && !types.includes(input.type)) {
        fail('BAD_INPUT', `This broker has no exchange type "${input.type}"`, { field: 'type', hint: `Pick one of ${types.join(', ')} (plugin types need their plugin enabled).` });
      }
      const result = await declareExchange(connection.requireSession(), connection.management, vhost, input);
      return changed(vhost, `declared exchange ${result.name}`, result);
    },
    'topology.declareQueue': async (input) => {
      const vhost = currentVhost();
      const result = await declareQueue(connection.requireSession(), connection.management, vhost, input);
      return changed(vhost, `declared queue ${result.name}`, result);
    },
    'topology.bind': async (input) => {
      const vhost = currentVhost();
      const result = await bind(connection.requireSession(), vhost, input);
      return changed(vhost, `bound ${result.destination} to ${result.source}`, result);
    },
    'topology.unbind': async (input) => {
      const vhost = currentVhost();
      const result = await unbind(connection.requireSession(), connection.management, vhost, input);
      return changed(vhost, `unbound ${result.destination} from ${result.source}`, result);
    },
    'topology.delete': async ({ kind, name, ifUnused, ifEmpty }) => {
      const vhost = currentVhost();
      const session = connection.requireSession();
      const result = kind === 'queue' ? await deleteQueue(session, vhost, name, ifUnused, ifEmpty) : await deleteExchange(session, vhost, name, ifUnused);
      return changed(vhost, `deleted ${kind} ${name}`, result);
    },
    'topology.closeConnection': async ({ name, reason }) => {
      const result = await closeConnection(connection.requireManagement(), name, reason);
      ctx.emit('topology.changed', { vhost: connection.state.vhost ?? '', what: `closed connection ${name}`, at: Date.now() });
      return result;
    },
    'topology.purge': async ({ queue }) => {
      const vhost = currentVhost();
      const result = await purgeQueue(connection.requireSession(), vhost, queue);
      return changed(vhost, `purged ${queue}`, result);
    },

    'topology.explain': async ({ vhost, exchange, routingKey, headers }) => {
      const snapshot = await ctx.engines.topology.snapshot(vhost ?? currentVhost());
      return explain(snapshot, exchange, routingKey, headers);
    },
  };
}
