/** Peek at a queue through the management API's get with requeue — with its honest caveat. */
import { useState } from 'react';
import type { ReceivedMessage } from '../../../shared/messaging/types';
import type { WarrenError } from '../../../shared/errors';
import { useStores } from '../../app/stores';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { MessageDetail } from './MessageDetail';

export function PeekPanel({ queues }: { queues: string[] }) {
  const { messaging } = useStores();
  const [queue, setQueue] = useState('');
  const [count, setCount] = useState('5');
  const [messages, setMessages] = useState<ReceivedMessage[]>();
  const [error, setError] = useState<WarrenError>();
  const peek = async () => {
    setError(undefined);
    const r = await messaging.peek({ queue, count: Math.min(100, Math.max(1, Number(count) || 5)) });
    if (r.ok) setMessages(r.value);
    else setError(r.error);
  };
  return (
    <section className="card" aria-labelledby="peek-title">
      <h2 id="peek-title" className="section-title">Peek</h2>
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
      {error ? <ErrorNotice title="Could not peek" error={error} /> : null}
      {messages?.length === 0 ? <p className="section-note">The queue is empty.</p> : null}
      {messages?.map((m) => <MessageDetail key={m.id} message={m} />)}
    </section>
  );
}
