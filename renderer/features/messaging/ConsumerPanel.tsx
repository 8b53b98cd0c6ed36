/** One consumer: its state and controls, the live message list (newest first), actions, detail. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { valueToText } from '../../../shared/messaging/codec';
import { toExport } from './export-file';
import { NEWEST_PER_UPDATE, type ConsumerInfo, type ReceivedMessage } from '../../../shared/messaging/types';
import type { Result, WarrenError } from '../../../shared/errors';
import { useStore } from '../../app/store';
import { useStores } from '../../app/stores';
import type { SettleAction } from './store';
import { Badge } from '../../ui/Badge';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { MessageDetail } from './MessageDetail';
import { MessageRow, type RowActions } from './MessageRow';
import { useVirtualRows } from '../../ui/useVirtualRows';
import { WatchButton } from '../charts/WatchButton';
import { useWarren } from '../../app/useWarren';
import { republishDraft } from './republish';

/** Rows drawn beyond the visible ones, above and below (the list is virtual: only what shows is drawn). */
const OVERSCAN = 8;
/** The list's height in px (as in messaging.css) and a first guess of a row's; the real one is measured. */
const VIEW_PX = 480;
const ROW_PX = 33;

/** Why some deliveries are counted, not shown: the user's choice, or more than an update carries. */
function notShownWhy(consumer: ConsumerInfo): string {
  return consumer.options.show === 'newest'
    ? `Shows the newest ${NEWEST_PER_UPDATE} of each update, as chosen when attaching; the rest are counted, and kept in Warren's list`
    : "Arrived faster than the page is sent previews; counted, and kept in Warren's list";
}

