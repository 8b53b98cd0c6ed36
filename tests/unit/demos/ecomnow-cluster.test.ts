import { describe, expect, it } from 'vitest';
import { longestGap } from '../../../demos/ecomnow-cluster-run';

describe('longestGap (the outage of a variant)', () => {
  it('is the longest wait between first deliveries from the kill on, counting the wait for the first one', () => {
    expect(longestGap([900, 1050, 1100, 4100, 4150], 1000)).toBe(3000);
    expect(longestGap([1200, 1300], 1000)).toBe(200);
  });
  it('ignores deliveries before the kill and is 0 when none came after it', () => {
    expect(longestGap([100, 5000], 4990)).toBe(10);
    expect(longestGap([100, 200], 1000)).toBe(0);
  });
});
