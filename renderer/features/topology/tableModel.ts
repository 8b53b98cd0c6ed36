/** Filtering and sorting of table rows on the client (over every row, not just one page). Pure. */
import type { ReactNode } from 'react';
import type { FilterMatch } from '../../../shared/topology/filter';

// The filter itself is shared with the service, which filters the list it remembers.
export { compileFilter, type FilterMatch } from '../../../shared/topology/filter';

export interface ColumnDef<R> {
  id: string;
  label: string;
  /** Width in px; the last column takes the rest. */
  width: number;
  align?: 'left' | 'right';
  text: (row: R) => string;
  /** What sorting compares (numbers sort numerically). */
  sortValue?: (row: R) => string | number;
  render?: (row: R) => ReactNode;
}

export interface SortState {
  column: string;
  direction: 'asc' | 'desc';
}

/** Rows whose key text (name, source → destination …) matches the filter. */
export function filterRows<R>(rows: readonly R[], match: FilterMatch, keyText: (row: R) => string): R[] {
  if (!match.ok) return [...rows];
  return rows.filter((row) => match.test(keyText(row)));
}

/** `filterRows` with each row's key text computed beforehand (`keys[i]` belongs to `rows[i]`). */
export function filterIndexed<R>(rows: readonly R[], keys: readonly string[], match: FilterMatch): R[] {
  if (!match.ok) return [...rows];
  const out: R[] = [];
  for (let i = 0; i < rows.length; i++) if (match.test(keys[i] ?? '')) out.push(rows[i] as R);
  return out;
}

export function sortRows<R>(rows: R[], columns: readonly ColumnDef<R>[], sort: SortState | undefined): R[] {
  if (!sort) return rows;
  const column = columns.find((c) => c.id === sort.column);
  if (!column) return rows;
  const value = column.sortValue ?? column.text;
  const sign = sort.direction === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return rows
    .map((row) => ({ row, key: value(row) }))
    .sort((a, b) => {
      const x = a.key;
      const y = b.key;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return order * sign;
    })
    .map((entry) => entry.row);
}

/** The rows a fixed-height viewport shows at `scrollTop`, plus a few either side. */
export function visibleRange(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan = 6): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, first + visible + overscan) };
}
