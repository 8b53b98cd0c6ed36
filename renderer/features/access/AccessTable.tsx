/** One list of the Access page: a card with its title and "new" button, its form when open, and a table with row actions. */
import type { ReactNode } from 'react';

interface Props {
  id: string;
  title: string;
  newLabel: string;
  onNew: () => void;
  note?: ReactNode;
  /** The create/edit form, when open. */
  form?: ReactNode;
  columns: string[];
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  children: ReactNode[];
}

export function AccessTable({ id, title, newLabel, onNew, note, form, columns, empty, children }: Props) {
  const headingId = `${id}-heading`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId} className="section-title">
          {title}
        </h2>
        <button type="button" className="button button-small" onClick={onNew}>
          {newLabel}
        </button>
      </div>
      {note ? <p className="section-note">{note}</p> : null}
      {form}
      {children.length === 0 && empty ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-labelledby={headingId}>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A row's Edit and Delete (or Remove) buttons, each labelled with what it acts on. */
export function RowActions({ what, onEdit, onDelete, deleteLabel = 'Delete' }: { what: string; onEdit: () => void; onDelete: () => void; deleteLabel?: string }) {
  return (
    <td className="access-actions">
      <button type="button" className="button button-small" onClick={onEdit} aria-label={`Edit ${what}`}>
        Edit
      </button>
      <button type="button" className="button button-small button-danger-quiet" onClick={onDelete} aria-label={`${deleteLabel} ${what}`}>
        {deleteLabel}
      </button>
    </td>
  );
}
