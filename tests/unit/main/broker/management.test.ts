import { describe, expect, it } from 'vitest';
import { expectRows } from '../../../../main/service/broker/management';

describe('expectRows', () => {
  it('passes a list through, and refuses anything else with MANAGEMENT_UNAVAILABLE and a hint (a node mid-restart)', () => {
    expect(expectRows([{ name: 'a' }], '/queues')).toEqual([{ name: 'a' }]);
    for (const odd of [undefined, null, {}, { error: 'not_found' }, 'text', 3]) {
      expect(() => expectRows(odd, '/queues/%2F?columns=name')).toThrow(
        expect.objectContaining({ code: 'MANAGEMENT_UNAVAILABLE', message: 'The management API answered /queues/%2F without its list of rows', hint: expect.stringMatching(/restarting/) }),
      );
    }
  });
});
