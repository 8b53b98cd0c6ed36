/** The brokers operations: open a profile's broker beside the main connection, list and close them. */
import type { brokersOperations } from '../../../shared/brokers/contract';
import type { HandlersFor } from '../../../shared/contract';
import type { ServiceContext } from '../context';

export function brokersHandlers(ctx: ServiceContext): HandlersFor<typeof brokersOperations> {
  const { brokers } = ctx;
  return {
    'brokers.list': async () => brokers.list(),
    'brokers.open': async ({ id }) => brokers.open(id),
    'brokers.close': async ({ id }) => brokers.close(id),
  };
}
