/** What a consumer keeps of a delivery: a flat record that gives back the message as it came. */
import { describe, expect, it } from 'vitest';
import type { ConsumeMessage, MessageProperties } from 'amqplib';
import { BodySlabs, keep, sentPreview, whole } from '../../../../main/service/messaging/consumers/buffer';

/** A delivery as amqplib parses one: every property key present, unset ones undefined. */
function delivery(tag: number, routingKey: string, set: Partial<MessageProperties> = {}, body = 'hello'): ConsumeMessage {
  const unset = { contentType: undefined, contentEncoding: undefined, headers: undefined, deliveryMode: undefined, priority: undefined, correlationId: undefined, replyTo: undefined, expiration: undefined, messageId: undefined, timestamp: undefined, type: undefined, userId: undefined, appId: undefined, clusterId: undefined };
  return {
    fields: { consumerTag: 'amq.ctag-1', deliveryTag: tag, redelivered: tag % 2 === 0, exchange: 'orders', routingKey },
    properties: { ...unset, ...set } as MessageProperties,
    content: Buffer.from(body),
  };
}

describe('kept deliveries', () => {
  it('give back the fields, properties and body amqplib parsed', () => {
    const kept = keep(7, delivery(42, 'order.placed', { contentType: 'application/json', headers: { 'x-tries': 2 }, deliveryMode: 2, messageId: 'm-1' }, '{"id":1}'), 'unacked');
    const message = whole(kept);
    expect(message).toMatchObject({
      id: 7,
      exchange: 'orders',
      routingKey: 'order.placed',
      redelivered: true,
      deliveryTag: 42,
      size: 8,
      properties: { contentType: 'application/json', headers: [{ key: 'x-tries', value: { t: 'int', v: 2 } }], deliveryMode: 2, messageId: 'm-1' },
      body: { encoding: 'utf8', data: '{"id":1}' },
      truncated: false,
      settled: 'unacked',
    });
  });

  it('share one properties object among messages that set none (an empty headers table counts as none)', () => {
    const a = keep(1, delivery(1, 'k'), 'acked');
    const b = keep(2, delivery(2, 'k', { headers: {} }), 'acked');
    expect(a.properties).toBe(b.properties);
    expect(whole(b).properties).toEqual({});
    const c = keep(3, delivery(3, 'k', { priority: 0 }), 'acked');
    expect(c.properties).not.toBe(a.properties);
    expect(whole(c).properties).toEqual({ priority: 0 });
  });

  it('reuse the previous message’s routing key and exchange when they are equal', () => {
    const first = keep(1, delivery(1, ['order', 'placed'].join('.')), 'acked');
    const second = keep(2, delivery(2, ['order', 'placed'].join('.')), 'acked', first);
    expect(second.routingKey).toBe('order.placed');
    expect(Object.is(second.routingKey, first.routingKey)).toBe(true);
    const third = keep(3, delivery(3, 'order.paid'), 'acked', second);
    expect(third.routingKey).toBe('order.paid');
  });

  it('mark a message sent once its preview goes to a window', () => {
    const kept = keep(1, delivery(1, 'k', {}, 'x'.repeat(2000)), 'unacked');
    expect(kept.sent).toBe(false);
    const preview = sentPreview(kept);
    expect(kept.sent).toBe(true);
    expect(preview.truncated).toBe(true);
    expect(preview.size).toBe(2000);
  });

  it('give back each body as it came when small ones share slabs, across a slab boundary, and a large one is kept apart', () => {
    const slabs = new BodySlabs();
    const bodies = Array.from({ length: 700 }, (_, i) => `${i}:`.padEnd(1 + ((i * 7) % 4000), String.fromCharCode(97 + (i % 26))));
    bodies.push('L'.repeat(100_000));
    const kept = bodies.map((body, i) => keep(i + 1, delivery(i + 1, 'k', {}, body), 'acked', undefined, slabs));
    expect(kept.map((k) => whole(k).body.data)).toEqual(bodies);
    expect(new Set(kept.slice(0, 700).map((k) => k.body)).size).toBeGreaterThan(1);
    expect(kept.at(-1)!.body.length).toBe(100_000);
  });
});
