/** The topology operations of the service. */
import type { HandlersFor } from '../../../shared/contract';
import type { topologyOperations } from '../../../shared/contracts/topology';
import type { ServiceContext } from '../context';

export function topologyHandlers(_ctx: ServiceContext): HandlersFor<typeof topologyOperations> {
  return {};
}
