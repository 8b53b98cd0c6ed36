import { describe, expect, it } from 'vitest';
import type { EventBatch } from '../../../../shared/wire';
import { countsOnly } from '../../../../main/host-web/server';

const preview = (id: number) => ({ id }) as never;

describe('countsOnly (deliveries to a client that is behind)', () => {
  const events: EventBatch['events'] = [
    { event: 'consumers.deliveries', payload: [{ consumerId: 'c1', messages: [preview(1), preview(2)], skipped: 3 }, { consumerId: 'c2', messages: [preview(4)], skipped: 0 }] },
    { event: 'consumers.state', payload: [] },
  ];

  it('turns previews into skipped counts per consumer, keeping the total and the other events', () => {
    expect(countsOnly(events)).toEqual([
      { event: 'consumers.deliveries', payload: [{ consumerId: 'c1', messages: [], skipped: 5 }, { consumerId: 'c2', messages: [], skipped: 1 }] },
      { event: 'consumers.state', payload: [] },
    ]);
  });
});
