/**
 * Move messages: out of a queue to another queue, an exchange, or back where they were
 * dead-lettered from — each confirmed at the destination before it leaves the source.
 */
import { useState, type FormEvent } from 'react';
import type { MoveDestination } from '../../../shared/move/types';
import type { WarrenError } from '../../../shared/errors';
import { useStores } from '../../app/stores';
import { useStore } from '../../app/store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { isError, optionalInt, placeError } from '../../ui/formKit';
import { PageShell } from '../../ui/PageShell';
import { moveReport } from './store';
import './move.css';

type Kind = MoveDestination['kind'];
const FIELDS = ['source', 'destination', 'count', 'vhost'];

export function MovePage() {
  const { move } = useStores();
  const { progress } = useStore(move);
  const [source, setSource] = useState('');
  const [kind, setKind] = useState<Kind>('queue');
  const [queue, setQueue] = useState('');
  const [exchange, setExchange] = useState('');
  const [routingKey, setRoutingKey] = useState('');
  const [mode, setMode] = useState<'move' | 'copy'>('move');
  const [count, setCount] = useState('');
  const [headerKey, setHeaderKey] = useState('');
  const [headerValue, setHeaderValue] = useState('');
  const [bodyContains, setBodyContains] = useState('');
  const [error, setError] = useState<WarrenError>();
  const shown = placeError(error, FIELDS);
  const running = progress?.state === 'running';

  const destination = (): MoveDestination =>
    kind === 'queue' ? { kind, queue } : kind === 'exchange' ? { kind, exchange, routingKey } : { kind: 'replay' };

  const start = async (event: FormEvent) => {
    event.preventDefault();
    const n = optionalInt(count, 'count', 'Count');
    if (isError(n)) return setError(n);
    const result = await move.start({
      source,
      destination: destination(),
      mode,
      ...(n === undefined ? {} : { count: n }),
      filter: {
        ...(headerKey ? { header: { key: headerKey, value: headerValue } } : {}),
        ...(bodyContains ? { bodyContains } : {}),
      },
    });
    setError(result.ok ? undefined : result.error);
  };

  const consequence =
    mode === 'move'
      ? 'Each message leaves the source only after the destination confirmed it: a restart or a crash in the middle loses nothing (a few may arrive twice).'
      : 'The source keeps every message; the destination gets a copy of each.';

  return (
    <PageShell title="Move messages" subtitle="Out of a queue: to another queue, to an exchange, or back where dead letters came from." needs="connected" className="move-page">
      <form className="card move-form" aria-label="Move messages" onSubmit={(e) => void start(e)} noValidate>
        {shown.notice ? <ErrorNotice title="Nothing was moved" error={shown.notice} /> : null}
        <div className="form-grid">
          <Field label="Source queue" error={shown.at('source')}>
            {(p) => <input {...p} type="text" className="mono" value={source} onChange={(e) => setSource(e.target.value)} />}
          </Field>
          <Field label="Move or copy">
            {(p) => (
              <select {...p} value={mode} onChange={(e) => setMode(e.target.value as 'move' | 'copy')}>
                <option value="move">Move (take out of the source)</option>
                <option value="copy">Copy (the source keeps them)</option>
              </select>
            )}
          </Field>
          <Field label="Destination" error={shown.at('destination')}>
            {(p) => (
              <select {...p} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
                <option value="queue">Another queue</option>
                <option value="exchange">An exchange, with a routing key</option>
                <option value="replay">Replay: where each was dead-lettered from</option>
              </select>
            )}
          </Field>
          {kind === 'queue' ? (
            <Field label="Destination queue">{(p) => <input {...p} type="text" className="mono" value={queue} onChange={(e) => setQueue(e.target.value)} />}</Field>
          ) : null}
          {kind === 'exchange' ? (
            <>
              <Field label="Exchange" description="Empty is the default exchange.">
                {(p) => <input {...p} type="text" className="mono" value={exchange} onChange={(e) => setExchange(e.target.value)} />}
              </Field>
              <Field label="Routing key">{(p) => <input {...p} type="text" className="mono" value={routingKey} onChange={(e) => setRoutingKey(e.target.value)} />}</Field>
            </>
          ) : null}
          {kind === 'replay' ? <p className="section-note span-2">Each message goes to the exchange and routing key of its newest x-death entry; one that was never dead-lettered stays in the source.</p> : null}
          <Field label="Count" error={shown.at('count')} description="Empty for all (the source's depth when it starts).">
            {(p) => <input {...p} type="text" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} />}
          </Field>
          <Field label="Only with header" description="Name; the value below must equal it.">
            {(p) => <input {...p} type="text" className="mono" value={headerKey} onChange={(e) => setHeaderKey(e.target.value)} />}
          </Field>
          <Field label="Header value">{(p) => <input {...p} type="text" className="mono" value={headerValue} disabled={!headerKey} onChange={(e) => setHeaderValue(e.target.value)} />}</Field>
          <Field label="Only if the body contains">
            {(p) => <input {...p} type="text" className="mono" value={bodyContains} onChange={(e) => setBodyContains(e.target.value)} />}
          </Field>
        </div>
        <p className="section-note">{consequence} Messages that do not match stay in the source, in their order.</p>
        <div className="button-row">
          {running && progress ? (
            <button type="button" className="button button-danger" onClick={() => void move.cancel(progress.runId)}>
              Cancel
            </button>
          ) : (
            <button type="submit" className="button button-primary">
              {mode === 'move' ? 'Move messages' : 'Copy messages'}
            </button>
          )}
        </div>
      </form>
      {progress ? (
        <section className="card move-progress" aria-label="Move progress">
          <progress aria-label={`${progress.mode === 'copy' ? 'Copy' : 'Move'} progress`} max={Math.max(1, progress.limit)} value={progress.moved + progress.skipped + progress.unroutable} />
          <p role="status" aria-label="Move status">
            {moveReport(progress)}
          </p>
          {progress.error ? <ErrorNotice title="The run stopped" error={progress.error} /> : null}
        </section>
      ) : null}
    </PageShell>
  );
}
