/** Declare a queue: classic, quorum or stream, its flags, the usual x- arguments and free-form ones. */
import { useState, type FormEvent } from 'react';
import type { TypedArg } from '../../../shared/topology/arguments';
import type { WarrenError } from '../../../shared/errors';
import { useStores } from '../../app/stores';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CheckboxField, Field } from '../../ui/Field';
import { ArgumentsEditor, argKeyOf } from './ArgumentsEditor';
import { placeError, isError, optionalInt } from '../../ui/formKit';

const NUMBERS = [
  ['messageTtl', 'Message TTL (ms)'],
  ['expires', 'Queue expires after (ms unused)'],
  ['maxLength', 'Max length (messages)'],
  ['maxLengthBytes', 'Max length (bytes)'],
  ['maxPriority', 'Max priority'],
] as const;
/** Only quorum and stream queues take these; the form shows them for those types. */
const REPLICATED_NUMBERS = [
  ['initialGroupSize', 'Initial group size (nodes)', ['quorum', 'stream']],
  ['deliveryLimit', 'Delivery limit', ['quorum']],
  ['streamMaxSegmentSizeBytes', 'Segment size (bytes)', ['stream']],
] as const;
type NumberKey = (typeof NUMBERS)[number][0] | (typeof REPLICATED_NUMBERS)[number][0];

/** The fields a refusal can be shown at. */
const FIELDS: readonly string[] = ['name', 'type', 'overflow', 'deadLetterExchange', 'deadLetterRoutingKey', 'deadLetterStrategy', 'maxAge', ...NUMBERS.map(([key]) => key), ...REPLICATED_NUMBERS.map(([key]) => key)];

