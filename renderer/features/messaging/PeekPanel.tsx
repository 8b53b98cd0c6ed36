/**
 * Peek at a queue through the management API's get with requeue — with its honest caveat — and
 * Get messages beside it, as the management UI offers it: the ack mode's consequence is said
 * under the choice, and a mode that takes messages out of the queue asks first.
 */
import { useState } from 'react';
import type { ReceivedMessage } from '../../../shared/messaging/types';
import type { WarrenError } from '../../../shared/errors';
import { useStores } from '../../app/stores';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { GET_ACK_MODES, GET_MODE, getConsequence, type GetAckMode, type GetEncoding } from '../../../shared/messaging/get-modes';
import { MessageDetail } from './MessageDetail';

export function PeekPanel({ queues }: { queues: string[] }) {
  const { messaging } = useStores();
  const [queue, setQueue] = useState('');
  const [count, setCount] = useState('5');
  const [messages, setMessages] = useState<ReceivedMessage[]>();
  const [error, setError] = useState<WarrenError>();
  const [ackMode, setAckMode] = useState<GetAckMode>('requeue');
  const [encoding, setEncoding] = useState<GetEncoding>('auto');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const howMany = Math.min(100, Math.max(1, Number(count) || 5));
  const consequence = getConsequence(ackMode, howMany, queue);
  const peek = async () => {
    setError(undefined);
    const r = await messaging.peek({ queue, count: howMany });
    if (r.ok) setMessages(r.value);
    else setError(r.error);
  };
  const get = async () => {
    setError(undefined);
    setBusy(true);
    const r = await messaging.get({ queue, count: howMany, ackMode, encoding });
    setBusy(false);
    setConfirming(false);
    if (r.ok) setMessages(r.value);
    else setError(r.error);
  };
  return (
    <section className="card" aria-labelledby="peek-title">
      <h2 id="peek-title" className="section-title">Peek and get messages</h2>
      {/* One block of text: a notice lays out its children as columns, so the sentence is one child. */}
      <div className="notice notice-warning msg-caveat" role="note" aria-label="Peek caveat">
        <p className="notice-message">
          Peek takes messages with the management API and puts them back (requeue). The broker then marks them <strong>redelivered</strong>, and they may come back in a different order. Consumers attached meanwhile may receive them.
        </p>
      </div>
      <div className="msg-repeat-row">
        <Field label="Queue to peek">
          {(c) => (
            <>
              <input {...c} list="msg-peek-queues" value={queue} onChange={(e) => setQueue(e.target.value)} />
              <datalist id="msg-peek-queues">{queues.map((q) => <option key={q} value={q} />)}</datalist>
            </>
          )}
        </Field>
        <Field label="How many">{(c) => <input {...c} inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} />}</Field>
        <button type="button" className="button" onClick={() => void peek()}>Peek</button>
      </div>
      <div className="msg-repeat-row">
        <Field label="Ack mode">
          {(c) => (
            <select {...c} value={ackMode} onChange={(e) => setAckMode(e.target.value as GetAckMode)}>
              {GET_ACK_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {GET_MODE[mode].label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Body encoding">
          {(c) => (
            <select {...c} value={encoding} onChange={(e) => setEncoding(e.target.value as GetEncoding)}>
              <option value="auto">Auto (text when it is UTF-8)</option>
              <option value="base64">Base64</option>
            </select>
          )}
        </Field>
        <button
          type="button"
          className={`button${GET_MODE[ackMode].removes ? ' button-danger-quiet' : ''}`}
          disabled={busy}
          onClick={() => (GET_MODE[ackMode].removes ? setConfirming(true) : void get())}
        >
          Get messages
        </button>
      </div>
      <p className="section-note" role="note" aria-label="What Get messages does">
        {consequence}
      </p>
      {confirming ? (
        <ConfirmDialog
          title="Get messages"
          message={`${consequence} This cannot be undone.`}
          confirmLabel={ackMode === 'ack' ? 'Get and ack' : 'Get and reject'}
          busyLabel="Getting…"
          busy={busy}
          onConfirm={() => void get()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
      {error ? <ErrorNotice title="Could not get messages" error={error} /> : null}
      {messages?.length === 0 ? <p className="section-note">The queue is empty.</p> : null}
      {messages?.map((m) => <MessageDetail key={m.id} message={m} />)}
    </section>
  );
}
