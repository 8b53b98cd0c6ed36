import { describe, expect, it } from 'vitest';
import type { ConsumeMessage } from 'amqplib';
import { deliveryOffset, offsetArgument } from '../../../../main/service/streams/reader';

describe('x-stream-offset', () => {
  it('is a keyword, a number, or an AMQP timestamp in whole seconds', () => {
    expect(offsetArgument({ kind: 'first' })).toBe('first');
    expect(offsetArgument({ kind: 'last' })).toBe('last');
    expect(offsetArgument({ kind: 'next' })).toBe('next');
    expect(offsetArgument({ kind: 'offset', offset: 500 })).toBe(500);
    expect(offsetArgument({ kind: 'timestamp', at: 1_764_655_200_999 })).toEqual({ '!': 'timestamp', value: 1_764_655_200 });
  });

  it("a delivery's offset is its x-stream-offset header; none outside a stream", () => {
    const withHeaders = (headers: Record<string, unknown> | undefined) => ({ properties: { headers } }) as unknown as ConsumeMessage;
    expect(deliveryOffset(withHeaders({ 'x-stream-offset': 42 }))).toBe(42);
    expect(deliveryOffset(withHeaders({ 'x-stream-offset': 9_007_199_254_740_991n }))).toBe(9_007_199_254_740_991);
    expect(deliveryOffset(withHeaders({}))).toBeUndefined();
    expect(deliveryOffset(withHeaders(undefined))).toBeUndefined();
  });
});
