/** Pure pieces of the messaging engine: repeat templates, the kept-message ring, settle framing. */
import { describe, expect, it } from 'vitest';
import type { Channel, ConsumeMessage } from 'amqplib';
import { compileTemplate, hasPlaceholder, renderTemplate } from '../../../../main/service/messaging/template';
import { sendSettle } from '../../../../main/service/messaging/consumers/settle';
import { IdRing } from '../../../../main/service/messaging/ring';

describe('repeat templates', () => {
  it('fills {{seq}}, {{uuid}} and {{now}}, and knows constant text', () => {
    const t = compileTemplate('order {{seq}} / {{ uuid }} at {{now}}!');
    expect(t.constant).toBe(false);
    expect(renderTemplate(t, { seq: 7, now: 0, uuid: () => 'u-1' })).toBe('order 7 / u-1 at 1970-01-01T00:00:00.000Z!');
    const plain = compileTemplate('no {{placeholders}} here {{seq');
    expect(plain.constant).toBe(true);
    expect(renderTemplate(plain, { seq: 1, now: 0, uuid: () => '' })).toBe('no {{placeholders}} here {{seq');
    expect(hasPlaceholder('x {{seq}}')).toBe(true);
    expect(hasPlaceholder('x {{seq}}')).toBe(true); // the global regex's lastIndex does not leak between calls
    expect(hasPlaceholder('x {seq}')).toBe(false);
  });
});

describe('IdRing', () => {
  const item = (id: number) => ({ id });
  it('keeps the newest `capacity`, counts the rest, finds by id', () => {
    const ring = new IdRing<{ id: number }>(3);
    expect(ring.get(1)).toBeUndefined();
    for (let id = 1; id <= 5; id++) ring.push(item(id));
    expect(ring.length).toBe(3);
    expect(ring.dropped).toBe(2);
    expect(ring.get(2)).toBeUndefined();
    expect(ring.get(3)).toEqual({ id: 3 });
    expect(ring.get(5)).toEqual({ id: 5 });
    expect(ring.get(6)).toBeUndefined();
    expect(ring.newest(2).map((x) => x.id)).toEqual([4, 5]);
    expect(ring.newest(10).map((x) => x.id)).toEqual([3, 4, 5]);
    ring.clear();
    expect(ring.length).toBe(0);
    expect(ring.dropped).toBe(5);
    ring.push(item(6));
    expect(ring.get(6)).toEqual({ id: 6 });
    expect(ring.newest(5).map((x) => x.id)).toEqual([6]);
  });

  it('stays bounded over a long stream', () => {
    const ring = new IdRing<{ id: number }>(1000);
    for (let id = 1; id <= 250_000; id++) ring.push(item(id));
    expect(ring.length).toBe(1000);
    expect(ring.dropped).toBe(249_000);
    expect(ring.get(249_001)).toEqual({ id: 249_001 });
    expect(ring.get(249_000)).toBeUndefined();
  });
});

describe('settling in as few frames as exact', () => {
  const channel = () => {
    const calls: string[] = [];
    const ch = {
      ack: (m: ConsumeMessage, multiple = false) => calls.push(`ack ${m.fields.deliveryTag}${multiple ? ' multiple' : ''}`),
      nack: (m: ConsumeMessage, multiple = false, requeue = true) => calls.push(`nack ${m.fields.deliveryTag}${multiple ? ' multiple' : ''}${requeue ? ' requeue' : ''}`),
      reject: (m: ConsumeMessage, requeue = true) => calls.push(`reject ${m.fields.deliveryTag}${requeue ? ' requeue' : ''}`),
    };
    return { calls, ch: ch as unknown as Channel };
  };
  const unackedOn = (ch: Channel, ids: number[]) => new Map(ids.map((id) => [id, { tag: id * 10, channel: ch }]));

  it('the oldest run goes as one multiple ack; the rest one by one', () => {
    const { calls, ch } = channel();
    const r = sendSettle(unackedOn(ch, [1, 2, 3, 4, 5]), ch, [1, 2, 3, 5], 'ack', false);
    expect(calls).toEqual(['ack 30 multiple', 'ack 50']);
    expect(r).toEqual({ done: [1, 2, 3, 5], missing: 0 });
  });

  it('the oldest unacked, in order, go as one frame whether acked or nacked', () => {
    const acked = channel();
    expect(sendSettle(unackedOn(acked.ch, [1, 2, 3, 4]), acked.ch, [1, 2, 3], 'ack', false)).toEqual({ done: [1, 2, 3], missing: 0 });
    expect(acked.calls).toEqual(['ack 30 multiple']);
    const nacked = channel();
    expect(sendSettle(unackedOn(nacked.ch, [1, 2, 3, 4]), nacked.ch, [1, 2], 'nack', false)).toEqual({ done: [1, 2], missing: 0 });
    expect(nacked.calls).toEqual(['nack 20 multiple']);
  });

  it('never covers an unselected older message; unknown and duplicate ids are missing', () => {
    const { calls, ch } = channel();
    const r = sendSettle(unackedOn(ch, [1, 2, 3]), ch, [2, 3, 3, 99], 'nack', true);
    expect(calls).toEqual(['nack 20 requeue', 'nack 30 requeue']);
    expect(r).toEqual({ done: [2, 3], missing: 2 });
  });

  it('reject has no multiple form; another channel’s deliveries are not sent on this one', () => {
    const { calls, ch } = channel();
    const other = channel();
    const unacked = unackedOn(ch, [1, 2]);
    unacked.set(3, { tag: 1, channel: other.ch });
    const r = sendSettle(unacked, ch, [1, 2, 3], 'reject', false);
    expect(calls).toEqual(['reject 10', 'reject 20']);
    expect(other.calls).toEqual([]);
    expect(r.missing).toBe(1);
  });
});
