import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectedService } from '../../support/messaging';

/** Issue 11 point 11: Get messages as the management UI offers it, beside Peek. */
describe('messaging.get', () => {
  let t: Awaited<ReturnType<typeof connectedService>>;

  beforeEach(async () => {
    t = await connectedService('get');
    await t.ch.assertExchange('get.dlx', 'fanout', { durable: false });
    await t.ch.assertQueue('get.dead', { durable: false });
    await t.ch.bindQueue('get.dead', 'get.dlx', '');
    await t.ch.assertQueue('get.q', { durable: false, deadLetterExchange: 'get.dlx' });
    for (const body of ['one', 'two', 'three']) t.ch.sendToQueue('get.q', Buffer.from(body));
    await t.ch.checkQueue('get.q');
  });
  afterEach(async () => {
    await t.close();
  });

  const depth = async (queue: string) => (await t.ch.checkQueue(queue)).messageCount;

  it('requeue leaves the messages in the queue, marked requeued', async () => {
    const got = await t.call('messaging.get', { queue: 'get.q', count: 2, ackMode: 'requeue' });
    expect(got.map((m) => [m.body.data, m.settled])).toEqual([
      ['one', 'requeued'],
      ['two', 'requeued'],
    ]);
    expect(await depth('get.q')).toBe(3);
  });

  it('ack removes exactly the messages it got', async () => {
    const got = await t.call('messaging.get', { queue: 'get.q', count: 2, ackMode: 'ack' });
    expect(got.map((m) => [m.body.data, m.settled])).toEqual([
      ['one', 'acked'],
      ['two', 'acked'],
    ]);
    expect(await depth('get.q')).toBe(1);
    expect(await depth('get.dead')).toBe(0);
  });

  it('reject without requeue takes the message out of the queue to its dead-letter exchange', async () => {
    const got = await t.call('messaging.get', { queue: 'get.q', count: 1, ackMode: 'reject' });
    expect(got.map((m) => [m.body.data, m.settled])).toEqual([['one', 'rejected']]);
    expect(await depth('get.q')).toBe(2);
    expect(await depth('get.dead')).toBe(1);
  });

  it('base64 encoding returns the body as base64', async () => {
    const [first] = await t.call('messaging.get', { queue: 'get.q', count: 1, ackMode: 'requeue', encoding: 'base64' });
    expect(first?.body).toEqual({ encoding: 'base64', data: Buffer.from('one').toString('base64') });
  });

  it('a count over 100 is refused at the field, and nothing is taken', async () => {
    const result = await t.svc.dispatch('messaging.get', { queue: 'get.q', count: 101, ackMode: 'ack' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'BAD_INPUT', field: 'count' });
    expect(await depth('get.q')).toBe(3);
  });
});
