import { describe, expect, it } from 'vitest';
import { SAMPLE_FIELDS } from '../../../../shared/charts/types';
import { parseCsv, samplesToCsv } from '../../../../renderer/features/charts/csv';

describe('CSV export', () => {
  it('writes one row per sample with empty cells for gaps, and reads back', () => {
    const csv = samplesToCsv(SAMPLE_FIELDS, [0, 1000], [[50, 0, 50, 0, 1.23456, null, null, null, null], [40, 10, 50, 1]], 'orders, "eu"');
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['series', 'time', 'epoch_ms', 'ready', 'unacked', 'total', 'consumers', 'publish_per_s', 'deliver_per_s', 'ack_per_s', 'redeliver_per_s', 'unroutable_per_s']);
    expect(rows[1]).toEqual(['orders, "eu"', '1970-01-01T00:00:00.000Z', '0', '50', '0', '50', '0', '1.235', '', '', '', '']);
    expect(rows[2]!.slice(3, 7)).toEqual(['40', '10', '50', '1']);
    expect(rows).toHaveLength(3);
  });
});
