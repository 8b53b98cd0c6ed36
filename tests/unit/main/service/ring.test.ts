import { describe, expect, it } from 'vitest';
import { RingBuffer } from '../../../../main/service/ring';

describe('RingBuffer', () => {
  it('keeps the newest items up to its capacity, oldest first', () => {
    const ring = new RingBuffer<number>(3);
    expect(ring.toArray()).toEqual([]);
    expect(ring.last()).toBeUndefined();
    for (let i = 1; i <= 5; i++) ring.push(i);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    expect(ring.size).toBe(3);
    expect(ring.last()).toBe(5);
  });

  it('resizes keeping the newest, and refuses a zero capacity', () => {
    const ring = new RingBuffer<number>(4);
    for (let i = 1; i <= 6; i++) ring.push(i);
    ring.resize(2);
    expect(ring.toArray()).toEqual([5, 6]);
    ring.resize(5);
    ring.push(7);
    expect(ring.toArray()).toEqual([5, 6, 7]);
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });

  it('hands back the evicted item, and reads any kept item by position in O(1)', () => {
    const ring = new RingBuffer<string>(2);
    expect(ring.push('a')).toBeUndefined();
    expect(ring.push('b')).toBeUndefined();
    expect(ring.push('c')).toBe('a');
    expect([ring.at(0), ring.at(1), ring.at(2), ring.at(-1), ring.at(0.5)]).toEqual(['b', 'c', undefined, undefined, undefined]);
    expect(ring.toArray(1)).toEqual(['c']);
    expect(ring.toArray(0)).toEqual([]);
  });
});
