/** A permission pattern: checked as it is typed, so a pattern the broker cannot compile never leaves the page. */
import { patternProblem } from '../../../shared/access/patterns';
import { Field, type FieldError } from '../../ui/Field';

export function PatternField({ label, value, onChange, error }: { label: string; value: string; onChange: (value: string) => void; error?: FieldError }) {
  const problem = patternProblem(value);
  return (
    <Field label={label} error={error ?? (problem ? { message: problem, hint: 'Escape a literal dot as \\. ; ".*" is everything, empty is nothing.' } : undefined)}>
      {(p) => <input {...p} type="text" className="mono" spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

export const patternsValid = (...patterns: string[]) => patterns.every((p) => patternProblem(p) === undefined);