export function ConsumerPanel({ consumer, messages, seen, skipped }: { consumer: ConsumerInfo; messages: ReceivedMessage[]; seen: number; skipped: number }) {
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [focus, setFocus] = useState<ReceivedMessage>();
  const [requeue, setRequeue] = useState(true);
  const [error, setError] = useState<WarrenError>();
  const { messaging } = useStores();
  const { connection } = useWarren();
  // The queue's ready count beside the consumer's own unacked count, every 2 s.
  useEffect(() => messaging.watchReady(consumer.queue), [messaging, consumer.queue]);
  const ready = useStore(messaging).ready.get(consumer.queue);

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
    return list;
  }, [messages, filter]);

  // The one virtual list: only the rows in view (plus a margin) are drawn, so a stream of
  // thousands a second redraws a few dozen rows, not every kept one. Rows share one height,
  // measured on the first row drawn (rows keep no index, so new arrivals redraw none of them).
  const scroller = useRef<HTMLDivElement>(null);
  const [rowPx, setRowPx] = useState(ROW_PX);
  const hasRows = shown.length > 0;
  useEffect(() => {
    const row = scroller.current?.querySelector('tr[data-row]');
    if (row instanceof HTMLElement && row.offsetHeight > 0 && Math.abs(row.offsetHeight - rowPx) > 1) setRowPx(row.offsetHeight);
  }, [rowPx, hasRows]);
  const virtual = useVirtualRows({ count: shown.length, scrollRef: scroller, rowHeight: rowPx, overscan: OVERSCAN, initialHeight: VIEW_PX });

  const act = async <T,>(op: () => Promise<Result<T>>) => {
    setError(undefined);
    const r = await op();
    if (!r.ok) setError(r.error);
    return r;
  };
  const settle = (action: SettleAction, ids: number[]) => act(() => messaging.settle(consumer.id, ids, action, requeue)).then(() => setSelected(new Set()));

  // Rows get one stable set of actions (memoised rows); they read the latest state through a ref.
  const latest = useRef({ settle, consumerId: consumer.id, messaging });
  useEffect(() => {
    latest.current = { settle, consumerId: consumer.id, messaging };
  });
  const actions = useMemo<RowActions>(
    () => ({
      focus: (m) => setFocus(m),
      select: (id, on) =>
        setSelected((prev) => {
          const next = new Set(prev);
          if (on) next.add(id);
          else next.delete(id);
          return next;
        }),
      settle: (action, id) => void latest.current.settle(action, [id]),
      republish: (m) =>
        void latest.current.messaging.message(latest.current.consumerId, m.id).then((r) => {
          latest.current.messaging.setDraft(republishDraft(r.ok ? r.value : m));
          window.location.hash = '#/publish';
        }),
    }),
    [],
  );

  const exportJson = (list: ReceivedMessage[]) => {
    void messaging.wholeMessages(consumer.id, list).then((whole) => {
      // The documented `warren.messages` v1 format (bodies in base64); Publish → Import reads it back.
      const doc = toExport(whole);
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
  // Two consumers on one queue are told apart by their tags, in the title itself.
  const source = consumer.tap ? `Tap on ${consumer.tap.exchange} (${consumer.tap.bindingKey})` : `Queue ${consumer.queue}`;
  const label = `${source}${consumer.consumerTag ? ` · ${consumer.consumerTag}` : ''}`;
  return (
    <section className="card msg-consumer" aria-label={`Consumer ${consumer.id}: ${label}`}>
      <div className="card-header msg-consumer-head">
        <div>
          <h2 className="section-title">{source}{consumer.consumerTag ? <span className="msg-title-tag"> · {consumer.consumerTag}</span> : null} <Badge tone={consumer.status === 'consuming' ? 'ok' : consumer.status === 'closed' ? 'error' : 'warn'}>{consumer.status}</Badge></h2>
          <p className="section-note">
            {consumer.tap ? `Temporary exclusive queue ${consumer.queue} · ` : ''}
            tag {consumer.consumerTag ?? '—'} · prefetch {consumer.options.prefetch} · {consumer.options.ackMode} ack
          </p>
          <p className="msg-counts">
            <span data-testid="queue-ready">Ready: {ready ?? '…'}</span>
            <span data-testid="consumer-unacked">Unacked: {consumer.unacked}</span>
            <span>Received: {consumer.received.toLocaleString()}</span>
            <span data-testid="ui-seen">Shown: {seen.toLocaleString()}</span>
            {skipped > 0 ? <span data-testid="ui-not-shown" title={notShownWhy(consumer)}>Counted, not shown: {skipped.toLocaleString()}</span> : null}
            <span>Kept: {consumer.kept.toLocaleString()}{consumer.dropped ? ` (${consumer.dropped.toLocaleString()} older not kept)` : ''}</span>
          </p>
          {consumer.reason ? <p className="section-note">{consumer.reason}</p> : null}
        </div>
        <div className="button-row">
          {consumer.status === 'consuming' ? (
            <button type="button" className="button" onClick={() => void act(() => messaging.pause(consumer.id))}>Pause</button>
          ) : consumer.status !== 'closed' ? (
            <button type="button" className="button" onClick={() => void act(() => messaging.resume(consumer.id))}>Resume</button>
          ) : null}
          <button type="button" className="button button-danger-quiet" title="Close the channel with messages unacked: they return to ready and are redelivered" onClick={() => void act(() => messaging.crash(consumer.id))}>Crash</button>
          <button type="button" className="button button-danger" onClick={() => void act(() => messaging.detach(consumer.id))}>Detach</button>
          {connection.vhost !== undefined && !consumer.tap ? <WatchButton queue={consumer.queue} vhost={connection.vhost} /> : null}
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
            <button type="button" className="button" disabled={consumer.unacked === 0} onClick={() => void act(() => messaging.ackAll(consumer.id))}>Ack all</button>
            <label className="checkbox-line"><input type="checkbox" checked={requeue} onChange={(e) => setRequeue(e.target.checked)} />Requeue on nack/reject</label>
          </>
        ) : null}
        <button type="button" className="button button-quiet" disabled={messages.length === 0} onClick={() => exportJson(selectedIds.length ? messages.filter((m) => selected.has(m.id)) : messages)}>
          Export {selectedIds.length ? 'selected' : 'all'} (JSON)
        </button>
      </div>
      <div className={focus ? 'msg-list-layout with-detail' : 'msg-list-layout'}>
        <div className="table-scroll msg-list" ref={scroller}>
          <table className="table">
            <thead>
              <tr>
                <th><span className="visually-hidden">Select</span></th>
                <th>Time</th><th>State</th><th>Exchange</th><th>Routing key</th><th>Redelivered</th><th>Tag</th><th>Size</th><th>Body</th><th><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {virtual.before > 0 ? <tr aria-hidden="true" style={{ height: virtual.before }} /> : null}
              {virtual.items.map(({ index }) => {
                const m = shown[index]!;
                return <MessageRow key={m.id} m={m} focused={focus?.id === m.id} selected={selected.has(m.id)} manual={manual} actions={actions} />;
              })}
              {virtual.after > 0 ? <tr aria-hidden="true" style={{ height: virtual.after }} /> : null}
            </tbody>
          </table>
          {messages.length === 0 ? <p className="section-note">No messages yet.</p> : null}
          {messages.length > 0 ? <p className="section-note">{filter ? `${shown.length.toLocaleString()} of ` : ''}{messages.length.toLocaleString()} newest kept here{consumer.kept > messages.length ? ` (Warren keeps ${consumer.kept.toLocaleString()}; open one for its whole body)` : consumer.kept < messages.length ? `; Warren keeps the newest ${consumer.kept.toLocaleString()} in full` : ''}.</p> : null}
        </div>
        {focus ? <MessageDetail consumerId={consumer.id} message={focus} /> : null}
      </div>
    </section>
  );
}
