/** The demos operations of the service. */
import type { HandlersFor } from '../../../shared/contract';
import type { demoOperations } from '../../../shared/contracts/demos';
import type { ServiceContext } from '../context';

export function demoHandlers(_ctx: ServiceContext): HandlersFor<typeof demoOperations> {
  return {};
}
