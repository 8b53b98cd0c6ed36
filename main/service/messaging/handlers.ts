/** The messaging operations of the service. */
import type { HandlersFor } from '../../../shared/contract';
import type { messagingOperations } from '../../../shared/contracts/messaging';
import type { ServiceContext } from '../context';

export function messagingHandlers(_ctx: ServiceContext): HandlersFor<typeof messagingOperations> {
  return {};
}
