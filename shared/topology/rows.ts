/** Reading a table result as the rows of the kind the caller asked for. Pure. */
import type { RowOf, TableKind, TableRows } from './types';

/**
 * The rows of `data` when it holds `kind`, else an empty list (a result of another kind holds
 * none of the rows asked for). TypeScript cannot narrow a union by a generic kind, so the one
 * cast lives here, guarded by the check on `data.kind`.
 */
export function rowsOf<K extends TableKind>(data: TableRows, kind: K): RowOf[K][] {
  return data.kind === kind ? (data.rows as RowOf[K][]) : [];
}
