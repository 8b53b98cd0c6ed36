/** Attach a consumer to a queue, or tap an exchange through a temporary exclusive queue. */
import { useState } from 'react';
import { rowsToEntries, type HeaderRow } from '../../../shared/messaging/codec';
import { ACK_WAIT_MS, KEEP_DEFAULT, KEEP_MAX, KEEP_MIN, NEWEST_PER_UPDATE, type AckMode, type ConsumerShow } from '../../../shared/messaging/types';
import type { WarrenError } from '../../../shared/errors';
import { useStores } from '../../app/stores';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { invalid } from '../../ui/invalid';
import { CheckboxField, Field } from '../../ui/Field';
import { HeadersEditor } from './HeadersEditor';
import { DeclareQueueForm } from '../topology/DeclareQueueForm';
import { useWarren } from '../../app/useWarren';
import '../topology/topology.css';

export function AttachForm({ queues, exchanges }: { queues: string[]; exchanges: string[] }) {
  const { messaging } = useStores();
  const { connection } = useWarren();
  /** The queue an attach found missing, while its declare form is open. */
  const [declaring, setDeclaring] = useState<string>();
  const [declared, setDeclared] = useState<string>();
  const [kind, setKind] = useState<'queue' | 'tap'>('queue');
  const [queue, setQueue] = useState('');
  const [exchange, setExchange] = useState('');
  const [bindingKey, setBindingKey] = useState('#');
  const [prefetch, setPrefetch] = useState('10');
  const [ackMode, setAckMode] = useState<AckMode>('manual');
  const [simulate, setSimulate] = useState<'dots' | 'fixed'>('dots');
  const [simulateMs, setSimulateMs] = useState('500');
  const [exclusive, setExclusive] = useState(false);
  const [show, setShow] = useState<ConsumerShow>('every');
  const [keep, setKeep] = useState(String(KEEP_DEFAULT));
  const [consumerTag, setConsumerTag] = useState('');
  const [args, setArgs] = useState<HeaderRow[]>([]);
  const [error, setError] = useState<WarrenError>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setError(undefined);
    setDeclared(undefined);
    const parsedArgs = rowsToEntries(args);
    if (!parsedArgs.ok) return setError(invalid(parsedArgs.message, { field: 'arguments', hint: 'Fix the argument and try again.' }));
    const n = Number(prefetch);
    if (!Number.isInteger(n) || n < 0 || n > 65535) return setError(invalid('Prefetch is a whole number from 0 (unlimited) to 65535', { field: 'prefetch', hint: 'e.g. 10' }));
    const kept = Number(keep.replace(/[\s,]/g, ''));
    if (!Number.isInteger(kept) || kept < KEEP_MIN || kept > KEEP_MAX) {
      return setError(invalid(`Keep is a whole number from ${KEEP_MIN} to ${KEEP_MAX.toLocaleString('en')}`, { field: 'keep', hint: `e.g. ${KEEP_DEFAULT.toLocaleString('en')}` }));
    }
    const options = {
      prefetch: n,
      keep: kept,
      ackMode,
      exclusive,
      show,
      ...(ackMode === 'simulated' ? { simulate: simulate === 'dots' ? { kind: 'dots' as const } : { kind: 'fixed' as const, ms: Math.max(0, Math.floor(Number(simulateMs) || 0)) } } : {}),
      ...(consumerTag ? { consumerTag } : {}),
      ...(parsedArgs.value.length ? { arguments: parsedArgs.value } : {}),
    };
    setBusy(true);
    const r = kind === 'queue' ? await messaging.attach({ queue, ...options }) : await messaging.tap({ exchange, bindingKey, ...options });
    setBusy(false);
    if (!r.ok) setError(r.error);
  };

  return (
    <section className="card msg-attach" aria-labelledby="attach-title">
      <h2 id="attach-title" className="section-title">Attach a consumer</h2>
      <div role="radiogroup" aria-label="Consume from" className="msg-segmented">
        <button type="button" role="radio" aria-checked={kind === 'queue'} className={kind === 'queue' ? 'active' : ''} onClick={() => setKind('queue')}>Queue</button>
        <button type="button" role="radio" aria-checked={kind === 'tap'} className={kind === 'tap' ? 'active' : ''} onClick={() => setKind('tap')}>Tap an exchange</button>
      </div>
      {kind === 'queue' ? (
        <Field label="Queue">
          {(c) => (
            <>
              <input {...c} list="msg-queues" value={queue} onChange={(e) => setQueue(e.target.value)} />
              <datalist id="msg-queues">{queues.map((q) => <option key={q} value={q} />)}</datalist>
            </>
          )}
        </Field>
      ) : (
        <div className="form-grid">
          <Field label="Exchange to tap" description="Warren declares a temporary exclusive queue bound with this key, and deletes it on detach.">
            {(c) => (
              <>
                <input {...c} list="msg-tap-exchanges" value={exchange} onChange={(e) => setExchange(e.target.value)} />
                <datalist id="msg-tap-exchanges">{exchanges.map((x) => <option key={x} value={x} />)}</datalist>
              </>
            )}
          </Field>
          <Field label="Binding key">{(c) => <input {...c} value={bindingKey} onChange={(e) => setBindingKey(e.target.value)} />}</Field>
        </div>
      )}
      <div className="msg-attach-options">
        <Field label="Prefetch">{(c) => <input {...c} inputMode="numeric" value={prefetch} onChange={(e) => setPrefetch(e.target.value)} />}</Field>
        <Field label="Acknowledgement">
          {(c) => (
            <select {...c} value={ackMode} onChange={(e) => setAckMode(e.target.value as AckMode)}>
              <option value="manual">Manual (ack/nack/reject here)</option>
              <option value="auto">Auto-ack (no ack)</option>
              <option value="simulated">Ack after simulated work</option>
            </select>
          )}
        </Field>
        {ackMode === 'simulated' ? (
          <Field label="Work time">
            {(c) => (
              <select {...c} value={simulate} onChange={(e) => setSimulate(e.target.value as 'dots' | 'fixed')}>
                <option value="dots">1 s per “.” in the body</option>
                <option value="fixed">Fixed</option>
              </select>
            )}
          </Field>
        ) : null}
        {ackMode === 'simulated' && simulate === 'fixed' ? (
          <Field label="Milliseconds" description={`At 0 ms, acks go in batches: a quarter of the prefetch, or every ${ACK_WAIT_MS} ms.`}>{(c) => <input {...c} inputMode="numeric" value={simulateMs} onChange={(e) => setSimulateMs(e.target.value)} />}</Field>
        ) : null}
        <Field label="Show" description="Every message is counted and kept in Warren's list either way.">
          {(c) => (
            <select {...c} value={show} onChange={(e) => setShow(e.target.value as ConsumerShow)}>
              <option value="every">Every message (up to 2,000 an update)</option>
              <option value="newest">The newest {NEWEST_PER_UPDATE} of each update (the rest counted)</option>
            </select>
          )}
        </Field>
        <Field label="Keep" description="Newest messages Warren keeps to open in full; older ones are counted.">
          {(c) => <input {...c} inputMode="numeric" value={keep} onChange={(e) => setKeep(e.target.value)} />}
        </Field>
        <Field label="Consumer tag">{(c) => <input {...c} placeholder="(broker picks)" value={consumerTag} onChange={(e) => setConsumerTag(e.target.value)} />}</Field>
        <div className="field msg-attach-check">
          <span className="field-label-spacer" aria-hidden="true" />
          <CheckboxField label="Exclusive consumer" checked={exclusive} onChange={setExclusive} />
        </div>
      </div>
      <HeadersEditor label="Arguments" rows={args} onChange={setArgs} />
      <p className="section-note">E.g. x-priority (int), or x-stream-offset (string “first”, or int) for a stream with prefetch &gt; 0 and manual ack.</p>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void submit()}>
          {kind === 'queue' ? 'Attach' : 'Tap'}
        </button>
      </div>
      {error && !declaring ? (
        <ErrorNotice title="Could not attach" error={error} onDismiss={() => setError(undefined)}>
          {kind === 'queue' && error.code === 'NOT_FOUND' && connection.vhost !== undefined ? (
            <button type="button" className="button" onClick={() => setDeclaring(queue)}>
              Declare it
            </button>
          ) : null}
        </ErrorNotice>
      ) : null}
      {declaring !== undefined && connection.vhost !== undefined ? (
        <div className="card topo-form-card">
          <DeclareQueueForm
            vhost={connection.vhost}
            initialName={declaring}
            onDone={(message) => {
              setDeclaring(undefined);
              setError(undefined);
              setDeclared(message);
            }}
          />
          <div className="button-row">
            <button type="button" className="button button-quiet" onClick={() => setDeclaring(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {declared ? <p role="status">{declared}. Attach again to consume from it.</p> : null}
    </section>
  );
}
