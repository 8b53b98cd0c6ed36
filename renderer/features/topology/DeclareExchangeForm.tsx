/** Declare an exchange: any type the broker lists, its flags, an alternate exchange and arguments. */
import { useEffect, useState, type FormEvent } from 'react';
import type { TypedArg } from '../../../shared/topology/arguments';
import type { WarrenError } from '../../../shared/errors';
import { useStores } from '../../app/stores';
import { useStore } from '../../app/store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CheckboxField, Field } from '../../ui/Field';
import { ArgumentsEditor, argKeyOf } from './ArgumentsEditor';
import { placeError } from '../../ui/formKit';

/** The fields a refusal can be shown at. */
const FIELDS: readonly string[] = ['name', 'type', 'alternateExchange'];

export function DeclareExchangeForm({ vhost, onDone }: { vhost: string; onDone: (message: string) => void }) {
  const { topology } = useStores();
  const { exchangeTypes } = useStore(topology);
  useEffect(() => void topology.loadExchangeTypes(), [topology]);
  const [name, setName] = useState('');
  const [type, setType] = useState('direct');
  const [durable, setDurable] = useState(true);
  const [autoDelete, setAutoDelete] = useState(false);
  const [internal, setInternal] = useState(false);
  const [alternate, setAlternate] = useState('');
  const [args, setArgs] = useState<TypedArg[]>([]);
  const [error, setError] = useState<WarrenError>();
  const shown = placeError(error, FIELDS);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await topology.declareExchange({
      name,
      type,
      durable,
      autoDelete,
      internal,
      ...(alternate ? { alternateExchange: alternate } : {}),
      arguments: args,
    }, vhost);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(undefined);
    onDone(result.value);
  };

  const options = exchangeTypes ?? ['direct', 'fanout', 'headers', 'topic'];
  return (
    <form className="topo-form" aria-label="Declare an exchange" onSubmit={(e) => void submit(e)} noValidate>
      <h2 className="section-title">Declare an exchange in {vhost}</h2>
      {shown.notice ? <ErrorNotice title="The exchange was not declared" error={shown.notice} /> : null}
      <div className="form-grid">
        <Field label="Exchange name" error={shown.at('name')}>
          {(p) => <input {...p} type="text" className="mono" value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Exchange type" error={shown.at('type')}>
          {(p) => (
            <select {...p} value={type} onChange={(e) => setType(e.target.value)}>
              {options.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="topo-checks span-2">
          <CheckboxField label="Durable" checked={durable} onChange={setDurable} />
          <CheckboxField label="Auto-delete" checked={autoDelete} onChange={setAutoDelete} />
          <CheckboxField label="Internal" checked={internal} onChange={setInternal} description="Only other exchanges may publish to it." />
        </div>
        <Field label="Alternate exchange" error={shown.at('alternateExchange')} description="Where messages no binding matches go.">
          {(p) => <input {...p} type="text" className="mono" value={alternate} onChange={(e) => setAlternate(e.target.value)} />}
        </Field>
        <div className="span-2">
          <ArgumentsEditor legend="Arguments" noun="Argument" value={args} onChange={setArgs} invalidKey={argKeyOf(error?.field)} />
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Declaring…' : 'Declare exchange'}
        </button>
      </div>
    </form>
  );
}
