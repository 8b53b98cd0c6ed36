import { describe, expect, it } from 'vitest';
import { compileFilter, filterRows, sortRows, visibleRange, type ColumnDef } from '../../../../renderer/features/topology/tableModel';

describe('table filtering, sorting and virtualization', () => {
  const rows = ['orders.eu', 'orders.us', 'email', 'Billing'].map((name, i) => ({ name, n: [10, 2, 33, 4][i]! }));
  const columns: ColumnDef<(typeof rows)[number]>[] = [
    { id: 'name', label: 'Name', width: 100, text: (r) => r.name },
    { id: 'n', label: 'N', width: 50, text: (r) => String(r.n), sortValue: (r) => r.n },
  ];
  const names = (list: typeof rows) => list.map((r) => r.name);

  it('filters by case-insensitive substring, or by regex when the text starts with /', () => {
    expect(names(filterRows(rows, compileFilter('ORD'), (r) => r.name))).toEqual(['orders.eu', 'orders.us']);
    expect(names(filterRows(rows, compileFilter('/^(email|billing)$/'), (r) => r.name))).toEqual(['email', 'Billing']);
    expect(names(filterRows(rows, compileFilter('/\\.us$/'), (r) => r.name))).toEqual(['orders.us']);
    expect(names(filterRows(rows, compileFilter('   '), (r) => r.name))).toHaveLength(4);
    const bad = compileFilter('/(unclosed');
    expect(bad.ok).toBe(false);
    expect(names(filterRows(rows, bad, (r) => r.name))).toHaveLength(4);
  });

  it('sorts numbers numerically and text naturally, both directions', () => {
    expect(names(sortRows([...rows], columns, { column: 'n', direction: 'asc' }))).toEqual(['orders.us', 'Billing', 'orders.eu', 'email']);
    expect(names(sortRows([...rows], columns, { column: 'name', direction: 'desc' }))).toEqual(['orders.us', 'orders.eu', 'email', 'Billing']);
  });

  it('renders only the rows in view plus a little overscan', () => {
    expect(visibleRange(0, 320, 32, 10_000)).toEqual({ start: 0, end: 16 });
    expect(visibleRange(32 * 5000, 320, 32, 10_000)).toEqual({ start: 4994, end: 5016 });
    expect(visibleRange(32 * 9999, 320, 32, 10_000)).toEqual({ start: 9993, end: 10_000 });
    expect(visibleRange(0, 320, 32, 3)).toEqual({ start: 0, end: 3 });
  });
});
