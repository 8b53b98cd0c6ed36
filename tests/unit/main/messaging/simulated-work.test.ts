import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACK_WAIT_MS } from '../../../../shared/messaging/types';
import { ACK_BATCH_MAX, ackBatchFor, SimulatedWork } from '../../../../main/service/messaging/consumers/simulated-work';

/** A consumer whose every message is ackable, with `ms` of work each; records the ack calls. */
function worker(ms: number, ackBatch: number, instant = false) {
  const acks: number[][] = [];
  const entry = { tag: 1, channel: {} as never };
  const work = new SimulatedWork({
    entry: () => entry,
    durationMs: () => ms,
    alive: () => true,
    ackable: () => true,
    ack: (ids) => acks.push(ids),
    ackBatch,
    instant,
  });
  return { work, acks };
}

describe('simulated work', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('acks a quarter of the prefetch window at a time, 1 to ACK_BATCH_MAX (prefetch 0: the most)', () => {
    expect([1, 4, 10, 100, 1000, 65535, 0].map(ackBatchFor)).toEqual([1, 1, 2, 25, 250, ACK_BATCH_MAX, ACK_BATCH_MAX]);
  });

  describe.each([
    ['each message passed over', false],
    ['fixed 0 ms: finished on arrival', true],
  ])('0 ms work (%s)', (_, instant) => {
    it('acks at the end of a pass that finished a full batch, and holds back a smaller one', async () => {
      const { work, acks } = worker(0, 250, instant);
      for (let id = 1; id <= 1000; id++) work.add(id);
      await vi.advanceTimersByTimeAsync(0);
      expect(acks.map((a) => a.length)).toEqual([1000]);
      for (let id = 1001; id <= 1100; id++) work.add(id);
      await vi.advanceTimersByTimeAsync(0);
      expect(acks).toHaveLength(1);
    });

    it('acks a partial batch ACK_WAIT_MS after it finished', async () => {
      const { work, acks } = worker(0, 250, instant);
      for (let id = 1; id <= 10; id++) work.add(id);
      await vi.advanceTimersByTimeAsync(ACK_WAIT_MS - 1);
      expect(acks).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(acks).toEqual([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]);
    });

    it('sends no ack held back once cleared', async () => {
      const { work, acks } = worker(0, 250, instant);
      for (let id = 1; id <= 10; id++) work.add(id);
      await vi.advanceTimersByTimeAsync(0);
      work.clear();
      await vi.advanceTimersByTimeAsync(ACK_WAIT_MS * 2);
      expect(acks).toEqual([]);
    });
  });

  it('acks each message of real work as soon as it is done', async () => {
    const { work, acks } = worker(100, 250);
    work.add(1);
    work.add(2);
    await vi.advanceTimersByTimeAsync(100);
    expect(acks).toEqual([[1]]);
    await vi.advanceTimersByTimeAsync(100);
    expect(acks).toEqual([[1], [2]]);
  });
});
