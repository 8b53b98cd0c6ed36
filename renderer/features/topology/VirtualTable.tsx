/**
 * A table that draws only the rows in view (fixed row height), so 10,000 rows cost the same
 * as 30. ARIA table roles keep it readable by screen readers and role-based tests.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { visibleRange, type ColumnDef, type SortState } from './tableModel';

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
  const [scrollTop, setScrollTop] = useState(0);
  // A guess until the ResizeObserver reports (a few rows too many cost nothing). Reading
  // clientHeight here would force a layout before the page's first request leaves.
  const [height, setHeight] = useState(() => Math.max(ROW_HEIGHT * 10, window.innerHeight));

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => setHeight(entries[0]?.contentRect.height ?? element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A shorter list (new filter) must not leave the viewport scrolled past its end. The scroll
  // position comes from state: reading scrollTop would force a layout on every keystroke.
  useLayoutEffect(() => {
    const element = viewport.current;
    if (element && scrollTop > 0 && scrollTop > rows.length * ROW_HEIGHT) {
      element.scrollTop = 0;
      setScrollTop(0);
    }
  }, [rows.length, scrollTop]);

  const { start, end } = visibleRange(scrollTop, height, ROW_HEIGHT, rows.length);
  // Widths are proportions, so the table always fits its box (the detail pane takes a fixed share).
  const template = columns.map((c) => `minmax(36px, ${c.width}fr)`).join(' ');

  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = rows.findIndex((row) => rowKey(row) === selectedKey);
    const next = rows[Math.max(0, Math.min(rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next === undefined) return;
    onSelect(next);
    const element = viewport.current;
    const at = rows.indexOf(next) * ROW_HEIGHT;
    if (element && (at < element.scrollTop || at + ROW_HEIGHT > element.scrollTop + element.clientHeight)) element.scrollTop = at;
  };

  return (
    <div className="vtable" role="table" aria-label={label} aria-rowcount={rows.length + 1}>
      <div role="rowgroup" className="vtable-head">
        <div role="row" className="vtable-row" style={{ gridTemplateColumns: template }} aria-rowindex={1}>
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
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        {rows.length === 0 ? (
          <p className="vtable-empty muted">{emptyText}</p>
        ) : (
          <div className="vtable-spacer" style={{ height: rows.length * ROW_HEIGHT }}>
            {rows.slice(start, end).map((row, offset) => {
              const index = start + offset;
              const key = rowKey(row);
              return (
                <div
                  role="row"
                  key={key}
                  aria-rowindex={index + 2}
                  aria-selected={key === selectedKey}
                  className={`vtable-row vtable-data${key === selectedKey ? ' is-selected' : ''}`}
                  style={{ gridTemplateColumns: template, transform: `translateY(${index * ROW_HEIGHT}px)` }}
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
