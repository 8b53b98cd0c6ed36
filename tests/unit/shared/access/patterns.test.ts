import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setPermissionInput } from '../../../../shared/access/contract';
import { patternProblem } from '../../../../shared/access/patterns';

describe('permission patterns', () => {
  it('what users write is accepted; an unclosed group or class is named with the reason', () => {
    for (const ok of ['', '.*', '^orders\\.', '^(email|stock)_queue$', 'amq\\.gen-.*']) expect(patternProblem(ok)).toBeUndefined();
    expect(patternProblem('orders.(')).toMatch(/^"orders\.\(" is not a valid regular expression \(.+\)$/);
    expect(patternProblem('[a-')).toMatch(/not a valid regular expression/);
  });

  it('the input schema refuses exactly the patterns patternProblem refuses, at the field (seeded)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (pattern) => {
        const parsed = setPermissionInput.safeParse({ user: 'u', vhost: 'v', configure: pattern, write: '', read: '' });
        expect(parsed.success).toBe(patternProblem(pattern) === undefined);
        if (!parsed.success) expect(parsed.error.issues[0]?.path).toEqual(['configure']);
      }),
      { seed: 20261202, numRuns: 500 },
    );
  });
});
