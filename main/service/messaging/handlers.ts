/** The messaging operations of the service: publish, repeat, consumers, peek and get. */
import type { HandlersFor } from '../../../shared/contract';
import type { messagingOperations } from '../../../shared/messaging/contract';
import type { FeatureContext } from '../engines';
import { getMessages, peek } from './peek';

export function messagingHandlers(ctx: FeatureContext): HandlersFor<typeof messagingOperations> {
  const m = ctx.engines.messaging;
  return {
    'messaging.publish': (input) => m.publisher.publish(input),
    'messaging.repeat': (input) => m.repeats.start(input),
    'messaging.repeatCancel': async ({ runId }) => m.repeats.cancel(runId),
    'messaging.topology': () => ctx.engines.topology.hints(m.publisher.maxSize.bytes),

    'consumers.attach': ({ queue, ...options }) => m.consumers.attach(queue, options),
    'consumers.tap': ({ exchange, bindingKey, ...options }) => m.consumers.tap(exchange, bindingKey, options),
    'consumers.list': async () => m.consumers.list(),
    'consumers.pause': ({ consumerId }) => m.consumers.pause(consumerId),
    'consumers.resume': ({ consumerId }) => m.consumers.resume(consumerId),
    'consumers.detach': ({ consumerId }) => m.consumers.detach(consumerId),
    'consumers.crash': ({ consumerId }) => m.consumers.crash(consumerId),
    'consumers.settle': async ({ consumerId, ...request }) => m.consumers.settle(consumerId, request),
    'consumers.messages': async ({ consumerId, limit }) => m.consumers.messages(consumerId, limit),
    'consumers.message': async ({ consumerId, id }) => m.consumers.message(consumerId, id),
    'consumers.clear': async ({ consumerId }) => m.consumers.clear(consumerId),

    'messaging.peek': ({ queue, count }) => peek(ctx, queue, count),
    'messaging.get': (input) => getMessages(ctx, input),
  };
}
