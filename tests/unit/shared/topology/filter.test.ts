import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokerNameFilter, compileFilter } from '../../../../shared/topology/filter';

describe('the topology filter as the broker applies it', () => {
  it('hands a substring over as is (the broker matches it case-insensitively, as the page does)', () => {
    expect(brokerNameFilter('  Q-0999 ')).toEqual({ name: 'Q-0999', use_regex: false });
  });

  it('hands a /regex/ over as a case-insensitive PCRE', () => {
    expect(brokerNameFilter('/^orders\\.\\d+$/')).toEqual({ name: '(?i)^orders\\.\\d+$', use_regex: true });
    expect(brokerNameFilter('/^a|b$/i')).toEqual({ name: '(?i)^a|b$', use_regex: true });
  });

  it('asks nothing for an empty filter, an empty pattern or an invalid regular expression', () => {
    expect(brokerNameFilter('   ')).toBeUndefined();
    expect(brokerNameFilter('/')).toBeUndefined();
    expect(brokerNameFilter('/(unclosed')).toBeUndefined();
    expect(compileFilter('/(unclosed').ok).toBe(false);
  });

  it('gives the broker a filter exactly when the page has a valid, non-empty one', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const match = compileFilter(text);
        const asked = brokerNameFilter(text);
        const matchesAll = match.ok && match.test('') && match.test('x') && match.test('Q-1');
        if (!match.ok) expect(asked).toBeUndefined();
        if (asked === undefined) expect(!match.ok || matchesAll).toBe(true);
      }),
    );
  });
});
