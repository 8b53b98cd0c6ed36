/** Delete (with if-unused / if-empty) and purge. A missing object is a 404, never a silent no-op. */
import type { DeleteResult, PurgeResult } from '../../../shared/topology/types';
import type { AmqpSession } from '../broker/session';
import { WarrenFailure } from '../errors';
import { refusal } from './refusals';

export async function deleteQueue(session: AmqpSession, vhost: string, name: string, ifUnused: boolean, ifEmpty: boolean): Promise<DeleteResult> {
  try {
    // queue.delete of a missing queue succeeds silently in RabbitMQ; check first so the user hears of it.
    await session.withChannel((ch) => ch.checkQueue(name));
    const reply = await session.withChannel((ch) => ch.deleteQueue(name, { ifUnused, ifEmpty }));
    return { kind: 'queue', name, vhost, messagesDeleted: reply.messageCount };
  } catch (err) {
    throw new WarrenFailure(refusal(err, 'delete-queue', name));
  }
}

export async function deleteExchange(session: AmqpSession, vhost: string, name: string, ifUnused: boolean): Promise<DeleteResult> {
  try {
    await session.withChannel((ch) => ch.checkExchange(name));
    await session.withChannel((ch) => ch.deleteExchange(name, { ifUnused }));
    return { kind: 'exchange', name, vhost };
  } catch (err) {
    throw new WarrenFailure(refusal(err, 'delete-exchange', name));
  }
}

export async function purgeQueue(session: AmqpSession, vhost: string, queue: string): Promise<PurgeResult> {
  try {
    const reply = await session.withChannel((ch) => ch.purgeQueue(queue));
    return { queue, vhost, purged: reply.messageCount };
  } catch (err) {
    throw new WarrenFailure(refusal(err, 'purge', queue));
  }
}
