/** Free-form typed arguments (or headers): name, type and value per row. */
import type { ArgType, TypedArg } from '../../../shared/topology/arguments';
import { ARG_TYPES } from '../../../shared/topology/arguments';

interface Props {
  legend: string;
  /** Field label prefix: "Argument", "Header". */
  noun: string;
  value: TypedArg[];
  onChange: (next: TypedArg[]) => void;
  /** The field the last error named (arguments.<key>), to mark that row. */
  invalidKey?: string;
}

export function ArgumentsEditor({ legend, noun, value, onChange, invalidKey }: Props) {
  const update = (index: number, patch: Partial<TypedArg>) => onChange(value.map((arg, i) => (i === index ? { ...arg, ...patch } : arg)));
  return (
    <fieldset className="fieldset topo-args">
      <legend>{legend}</legend>
      {value.map((arg, index) => {
        const invalid = invalidKey !== undefined && (arg.key === invalidKey || String(index) === invalidKey) ? true : undefined;
        return (
          <div className="topo-arg-row" key={index}>
            <input type="text" className="mono" aria-label={`${noun} ${index + 1} name`} placeholder="name" value={arg.key} aria-invalid={invalid} onChange={(e) => update(index, { key: e.target.value })} />
            <select aria-label={`${noun} ${index + 1} type`} value={arg.type} onChange={(e) => update(index, { type: e.target.value as ArgType })}>
              {ARG_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t === 'null' ? 'void (presence only)' : t}
                </option>
              ))}
            </select>
            <input
              type="text"
              className="mono"
              aria-label={`${noun} ${index + 1} value`}
              placeholder={arg.type === 'list' ? '["a", 1]' : arg.type === 'boolean' ? 'true' : 'value'}
              disabled={arg.type === 'null'}
              value={arg.value}
              aria-invalid={invalid}
              onChange={(e) => update(index, { value: e.target.value })}
            />
            <button type="button" className="icon-button" aria-label={`Remove ${noun.toLowerCase()} ${index + 1}`} onClick={() => onChange(value.filter((_, i) => i !== index))}>
              ×
            </button>
          </div>
        );
      })}
      <div>
        <button type="button" className="button button-quiet" onClick={() => onChange([...value, { key: '', type: 'string', value: '' }])}>
          Add {noun.toLowerCase()}
        </button>
      </div>
    </fieldset>
  );
}

/** The key an error's field names ("arguments.x-message-ttl" → "x-message-ttl"). */
export function argKeyOf(field: string | undefined, prefix = 'arguments'): string | undefined {
  return field?.startsWith(`${prefix}.`) ? field.slice(prefix.length + 1) : undefined;
}
