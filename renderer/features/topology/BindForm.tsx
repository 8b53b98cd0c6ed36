/** Bind a queue or an exchange to an exchange: routing key, or x-match and header arguments for headers exchanges. */
import { useId, useState, type FormEvent } from 'react';
import type { TypedArg } from '../../../shared/topology/arguments';
import type { WarrenError } from '../../../shared/errors';
import { useStores } from '../../app/stores';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { ArgumentsEditor, argKeyOf } from './ArgumentsEditor';
import { placeError } from '../../ui/formKit';

interface Props {
  vhost: string;
  exchanges: { name: string; type: string }[];
  queues: string[];
  onDone: (message: string) => void;
}

/** The fields a refusal can be shown at. */
const FIELDS: readonly string[] = ['source', 'destination', 'routingKey'];

export function BindForm({ vhost, exchanges, queues, onDone }: Props) {
  const { topology } = useStores();
  const listId = useId();
  const [source, setSource] = useState('');
  const [destinationType, setDestinationType] = useState<'queue' | 'exchange'>('queue');
  const [destination, setDestination] = useState('');
  const [routingKey, setRoutingKey] = useState('');
  const [xMatch, setXMatch] = useState<'all' | 'any' | 'all-with-x' | 'any-with-x'>('all');
  const [args, setArgs] = useState<TypedArg[]>([]);
  const [error, setError] = useState<WarrenError>();
  const shown = placeError(error, FIELDS);
  const [busy, setBusy] = useState(false);
  const sourceType = exchanges.find((x) => x.name === source)?.type;
  const headers = sourceType === 'headers';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await topology.bind({
      source,
      destination,
      destinationType,
      routingKey,
      ...(headers ? { xMatch } : {}),
      arguments: args,
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(undefined);
    onDone(`Bound ${destinationType} ${destination} to ${source}${headers ? '' : ` with key “${routingKey}”`}`);
  };

  return (
    <form className="topo-form" aria-label="Bind" onSubmit={(e) => void submit(e)} noValidate>
      <h2 className="section-title">Add a binding in {vhost}</h2>
      {shown.notice ? <ErrorNotice title="The binding was not made" error={shown.notice} /> : null}
      <datalist id={`${listId}-x`}>
        {exchanges.filter((x) => x.name !== '').map((x) => (
          <option key={x.name} value={x.name}>
            {x.type}
          </option>
        ))}
      </datalist>
      <datalist id={`${listId}-q`}>
        {queues.slice(0, 500).map((q) => (
          <option key={q} value={q} />
        ))}
      </datalist>
      <div className="form-grid">
        <Field label="Source exchange" error={shown.at('source')} description={sourceType ? `A ${sourceType} exchange.` : undefined}>
          {(p) => <input {...p} type="text" className="mono" list={`${listId}-x`} value={source} onChange={(e) => setSource(e.target.value)} />}
        </Field>
        <Field label="Destination kind">
          {(p) => (
            <select {...p} value={destinationType} onChange={(e) => setDestinationType(e.target.value as 'queue' | 'exchange')}>
              <option value="queue">queue</option>
              <option value="exchange">exchange</option>
            </select>
          )}
        </Field>
        <Field label="Destination" error={shown.at('destination')}>
          {(p) => (
            <input {...p} type="text" className="mono" list={destinationType === 'queue' ? `${listId}-q` : `${listId}-x`} value={destination} onChange={(e) => setDestination(e.target.value)} />
          )}
        </Field>
        {headers ? (
          <Field label="x-match" description="all: every header must match; any: one is enough; -with-x also compares x- headers.">
            {(p) => (
              <select {...p} value={xMatch} onChange={(e) => setXMatch(e.target.value as typeof xMatch)}>
                <option value="all">all</option>
                <option value="any">any</option>
                <option value="all-with-x">all-with-x</option>
                <option value="any-with-x">any-with-x</option>
              </select>
            )}
          </Field>
        ) : (
          <Field label="Routing key" error={shown.at('routingKey')} description={sourceType === 'topic' ? '* matches one word, # zero or more.' : undefined}>
            {(p) => <input {...p} type="text" className="mono" value={routingKey} onChange={(e) => setRoutingKey(e.target.value)} />}
          </Field>
        )}
        <div className="span-2">
          <ArgumentsEditor legend={headers ? 'Header arguments' : 'Binding arguments'} noun="Argument" value={args} onChange={setArgs} invalidKey={argKeyOf(error?.field)} />
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Binding…' : 'Bind'}
        </button>
      </div>
    </form>
  );
}
