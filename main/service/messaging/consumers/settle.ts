/**
 * Settling deliveries: what an unacked delivery keeps (its tag, not its body) and the fewest
 * frames that ack, nack or reject a set of them exactly.
 */
import type { Channel, Message } from 'amqplib';

/**
 * What settling needs of a delivery: its tag and the channel it came on (the message lives in
 * the ring, which may drop it). `dots`: its simulated work, for the dots kind.
 */
export type Unacked = Map<number, { tag: number; channel: Channel; dots?: number }>;

/** amqplib settles by `message.fields.deliveryTag` alone. */
function byTag(tag: number): Message {
  return { fields: { deliveryTag: tag } } as Message;
}

/** One frame that acks or nacks the delivery `tag` and every older one on `channel` (multiple=true). */
function settleUpTo(channel: Channel, tag: number, action: 'ack' | 'nack', requeue: boolean): void {
  if (action === 'ack') channel.ack(byTag(tag), true);
  else channel.nack(byTag(tag), true, requeue);
}

/**
 * Sends the acks/nacks/rejects for `ids` on `channel` in as few frames as exact: the longest run
 * of the oldest unacked deliveries that are all being settled the same way goes as one frame with
 * multiple=true (ack and nack only; reject has no multiple), the rest one by one. `unacked` is in
 * delivery order (ids and tags both increase), which makes "all older ones" well defined.
 */
export function sendSettle(
  unacked: Unacked,
  channel: Channel,
  ids: number[],
  action: 'ack' | 'nack' | 'reject',
  requeue: boolean,
): { done: number[]; missing: number } {
  if (action !== 'reject' && ids.length > 0) {
    // The common case, an in-order worker acking what it finished: `ids` are the oldest unacked
    // deliveries, in order, so one frame settles them and no set of ids is built.
    let matched = 0;
    let newest = 0;
    for (const [id, entry] of unacked) {
      if (matched === ids.length || id !== ids[matched] || entry.channel !== channel) break;
      newest = entry.tag;
      matched++;
    }
    if (matched === ids.length) {
      settleUpTo(channel, newest, action, requeue);
      return { done: ids, missing: 0 };
    }
  }
  const wanted = new Set<number>();
  let missing = 0;
  for (const id of ids) {
    const entry = unacked.get(id);
    if (!entry || entry.channel !== channel || wanted.has(id)) missing++;
    else wanted.add(id);
  }
  const done: number[] = [];
  let newest: number | undefined;
  if (action !== 'reject') {
    for (const [id, entry] of unacked) {
      if (entry.channel !== channel) continue;
      if (!wanted.has(id)) break;
      newest = entry.tag;
      done.push(id);
      wanted.delete(id);
    }
    if (newest !== undefined) settleUpTo(channel, newest, action, requeue);
  }
  for (const id of wanted) {
    const msg = byTag(unacked.get(id)!.tag);
    if (action === 'ack') channel.ack(msg);
    else if (action === 'nack') channel.nack(msg, false, requeue);
    else channel.reject(msg, requeue);
    done.push(id);
  }
  return { done, missing };
}

/** Simulated work of the dots kind: one second per '.' in the body. */
export function countDots(content: Buffer): number {
  let n = 0;
  for (const byte of content) if (byte === 0x2e) n++;
  return n;
}
