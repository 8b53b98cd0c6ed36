/**
 * "Read a stream": read a stream queue from first, last, next, an offset or a time, see each
 * message with its offset, and page Older / Newer by offset. Reading moves no message: a stream
 * keeps them all, so the same read gives the same messages again.
 */
import { useState } from 'react';
import type { StreamStart } from '../../../shared/streams/types';
import { MAX_STREAM_READ } from '../../../shared/streams/contract';
import { useStore } from '../../app/store';
import { useStores } from '../../app/stores';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import './streams.css';

type FromKind = StreamStart['kind'];

const FROM_LABELS: Record<FromKind, string> = {
  first: 'First (oldest kept)',
  last: 'Last (the last chunk)',
  next: 'Next (only new messages)',
  offset: 'Offset…',
  timestamp: 'Time…',
};

/** The form's values → where to start; a time is the browser's local time. */
function startOf(kind: FromKind, offset: string, time: string): StreamStart {
  if (kind === 'offset') return { kind, offset: Number(offset) };
  if (kind === 'timestamp') return { kind, at: new Date(time).getTime() };
  return { kind };
}

export function StreamPanel({ queues }: { queues: string[] }) {
  const { streams } = useStores();
  const { page, error, busy } = useStore(streams);
  const [queue, setQueue] = useState('');
  const [kind, setKind] = useState<FromKind>('first');
  const [offset, setOffset] = useState('0');
  const [time, setTime] = useState('');
  const [count, setCount] = useState('100');
  const howMany = Math.min(MAX_STREAM_READ, Math.max(1, Math.floor(Number(count)) || 100));
  const read = () => void streams.read({ queue, from: startOf(kind, offset, time), count: howMany });

  return (
    <section className="card" aria-labelledby="stream-read-title">
      <h2 id="stream-read-title" className="section-title">Read a stream</h2>
      <p className="section-note">Reads a stream queue from an offset. Nothing is consumed away: the stream keeps every message, and reading again gives the same ones.</p>
      <div className="msg-repeat-row">
        <Field label="Stream queue">
          {(c) => (
            <>
              <input {...c} list="stream-read-queues" value={queue} onChange={(e) => setQueue(e.target.value)} />
              <datalist id="stream-read-queues">{queues.map((q) => <option key={q} value={q} />)}</datalist>
            </>
          )}
        </Field>
        <Field label="From">
          {(c) => (
            <select {...c} value={kind} onChange={(e) => setKind(e.target.value as FromKind)}>
              {(Object.keys(FROM_LABELS) as FromKind[]).map((k) => (
                <option key={k} value={k}>{FROM_LABELS[k]}</option>
              ))}
            </select>
          )}
        </Field>
        {kind === 'offset' ? <Field label="Offset">{(c) => <input {...c} inputMode="numeric" value={offset} onChange={(e) => setOffset(e.target.value)} />}</Field> : null}
        {kind === 'timestamp' ? (
          <Field label="Written at or after" description="Whole seconds; the broker starts at the first chunk written then.">
            {(c) => <input {...c} type="datetime-local" step="1" value={time} onChange={(e) => setTime(e.target.value)} />}
          </Field>
        ) : null}
        <Field label="How many">{(c) => <input {...c} inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} />}</Field>
        <button type="button" className="button" disabled={busy || queue === '' || (kind === 'timestamp' && time === '')} onClick={read}>
          {busy ? 'Reading…' : 'Read'}
        </button>
      </div>
      {error ? <ErrorNotice title="Could not read the stream" error={error} /> : null}
      {page ? (
        <>
          <div className="stream-page-bar">
            <button type="button" className="button" disabled={busy || !page.hasOlder} onClick={() => void streams.older()}>
              ← Older
            </button>
            <span className="section-note" role="status" aria-label="Offsets shown">
              {page.firstOffset === undefined
                ? `No messages there in ${page.queue} yet.`
                : `${page.queue}: offsets ${page.firstOffset.toLocaleString('en-US')}–${(page.lastOffset ?? page.firstOffset).toLocaleString('en-US')} (${page.messages.length.toLocaleString('en-US')} messages)`}
            </span>
            <button type="button" className="button" disabled={busy || !page.hasNewer} onClick={() => void streams.newer()}>
              Newer →
            </button>
          </div>
          {page.messages.length > 0 ? (
            <div className="table-scroll stream-table">
              <table className="table" aria-label="Stream messages">
                <thead>
                  <tr>
                    <th scope="col">Offset</th>
                    <th scope="col">Routing key</th>
                    <th scope="col">Size</th>
                    <th scope="col">Body</th>
                  </tr>
                </thead>
                <tbody>
                  {page.messages.map((m) => (
                    <tr key={m.offset}>
                      <td className="stream-offset">{m.offset}</td>
                      <td>{m.routingKey}</td>
                      <td>{m.size.toLocaleString('en-US')} B</td>
                      <td className="stream-body" title={m.body.encoding === 'utf8' ? m.body.data.slice(0, 2_000) : undefined}>
                        {m.body.encoding === 'utf8' ? m.body.data.slice(0, 200) : `base64 ${m.body.data.slice(0, 120)}`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
