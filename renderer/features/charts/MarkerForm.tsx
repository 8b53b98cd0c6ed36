/** Add a labelled marker now (on every chart), e.g. "deployed v2" or "started load test". */
import { useState, type FormEvent } from 'react';
import type { WarrenError } from '../../../shared/errors';
import { useStores } from '../../app/stores';
import { Field } from '../../ui/Field';

export function MarkerForm() {
  const { charts } = useStores();
  const [label, setLabel] = useState('');
  const [error, setError] = useState<WarrenError>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await charts.addMarker(label);
    if (!result.ok) return setError(result.error);
    setError(undefined);
    setLabel('');
  };
  return (
    <form className="charts-marker-form" onSubmit={(e) => void submit(e)}>
      <Field label="Marker label" error={error ? { message: error.message, hint: error.hint } : undefined}>
        {(control) => <input {...control} type="text" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={120} placeholder="deployed v2" />}
      </Field>
      <button type="submit" className="button" disabled={label.trim() === ''}>
        Add marker
      </button>
    </form>
  );
}
