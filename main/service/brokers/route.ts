/**
 * Routes a broker-scoped operation to the broker its input names. The handlers of the scoped
 * features are built once per connection, over that connection, so every feature keeps its
 * per-broker state (a table's memory, a topology reader) apart; the main connection's are the
 * service's own.
 */
import type { BrokerScopedName, HandlersFor, Operations } from '../../../shared/contract';
import type { BrokerConnection } from '../broker/connection';
import type { BrokerSet } from './set';

type Handlers = Record<string, (input: never) => Promise<unknown>>;
type Routed = HandlersFor<Pick<Operations, BrokerScopedName>>;

/**
 * @param mainHandlers the features' handlers over the main connection (their inputs without `broker`)
 * @param build the same features' handlers over another connection
 */
export function routeByBroker<H extends Handlers>(mainHandlers: H, brokers: BrokerSet, build: (connection: BrokerConnection) => H): Routed {
  const built = new WeakMap<BrokerConnection, H>();
  const handlersOf = (connection: BrokerConnection): H => {
    if (connection === brokers.main) return mainHandlers;
    let handlers = built.get(connection);
    if (!handlers) built.set(connection, (handlers = build(connection)));
    return handlers;
  };
  const routed: Handlers = {};
  for (const name of Object.keys(mainHandlers)) {
    routed[name] = (input: never) => {
      const broker = (input as { broker?: string } | undefined)?.broker;
      const handler = handlersOf(brokers.connectionFor(broker))[name] as (input: never) => Promise<unknown>;
      return handler(input);
    };
  }
  // Each routed handler takes its operation's input plus `broker`, and hands the rest on unchanged.
  return routed as unknown as Routed;
}
