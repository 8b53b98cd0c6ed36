/** The streams operations: read a stream queue by offset. */
import type { streamsOperations } from '../../../shared/streams/contract';
import type { HandlersFor } from '../../../shared/contract';
import type { ServiceContext } from '../context';
import { readStream } from './reader';

export function streamsHandlers(ctx: ServiceContext): HandlersFor<typeof streamsOperations> {
  return {
    'streams.read': (input) => readStream(ctx, input),
  };
}
