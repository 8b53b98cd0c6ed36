/** One topology table with its filter, count and detail pane. */
import { useMemo, useState } from 'react';
import { FULL_LIST_MAX_ROWS, type RowOf, type TableKind } from '../../../shared/topology/types';
import type { TableScope, TableState } from './tableFeed';
import { serverFilterPause, useServerFilter, type ServerMatches } from './useServerFilter';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { TABLES } from './columns';
import { DetailPane } from './DetailPane';
import { compileFilter, filterIndexed, sortRows, type SortState } from './tableModel';
import { VirtualTable } from './VirtualTable';

/** Tables whose filter the broker can apply too (it matches the name, as these tables' filters do). */
const SERVER_FILTERED: ReadonlySet<TableKind> = new Set(['queues', 'exchanges']);

interface Props<K extends TableKind> {
  kind: K;
  /** What the table lists (for asking the service for matching rows before every row is here). */
  scope: TableScope;
  table: TableState;
  canChange: boolean;
  onDone: (message: string) => void;
}

export function TopologyTable<K extends TableKind>({ kind, scope, table, canChange, onDone }: Props<K>) {
  const def = TABLES[kind] as unknown as (typeof TABLES)['queues'] & { rowKey: (r: RowOf[K]) => string };
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<SortState | undefined>({ column: def.columns[0]!.id, direction: 'asc' });
  const [selected, setSelected] = useState<string>();
  const data = table.result?.data;
  const rows = useMemo(() => (data?.rows ?? []) as unknown as RowOf['queues'][], [data]);

  const sorted = useMemo(() => sortRows([...rows], def.columns, sort), [rows, def, sort]);
  const match = useMemo(() => compileFilter(filter), [filter]);
  // What the filter looks at, computed once per list rather than once per keystroke.
  const keys = useMemo(() => sorted.map((row) => def.filterText(row)), [sorted, def]);
  // Not every row here yet (a first page): the service finds the matching rows.
  const onService = SERVER_FILTERED.has(kind) && table.result?.complete !== true && match.ok && filter.trim() !== '';
  const server = useServerFilter(kind, scope, filter, onService, serverFilterPause(table.result));
  const serverRows = useMemo(() => (server.result?.data.rows ?? []) as unknown as RowOf['queues'][], [server.result]);
  const serverShown = useMemo(
    () => (onService ? sortRows(filterIndexed(serverRows, serverRows.map((row) => def.filterText(row)), match), def.columns, sort) : []),
    [onService, serverRows, def, match, sort],
  );
  const localShown = useMemo(() => (onService ? [] : filterIndexed(sorted, keys, match)), [onService, sorted, keys, match]);
  const shown = onService ? serverShown : localShown;
  const selectedRow = selected === undefined ? undefined : (rows.find((r) => def.rowKey(r) === selected) ?? serverRows.find((r) => def.rowKey(r) === selected));

  const total = table.result?.total ?? 0;
  const loaded = rows.length;
  const nouns = `${def.noun}${total === 1 ? '' : 's'}`;
  // Over FULL_LIST_MAX_ROWS the page holds the broker's first page only, and says so.
  const whole = total <= FULL_LIST_MAX_ROWS;
  const rest = whole ? ` (loading the rest… ${loaded.toLocaleString('en-US')} so far)` : ` (the first ${loaded.toLocaleString('en-US')}: too many to list whole; the filter asks the broker)`;
  const countText = onService
    ? serverCount(server, total, nouns, whole)
    : `${shown.length.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${nouns}${loaded < total ? rest : ''}`;

  return (
    <div className="topo-table-area">
      <div className="topo-toolbar">
        <div className="topo-filter">
          <label htmlFor={`filter-${kind}`}>Filter</label>
          <input
            id={`filter-${kind}`}
            type="text"
            className="mono"
            placeholder="substring, or /regex/"
            value={filter}
            aria-invalid={match.ok ? undefined : true}
            aria-describedby={match.ok ? undefined : `filter-${kind}-error`}
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
        <p className="topo-count" data-testid="topo-count" aria-live="polite">
          {table.result ? countText : 'Loading…'}
        </p>
        {table.stale && table.result ? (
          <p className="topo-stale muted" role="status">
            as of {new Date(table.result.fetchedAt).toLocaleTimeString('en-GB')}, refreshing…
          </p>
        ) : null}
      </div>
      {!match.ok ? (
        <p id={`filter-${kind}-error`} className="field-error">
          {match.message}
        </p>
      ) : null}
      {table.error && !table.result ? <ErrorNotice title={`Could not list ${def.label.toLowerCase()}`} error={table.error} /> : null}
      {table.paused && table.result ? (
        <p className="topo-stale muted" role="status">
          Partial: Warren is reconnecting to the broker; these are the rows read at {new Date(table.result.fetchedAt).toLocaleTimeString('en-GB')}.
        </p>
      ) : null}
      {table.error && table.result ? (
        // During a broker restart a read may fail: what was read stays, and says it is partial.
        <p className="topo-stale muted" role="status">
          Partial: the rows read at {new Date(table.result.fetchedAt).toLocaleTimeString('en-GB')}; the latest read failed ({table.error.message}). Warren keeps trying.
        </p>
      ) : null}
      <div className="topo-split">
        <VirtualTable
          label={def.label}
          columns={def.columns}
          rows={shown}
          rowKey={def.rowKey}
          selectedKey={selected}
          onSelect={(row) => setSelected(def.rowKey(row))}
          sort={sort}
          onSort={setSort}
          emptyText={!table.result ? 'Loading…' : !filter ? `No ${def.noun}s here.` : onService && server.error ? 'The broker did not answer the filter yet; asking again…' : `No ${def.noun} matches “${filter}”.`}
        />
        {selectedRow ? <DetailPane key={selected} kind={kind} row={selectedRow as unknown as RowOf[K]} canChange={canChange} onDone={onDone} /> : null}
      </div>
    </div>
  );
}

/** "10 of 100,000 queues match (the first 100 shown; every row still loading)". */
function serverCount(server: ServerMatches, total: number, nouns: string, whole: boolean): string {
  const of = `of ${total.toLocaleString('en-US')} ${nouns}`;
  if (server.error) return `Could not filter on the broker (${server.error.message}); asking again${whole ? ' while the rest of the list loads' : ''}…`;
  if (server.pending || !server.result) return `Finding matches ${of}…`;
  const matched = server.result.matched ?? server.result.data.rows.length;
  const page = server.result.data.rows.length;
  const source = server.result.remembered ? `as of ${new Date(server.result.fetchedAt).toLocaleTimeString('en-GB')}` : 'from the broker';
  return `${matched.toLocaleString('en-US')} ${of} match (${page < matched ? `the first ${page.toLocaleString('en-US')} shown, ` : ''}${source}${whole ? '; every row still loading' : ''})`;
}
