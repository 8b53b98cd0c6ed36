/** Typed header rows: name, type, value (arrays and tables as JSON). */
import { EDITABLE_TYPES, type EditableType, type HeaderRow } from '../../../shared/messaging/codec';

interface Props {
  label: string;
  rows: HeaderRow[];
  onChange: (rows: HeaderRow[]) => void;
  errorRow?: number;
}

export function HeadersEditor({ label, rows, onChange, errorRow }: Props) {
  const set = (i: number, patch: Partial<HeaderRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="fieldset msg-headers">
      <legend>{label}</legend>
      {rows.length === 0 ? <p className="section-note">None.</p> : null}
      {rows.map((row, i) => (
        <div key={i} className={`msg-header-row${errorRow === i ? ' field-invalid' : ''}`}>
          <input aria-label={`${label} ${i + 1} name`} placeholder="name" value={row.key} onChange={(e) => set(i, { key: e.target.value })} />
          <select aria-label={`${label} ${i + 1} type`} value={row.type} onChange={(e) => set(i, { type: e.target.value as EditableType })}>
            {EDITABLE_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <input
            aria-label={`${label} ${i + 1} value`}
            placeholder={row.type === 'array' ? '[1, "a"]' : row.type === 'table' ? '{"k": 1}' : row.type === 'null' ? '(null)' : 'value'}
            disabled={row.type === 'null'}
            value={row.text}
            onChange={(e) => set(i, { text: e.target.value })}
          />
          <button type="button" className="icon-button" aria-label={`Remove ${label.toLowerCase()} ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="button button-quiet" onClick={() => onChange([...rows, { key: '', type: 'string', text: '' }])}>
        Add {label.toLowerCase().replace(/s$/, '')}
      </button>
    </fieldset>
  );
}
