/** The charts operations of the service. */
import type { HandlersFor } from '../../../shared/contract';
import type { chartsOperations } from '../../../shared/contracts/charts';
import type { ServiceContext } from '../context';

export function chartsHandlers(_ctx: ServiceContext): HandlersFor<typeof chartsOperations> {
  return {};
}
