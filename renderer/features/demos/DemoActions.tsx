/** The demo's own buttons (place orders, send a routing key …), each with its field when it needs one. */
import { useState } from 'react';
import type { DemoActionInfo } from '../../../shared/demos/types';
import type { WarrenError } from '../../../shared/errors';
import { Field } from '../../ui/Field';

interface Props {
  actions: DemoActionInfo[];
  disabled: boolean;
  onAction: (id: string, input: { routingKey?: string; count?: number; rate?: number }) => Promise<WarrenError | undefined>;
}

export function DemoActions({ actions, disabled, onAction }: Props) {
  if (actions.length === 0) return null;
  return (
    <div className="demo-actions" aria-label="Demo actions" role="group">
      {actions.map((a) => (
        <ActionControl key={a.id} action={a} disabled={disabled} onAction={onAction} />
      ))}
    </div>
  );
}

function ActionControl({ action, disabled, onAction }: { action: DemoActionInfo; disabled: boolean; onAction: Props['onAction'] }) {
  // Kept after an error so the user can fix it.
  const [value, setValue] = useState(action.input === 'routingKey' ? 'kernel.error' : action.input === 'count' ? '5' : action.input === 'rate' ? '2' : '');
  const [error, setError] = useState<WarrenError>();
  const submit = async () => {
    const input = action.input === 'routingKey' ? { routingKey: value } : action.input === 'count' ? { count: Number(value) } : action.input === 'rate' ? { rate: Number(value) } : {};
    setError(await onAction(action.id, input));
  };
  const label = action.input === 'routingKey' ? 'Routing key' : action.input === 'count' ? 'Orders in the burst' : 'Orders per second';
  return (
    <form
      className="demo-action"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {action.input ? (
        <Field label={label} error={error} description={action.help}>
          {(control) => (
            <input {...control} value={value} onChange={(e) => setValue(e.target.value)} inputMode={action.input === 'routingKey' ? 'text' : 'decimal'} maxLength={255} />
          )}
        </Field>
      ) : null}
      <button type="submit" className="button" disabled={disabled} title={action.input ? undefined : action.help}>
        {action.label}
      </button>
      {!action.input && error ? <p className="field-error">{error.message}</p> : null}
    </form>
  );
}
