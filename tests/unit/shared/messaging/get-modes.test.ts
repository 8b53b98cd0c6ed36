import { describe, expect, it } from 'vitest';
import { GET_ACK_MODES, GET_MODE, getConsequence } from '../../../../shared/messaging/get-modes';

describe('Get messages: each ack mode says its consequence before it runs', () => {
  it('requeue says the messages stay; ack and reject say they leave the queue', () => {
    expect(getConsequence('requeue', 5, 'orders')).toBe('Takes up to 5 messages from orders and puts them back: they stay in the queue, marked redelivered, possibly in another order.');
    expect(getConsequence('ack', 1, 'orders')).toMatch(/^Takes up to 1 message from orders and acknowledges them: they are removed from the queue for good\.$/);
    expect(getConsequence('reject', 2, 'orders')).toMatch(/rejects them without requeue: they leave the queue, to its dead-letter exchange if it has one/);
  });

  it('maps each mode to the management API ack mode the management UI uses', () => {
    expect(GET_ACK_MODES.map((m) => [m, GET_MODE[m].management, GET_MODE[m].removes])).toEqual([
      ['requeue', 'ack_requeue_true', false],
      ['ack', 'ack_requeue_false', true],
      ['reject', 'reject_requeue_false', true],
    ]);
  });
});
