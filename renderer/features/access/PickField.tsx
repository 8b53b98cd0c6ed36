/** A select of names the broker listed (users, virtual hosts), locked when editing an existing row. */
import { Field } from '../../ui/Field';

export function PickField({ label, value, options, onChange, locked }: { label: string; value: string; options: string[]; onChange: (value: string) => void; locked: boolean }) {
  return (
    <Field label={label}>
      {(p) => (
        <select {...p} value={value} disabled={locked} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