/** `initialName` fills the name in (e.g. a queue someone tried to attach to that does not exist). */
export function DeclareQueueForm({ vhost, onDone, initialName = '' }: { vhost: string; onDone: (message: string) => void; initialName?: string }) {
  const { topology } = useStores();
  const [name, setName] = useState(initialName);
  const [type, setType] = useState<'classic' | 'quorum' | 'stream'>('classic');
  const [durable, setDurable] = useState(true);
  const [exclusive, setExclusive] = useState(false);
  const [autoDelete, setAutoDelete] = useState(false);
  const [numbers, setNumbers] = useState<Record<NumberKey, string>>({ messageTtl: '', expires: '', maxLength: '', maxLengthBytes: '', maxPriority: '', initialGroupSize: '', deliveryLimit: '', streamMaxSegmentSizeBytes: '' });
  const [strategy, setStrategy] = useState('');
  const [maxAge, setMaxAge] = useState('');
  const replicated = REPLICATED_NUMBERS.filter(([, , types]) => (types as readonly string[]).includes(type));
  const [overflow, setOverflow] = useState('');
  const [dlx, setDlx] = useState('');
  const [dlk, setDlk] = useState('');
  const [sac, setSac] = useState(false);
  const [lazy, setLazy] = useState(false);
  const [args, setArgs] = useState<TypedArg[]>([]);
  const [error, setError] = useState<WarrenError>();
  const shown = placeError(error, FIELDS);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed: Partial<Record<NumberKey, number>> = {};
    for (const [key, label] of [...NUMBERS, ...replicated]) {
      const value = optionalInt(numbers[key], key, label);
      if (isError(value)) return setError(value);
      if (value !== undefined) parsed[key] = value;
    }
    setBusy(true);
    const result = await topology.declareQueue({
      name,
      type,
      durable,
      exclusive,
      autoDelete,
      ...parsed,
      ...(overflow ? { overflow: overflow as 'drop-head' } : {}),
      ...(dlx ? { deadLetterExchange: dlx } : {}),
      ...(dlk ? { deadLetterRoutingKey: dlk } : {}),
      ...(sac ? { singleActiveConsumer: true } : {}),
      ...(lazy ? { lazy: true } : {}),
      ...(type === 'quorum' && strategy ? { deadLetterStrategy: strategy as 'at-least-once' } : {}),
      ...(type === 'stream' && maxAge ? { maxAge } : {}),
      arguments: args,
    }, vhost);
    setBusy(false);
    // The form keeps every value after an error so the user can correct one field.
    if (!result.ok) return setError(result.error);
    setError(undefined);
    onDone(result.value);
  };

  return (
    <form className="topo-form" aria-label="Declare a queue" onSubmit={(e) => void submit(e)} noValidate>
      <h2 className="section-title">Declare a queue in {vhost}</h2>
      {shown.notice ? <ErrorNotice title="The queue was not declared" error={shown.notice} /> : null}
      <div className="form-grid">
        <Field label="Queue name" error={shown.at('name')} description="Empty lets the broker choose a name.">
          {(p) => <input {...p} type="text" className="mono" value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Queue type" error={shown.at('type')}>
          {(p) => (
            <select {...p} value={type} onChange={(e) => setType(e.target.value as typeof type)}>
              <option value="classic">classic</option>
              <option value="quorum">quorum</option>
              <option value="stream">stream</option>
            </select>
          )}
        </Field>
        <div className="topo-checks span-2">
          <CheckboxField label="Durable" checked={durable} onChange={setDurable} />
          <CheckboxField label="Exclusive" checked={exclusive} onChange={setExclusive} />
          <CheckboxField label="Auto-delete" checked={autoDelete} onChange={setAutoDelete} />
          <CheckboxField label="Single active consumer" checked={sac} onChange={setSac} />
          <CheckboxField label="Lazy mode" checked={lazy} onChange={setLazy} />
        </div>
        {NUMBERS.map(([key, label]) => (
          <Field key={key} label={label} error={shown.at(key)}>
            {(p) => <input {...p} type="text" inputMode="numeric" value={numbers[key]} onChange={(e) => setNumbers({ ...numbers, [key]: e.target.value })} />}
          </Field>
        ))}
        {replicated.map(([key, label]) => (
          <Field key={key} label={label} error={shown.at(key)}>
            {(p) => <input {...p} type="text" inputMode="numeric" value={numbers[key]} onChange={(e) => setNumbers({ ...numbers, [key]: e.target.value })} />}
          </Field>
        ))}
        {type === 'quorum' ? (
          <Field label="Dead-letter strategy" error={shown.at('deadLetterStrategy')} description="at-least-once needs overflow reject-publish.">
            {(p) => (
              <select {...p} value={strategy} onChange={(e) => setStrategy(e.target.value)}>
                <option value="">default (at-most-once)</option>
                <option value="at-most-once">at-most-once</option>
                <option value="at-least-once">at-least-once</option>
              </select>
            )}
          </Field>
        ) : null}
        {type === 'stream' ? (
          <Field label="Max age" error={shown.at('maxAge')} description="How long messages are kept: 7D, 12h, 30m …">
            {(p) => <input {...p} type="text" className="mono" value={maxAge} onChange={(e) => setMaxAge(e.target.value)} />}
          </Field>
        ) : null}
        <Field label="Overflow" error={shown.at('overflow')}>
          {(p) => (
            <select {...p} value={overflow} onChange={(e) => setOverflow(e.target.value)}>
              <option value="">default (drop-head)</option>
              <option value="drop-head">drop-head</option>
              <option value="reject-publish">reject-publish</option>
              <option value="reject-publish-dlx">reject-publish-dlx</option>
            </select>
          )}
        </Field>
        <Field label="Dead-letter exchange" error={shown.at('deadLetterExchange')}>
          {(p) => <input {...p} type="text" className="mono" value={dlx} onChange={(e) => setDlx(e.target.value)} />}
        </Field>
        <Field label="Dead-letter routing key" error={shown.at('deadLetterRoutingKey')}>
          {(p) => <input {...p} type="text" className="mono" value={dlk} onChange={(e) => setDlk(e.target.value)} />}
        </Field>
        <div className="span-2">
          <ArgumentsEditor legend="Other arguments" noun="Argument" value={args} onChange={setArgs} invalidKey={argKeyOf(error?.field)} />
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Declaring…' : 'Declare queue'}
        </button>
      </div>
    </form>
  );
}
