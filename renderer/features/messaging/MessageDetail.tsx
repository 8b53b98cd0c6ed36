/** One message: properties, headers, and the body as pretty JSON, text or hex. */
import { useEffect, useState } from 'react';
import { bodyBytes, hexDump, prettyJson, valueToText } from '../../../shared/messaging/codec';
import type { ReceivedMessage } from '../../../shared/messaging/types';
import { useStores } from '../../app/stores';
import { readXDeath } from '../../../shared/messaging/x-death';
import { XDeathTable } from './XDeathTable';

export function MessageDetail({ consumerId, message }: { consumerId?: string; message: ReceivedMessage }) {
  const { messaging } = useStores();
  const [fetched, setFetched] = useState<ReceivedMessage>();
  /** Why the whole body could not be had (the message left Warren's kept list), for the message it was asked for. */
  const [unavailable, setUnavailable] = useState<{ id: number; why: string }>();
  const [view, setView] = useState<'json' | 'text' | 'hex'>('json');
  // The list carries previews; the whole body is asked for when the preview was cut.
  useEffect(() => {
    if (consumerId && message.truncated) {
      void messaging.message(consumerId, message.id).then((r) => {
        if (r.ok) setFetched(r.value);
        else setUnavailable({ id: message.id, why: [r.error.message, r.error.hint].filter(Boolean).join('. ') });
      });
    }
  }, [messaging, consumerId, message]);
  const full = fetched && fetched.id === message.id ? { ...fetched, settled: message.settled } : message;
  const text = full.body.encoding === 'utf8' ? full.body.data : undefined;
  const pretty = text !== undefined ? prettyJson(text) : undefined;
  const shown = view === 'hex' || text === undefined ? hexDump(bodyBytes(full.body)) : view === 'json' && pretty ? pretty : text;
  const p = full.properties;
  const deaths = readXDeath(p.headers);
  // x-death is shown as its own table below; the rest of the headers stay name / type / value.
  const headers = deaths ? p.headers?.filter((h) => h.key !== 'x-death') : p.headers;
  const rows: [string, string | number | undefined][] = [
    ['Exchange', full.exchange || '(default)'],
    ['Routing key', full.routingKey],
    ['Redelivered', full.redelivered ? 'yes' : 'no'],
    ['Delivery tag', full.deliveryTag || undefined],
    ['Size', `${full.size} bytes`],
    ['content_type', p.contentType],
    ['content_encoding', p.contentEncoding],
    ['delivery_mode', p.deliveryMode === 2 ? '2 (persistent)' : p.deliveryMode],
    ['priority', p.priority],
    ['correlation_id', p.correlationId],
    ['reply_to', p.replyTo],
    ['expiration', p.expiration],
    ['message_id', p.messageId],
    ['timestamp', p.timestamp !== undefined ? `${p.timestamp} (${new Date(p.timestamp * 1000).toISOString()})` : undefined],
    ['type', p.type],
    ['user_id', p.userId],
    ['app_id', p.appId],
  ];
  return (
    <section className="card msg-detail" aria-label="Message detail">
      <h3 className="section-title">Message #{full.id}</h3>
      <dl className="kv-list">
        {rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => (
          <div key={k} className="kv-item">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h4>Headers</h4>
      {headers?.length ? (
        <table className="table msg-headers-table">
          <thead><tr><th>Name</th><th>Type</th><th>Value</th></tr></thead>
          <tbody>
            {headers.map((h) => (
              <tr key={h.key}><td>{h.key}</td><td>{h.value.t}</td><td className="mono">{valueToText(h.value)}</td></tr>
            ))}
          </tbody>
        </table>
      ) : deaths ? null : <p className="section-note">No headers.</p>}
      {deaths ? (
        <>
          <h4>Dead-lettered</h4>
          <XDeathTable rows={deaths} />
        </>
      ) : null}
      <div className="msg-body-head">
        <h4>Body</h4>
        <div role="radiogroup" aria-label="Body view" className="msg-segmented">
          {(['json', 'text', 'hex'] as const).map((v) => (
            <button key={v} type="button" role="radio" aria-checked={view === v} className={view === v ? 'active' : ''} onClick={() => setView(v)}>{v.toUpperCase()}</button>
          ))}
        </div>
      </div>
      <pre className="msg-code" aria-label="Body">{shown}</pre>
      {full.truncated ? (
        <p className="section-note">
          Showing the first {bodyBytes(full.body).length.toLocaleString('en')} of {full.size.toLocaleString('en')} bytes
          {!consumerId ? '.' : unavailable?.id === message.id ? `: ${unavailable.why}` : ', asking Warren for the rest…'}
        </p>
      ) : null}
    </section>
  );
}
