import { describe, expect, it } from 'vitest';
import type { FieldEntry } from '../../../../shared/messaging/types';
import { readXDeath } from '../../../../shared/messaging/x-death';

describe('x-death read as table rows', () => {
  it('reads queue, reason, count, exchange, routing keys and the time as a date', () => {
    const headers: FieldEntry[] = [
      { key: 'x-first-death-queue', value: { t: 'string', v: 'work' } },
      {
        key: 'x-death',
        value: {
          t: 'array',
          v: [
            {
              t: 'table',
              v: [
                { key: 'count', value: { t: 'int', v: 2 } },
                { key: 'reason', value: { t: 'string', v: 'rejected' } },
                { key: 'queue', value: { t: 'string', v: 'work' } },
                { key: 'time', value: { t: 'timestamp', v: 1_764_643_200 } },
                { key: 'exchange', value: { t: 'string', v: '' } },
                { key: 'routing-keys', value: { t: 'array', v: [{ t: 'string', v: 'work' }] } },
              ],
            },
          ],
        },
      },
    ];
    expect(readXDeath(headers)).toEqual([{ queue: 'work', reason: 'rejected', count: 2, exchange: '', routingKeys: ['work'], time: 1_764_643_200_000 }]);
  });

  it('is undefined without an x-death header, or with one not in the broker’s shape', () => {
    expect(readXDeath(undefined)).toBeUndefined();
    expect(readXDeath([{ key: 'x-death', value: { t: 'string', v: 'nope' } }])).toBeUndefined();
  });
});
