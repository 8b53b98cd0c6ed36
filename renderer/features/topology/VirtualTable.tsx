/**
 * A table that draws only the rows in view (the one virtual list, fixed row height), so 10,000
 * rows cost the same as 30. ARIA table roles keep it readable by screen readers and role-based tests.
 */
import { useRef, type KeyboardEvent } from 'react';
import { useVirtualRows } from '../../ui/useVirtualRows';
import type { ColumnDef, SortState } from './tableModel';

export const ROW_HEIGHT = 32;

interface Props<R> {
  label: string;
  columns: readonly ColumnDef<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  selectedKey?: string;
  onSelect: (row: R) => void;
  sort?: SortState;
  onSort: (sort: SortState) => void;
  /** Total rows before filtering, for aria-rowcount context. */
  emptyText: string;
}

export function VirtualTable<R>({ label, columns, rows, rowKey, selectedKey, onSelect, sort, onSort, emptyText }: Props<R>) {
  const viewport = useRef<HTMLDivElement>(null);
  // The viewport's height is a guess until it is observed: reading it would force a layout
  // before the page's first request leaves (a few rows too many cost nothing).
  const virtual = useVirtualRows({ count: rows.length, scrollRef: viewport, rowHeight: ROW_HEIGHT, initialHeight: Math.max(ROW_HEIGHT * 10, window.innerHeight) });
  // Widths are proportions, so the table fits its box (the detail pane takes a fixed share); but a
  // column never gets narrower than its header, so a narrow table scrolls sideways (the header
  // row follows) instead of clipping "Consumers" to "Con…".
  const template = columns.map((c) => `minmax(${headerWidth(c.label)}px, ${c.width}fr)`).join(' ');
  const minWidth = columns.reduce((sum, c) => sum + headerWidth(c.label), 0);
  const head = useRef<HTMLDivElement>(null);

  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = rows.findIndex((row) => rowKey(row) === selectedKey);
    const next = rows[Math.max(0, Math.min(rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next === undefined) return;
    onSelect(next);
    virtual.scrollToIndex(rows.indexOf(next));
  };

  return (
    <div className="vtable" role="table" aria-label={label} aria-rowcount={rows.length + 1}>
      <div role="rowgroup" className="vtable-head" ref={head}>
        <div role="row" className="vtable-row" style={{ gridTemplateColumns: template, minWidth }} aria-rowindex={1}>
          {columns.map((column) => {
            const active = sort?.column === column.id;
            return (
              <div
                role="columnheader"
                key={column.id}
                className={`vtable-cell${column.align === 'right' ? ' align-right' : ''}`}
                aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button
                  type="button"
                  className="vtable-sort"
                  onClick={() => onSort({ column: column.id, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' })}
                >
                  {column.label}
                  <span aria-hidden="true" className="vtable-arrow">
                    {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div
        ref={viewport}
        role="rowgroup"
        className="vtable-body"
        tabIndex={0}
        aria-label={`${label} rows`}
        onKeyDown={onKey}
        onScroll={(event) => {
          if (head.current) head.current.scrollLeft = event.currentTarget.scrollLeft;
        }}
      >
        {rows.length === 0 ? (
          <p className="vtable-empty muted">{emptyText}</p>
        ) : (
          <div className="vtable-spacer" style={{ height: virtual.totalHeight, minWidth }}>
            {virtual.items.map(({ index, start }) => {
              const row = rows[index]!;
              const key = rowKey(row);
              return (
                <div
                  role="row"
                  key={key}
                  aria-rowindex={index + 2}
                  aria-selected={key === selectedKey}
                  className={`vtable-row vtable-data${key === selectedKey ? ' is-selected' : ''}`}
                  style={{ gridTemplateColumns: template, transform: `translateY(${start}px)` }}
                  onClick={() => onSelect(row)}
                >
                  {columns.map((column) => (
                    <div role="cell" key={column.id} className={`vtable-cell${column.align === 'right' ? ' align-right' : ''}`} title={column.text(row)}>
                      {column.render ? column.render(row) : column.text(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

/** Room for a header's label, its sort arrow and the cell padding (13 px text, ~7.5 px a character). */
export function headerWidth(label: string): number {
  return Math.max(36, Math.ceil(label.length * 7.5) + 30);
}
