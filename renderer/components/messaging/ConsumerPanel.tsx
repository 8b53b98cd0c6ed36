/** One consumer: its state and controls, the live message list (newest first), actions, detail. */
import { useEffect, useMemo, useState } from 'react';
import { valueToText } from '../../../shared/message-codec';
import type { ConsumerInfo, MessageExport, ReceivedMessage } from '../../../shared/messaging-types';
import type { WarrenError } from '../../../shared/errors';
import { bridge } from '../../bridge';
import { Badge } from '../Badge';
import { ErrorNotice } from '../ErrorNotice';
import { MessageDetail } from './MessageDetail';
import { sendToPublish } from './republish';

const VISIBLE = 300;

export function ConsumerPanel({ consumer, messages, seen }: { consumer: ConsumerInfo; messages: ReceivedMessage[]; seen: number }) {
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [focus, setFocus] = useState<ReceivedMessage>();
  const [requeue, setRequeue] = useState(true);
  const [error, setError] = useState<WarrenError>();
  const [ready, setReady] = useState<number>();

  // The queue's ready count beside the consumer's own unacked count, every 2 s.
  useEffect(() => {
    let live = true;
    const load = () =>
      void bridge.call('queues.check', { queue: consumer.queue }).then((r) => {
        if (live && r.ok) setReady(r.value.messageCount);
      });
    load();
    const timer = setInterval(load, 2000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [consumer.queue]);

  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const list = f
      ? messages.filter(
          (m) =>
            m.routingKey.toLowerCase().includes(f) ||
            m.body.data.toLowerCase().includes(f) ||
            (m.properties.headers ?? []).some((h) => `${h.key}=${valueToText(h.value)}`.toLowerCase().includes(f)),
        )
      : messages;
    return list.slice(0, VISIBLE);
  }, [messages, filter]);

  const act = async (op: () => ReturnType<typeof bridge.call>) => {
    setError(undefined);
    const r = await op();
    if (!r.ok) setError(r.error);
    return r;
  };
  const settle = (action: 'ack' | 'nack' | 'reject', ids: number[]) =>
    act(() => bridge.call('consumers.settle', { consumerId: consumer.id, ids, action, requeue: action === 'ack' ? false : requeue })).then(() => setSelected(new Set()));

  const exportJson = (list: ReceivedMessage[]) => {
    void Promise.all(list.map((m) => (m.truncated ? bridge.call('consumers.message', { consumerId: consumer.id, id: m.id }) : Promise.resolve({ ok: true as const, value: m })))).then((results) => {
      const doc: MessageExport = {
        format: 'warren.messages',
        version: 1,
        exportedAt: new Date().toISOString(),
        messages: results.flatMap((r) => (r.ok ? [r.value] : [])).map((m) => ({
          exchange: m.exchange,
          routingKey: m.routingKey,
          redelivered: m.redelivered,
          receivedAt: m.receivedAt,
          properties: m.properties,
          body: m.body,
        })),
      };
      const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `warren-${consumer.queue}-${Date.now()}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    });
  };

  const manual = consumer.options.ackMode !== 'auto';
  const selectedIds = [...selected];
  const label = consumer.tap ? `Tap on ${consumer.tap.exchange} (${consumer.tap.bindingKey})` : `Queue ${consumer.queue}`;
  return (
    <section className="card msg-consumer" aria-label={`Consumer ${consumer.id}: ${label}`}>
      <div className="card-header msg-consumer-head">
        <div>
          <h2 className="section-title">{label} <Badge tone={consumer.status === 'consuming' ? 'ok' : consumer.status === 'closed' ? 'error' : 'warn'}>{consumer.status}</Badge></h2>
          <p className="section-note">
            {consumer.tap ? `Temporary exclusive queue ${consumer.queue} · ` : ''}
            tag {consumer.consumerTag ?? '—'} · prefetch {consumer.options.prefetch} · {consumer.options.ackMode} ack
          </p>
          <p className="msg-counts">
            <span data-testid="queue-ready">Ready: {ready ?? '…'}</span>
            <span data-testid="consumer-unacked">Unacked: {consumer.unacked}</span>
            <span>Received: {consumer.received.toLocaleString()}</span>
            <span data-testid="ui-seen">Shown: {seen.toLocaleString()}</span>
            <span>Kept: {consumer.kept.toLocaleString()}{consumer.dropped ? ` (${consumer.dropped.toLocaleString()} older not kept)` : ''}</span>
          </p>
          {consumer.reason ? <p className="section-note">{consumer.reason}</p> : null}
        </div>
        <div className="button-row">
          {consumer.status === 'consuming' ? (
            <button type="button" className="button" onClick={() => void act(() => bridge.call('consumers.pause', { consumerId: consumer.id }))}>Pause</button>
          ) : consumer.status !== 'closed' ? (
            <button type="button" className="button" onClick={() => void act(() => bridge.call('consumers.resume', { consumerId: consumer.id }))}>Resume</button>
          ) : null}
          <button type="button" className="button button-danger-quiet" title="Close the channel with messages unacked: they return to ready and are redelivered" onClick={() => void act(() => bridge.call('consumers.crash', { consumerId: consumer.id }))}>Crash</button>
          <button type="button" className="button button-danger" onClick={() => void act(() => bridge.call('consumers.detach', { consumerId: consumer.id }))}>Detach</button>
        </div>
      </div>
      {error ? <ErrorNotice error={error} onDismiss={() => setError(undefined)} /> : null}
      <div className="msg-toolbar">
        <input aria-label="Filter messages" placeholder="Filter by text, routing key or header=value" value={filter} onChange={(e) => setFilter(e.target.value)} />
        {manual ? (
          <>
            <button type="button" className="button" disabled={selectedIds.length === 0} onClick={() => void settle('ack', selectedIds)}>Ack selected</button>
            <button type="button" className="button" disabled={selectedIds.length === 0} onClick={() => void settle('nack', selectedIds)}>Nack selected</button>
            <button type="button" className="button" disabled={selectedIds.length === 0} onClick={() => void settle('reject', selectedIds)}>Reject selected</button>
            <button type="button" className="button" disabled={consumer.unacked === 0} onClick={() => void act(() => bridge.call('consumers.settle', { consumerId: consumer.id, all: true, action: 'ack' }))}>Ack all</button>
            <label className="checkbox-line"><input type="checkbox" checked={requeue} onChange={(e) => setRequeue(e.target.checked)} />Requeue on nack/reject</label>
          </>
        ) : null}
        <button type="button" className="button button-quiet" disabled={messages.length === 0} onClick={() => exportJson(selectedIds.length ? messages.filter((m) => selected.has(m.id)) : messages)}>
          Export {selectedIds.length ? 'selected' : 'all'} (JSON)
        </button>
      </div>
      <div className="msg-list-layout">
        <div className="table-scroll msg-list">
          <table className="table">
            <thead>
              <tr>
                <th><span className="visually-hidden">Select</span></th>
                <th>Time</th><th>Exchange</th><th>Routing key</th><th>Redelivered</th><th>Tag</th><th>Size</th><th>Body</th><th>State</th><th><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => (
                <tr key={m.id} className={focus?.id === m.id ? 'selected' : ''} onClick={() => setFocus(m)}>
                  <td onClick={(e) => e.stopPropagation()}>
                    <input type="checkbox" aria-label={`Select message ${m.id}`} checked={selected.has(m.id)} onChange={(e) => {
                      const next = new Set(selected);
                      if (e.target.checked) next.add(m.id);
                      else next.delete(m.id);
                      setSelected(next);
                    }} />
                  </td>
                  <td>{new Date(m.receivedAt).toLocaleTimeString()}</td>
                  <td>{m.exchange || '(default)'}</td>
                  <td>{m.routingKey}</td>
                  <td>{m.redelivered ? 'yes' : ''}</td>
                  <td>{m.deliveryTag}</td>
                  <td>{m.size}</td>
                  <td className="mono msg-preview">{m.body.encoding === 'utf8' ? m.body.data.slice(0, 80) : `(binary) ${m.body.data.slice(0, 24)}…`}</td>
                  <td>{m.settled}</td>
                  <td onClick={(e) => e.stopPropagation()}>
                    {manual && m.settled === 'unacked' ? (
                      <>
                        <button type="button" className="button button-quiet" aria-label={`Ack message ${m.id}`} onClick={() => void settle('ack', [m.id])}>Ack</button>
                        <button type="button" className="button button-quiet" aria-label={`Nack message ${m.id}`} onClick={() => void settle('nack', [m.id])}>Nack</button>
                        <button type="button" className="button button-quiet" aria-label={`Reject message ${m.id}`} onClick={() => void settle('reject', [m.id])}>Reject</button>
                      </>
                    ) : null}
                    <button type="button" className="button button-quiet" aria-label={`Re-publish message ${m.id}`} onClick={() => void bridge.call('consumers.message', { consumerId: consumer.id, id: m.id }).then((r) => sendToPublish(r.ok ? r.value : m))}>Re-publish</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {messages.length === 0 ? <p className="section-note">No messages yet.</p> : null}
          {messages.length > shown.length && !filter ? <p className="section-note">Showing the newest {shown.length}; filter to search the {messages.length.toLocaleString()} in this window.</p> : null}
        </div>
        {focus ? <MessageDetail consumerId={consumer.id} message={focus} /> : null}
      </div>
    </section>
  );
}
