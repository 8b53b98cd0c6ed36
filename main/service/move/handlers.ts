/** The move operations: start a move, copy or replay out of a queue, and cancel one. */
import type { moveOperations } from '../../../shared/move/contract';
import type { HandlersFor } from '../../../shared/contract';
import type { ServiceContext } from '../context';
import { MoveRuns } from './mover';

export function moveHandlers(ctx: ServiceContext): HandlersFor<typeof moveOperations> {
  const runs = new MoveRuns(ctx);
  return {
    'messages.move': async (input) => runs.start(input),
    'messages.move.cancel': async ({ runId }) => runs.cancel(runId),
  };
}
