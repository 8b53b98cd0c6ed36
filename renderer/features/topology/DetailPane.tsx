/** Everything about the selected row, and what can be done to it (purge, delete, unbind) behind a confirmation that names the loss. */
import { useState } from 'react';
import type { WarrenError } from '../../../shared/errors';
import type { BindingRow, ConnectionRow, ExchangeRow, QueueRow, RowOf, TableKind } from '../../../shared/topology/types';
import { useStores } from '../../app/stores';
import { count, type Done } from './store';
import { WatchButton } from '../charts/WatchButton';
import { CheckboxField, Field } from '../../ui/Field';
import { clientText } from './columns';
import { factsOf } from './facts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { KeyValueList, type KeyValue } from '../../ui/KeyValueList';

interface Props<K extends TableKind> {
  kind: K;
  row: RowOf[K];
  /** Commands act on the connection's vhost only. */
  canChange: boolean;
  onDone: (message: string) => void;
}

type Pending = { title: string; message: string; confirm: string; busyLabel?: string; askReason?: boolean; run: (reason: string) => Promise<Done> };

export function DetailPane<K extends TableKind>({ kind, row, canChange, onDone }: Props<K>) {
  const topology = useStores().topology;
  const [pending, setPending] = useState<Pending>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WarrenError>();
  const [ifUnused, setIfUnused] = useState(false);
  const [ifEmpty, setIfEmpty] = useState(false);
  const [reason, setReason] = useState('');

  const ask = (p: Pending) => {
    setError(undefined);
    setPending(p);
  };
  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    const result = await pending.run(reason);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setPending(undefined);
    onDone(result.value);
  };

  const facts: KeyValue[] = factsOf(kind, row);

  let actions = null;
  if (canChange && kind === 'queues') {
    const q = row as QueueRow;
    actions = (
      <>
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() =>
              ask({
                title: 'Purge queue',
                message: `Purge ${count(q.ready, 'ready message')} from ${q.name}? They are deleted for good (unacknowledged ones stay).`,
                confirm: 'Purge',
                run: () => topology.purge(q.name),
              })
            }
          >
            Purge…
          </button>
          <button
            type="button"
            className="button button-danger-quiet"
            onClick={() =>
              ask({
                title: 'Delete queue',
                message: `Delete queue ${q.name}${q.total > 0 ? ` and its ${count(q.total, 'message')}` : ''}${q.consumers > 0 ? `, cancelling ${count(q.consumers, 'consumer')}` : ''}?${ifUnused ? ' Only if it has no consumers.' : ''}${ifEmpty ? ' Only if it is empty.' : ''}`,
                confirm: 'Delete queue',
                run: () => topology.deleteQueue(q.name, { ifUnused, ifEmpty }),
              })
            }
          >
            Delete…
          </button>
        </div>
        <div className="topo-checks">
          <CheckboxField label="Only if unused" checked={ifUnused} onChange={setIfUnused} />
          <CheckboxField label="Only if empty" checked={ifEmpty} onChange={setIfEmpty} />
        </div>
      </>
    );
  } else if (canChange && kind === 'exchanges' && (row as ExchangeRow).name !== '' && !(row as ExchangeRow).name.startsWith('amq.')) {
    const x = row as ExchangeRow;
    actions = (
      <>
        <div className="button-row">
          <button
            type="button"
            className="button button-danger-quiet"
            onClick={() =>
              ask({
                title: 'Delete exchange',
                message: `Delete exchange ${x.name} and every binding from and to it?${ifUnused ? ' Only if it has no bindings.' : ''}`,
                confirm: 'Delete exchange',
                run: () => topology.deleteExchange(x.name, { ifUnused }),
              })
            }
          >
            Delete…
          </button>
        </div>
        <CheckboxField label="Only if unused" checked={ifUnused} onChange={setIfUnused} />
      </>
    );
  } else if (kind === 'connections') {
    const c = row as ConnectionRow;
    actions = (
      <div className="button-row">
        <button
          type="button"
          className="button button-danger-quiet"
          onClick={() => {
            setReason('');
            ask({
              title: 'Close connection',
              message: closeMessage(c),
              confirm: 'Close connection',
              busyLabel: 'Closing…',
              askReason: true,
              run: (said) => topology.closeConnection(c.name, said),
            });
          }}
        >
          Close connection…
        </button>
      </div>
    );
  } else if (canChange && kind === 'bindings' && (row as BindingRow).source !== '') {
    const b = row as BindingRow;
    actions = (
      <div className="button-row">
        <button
          type="button"
          className="button button-danger-quiet"
          onClick={() =>
            ask({
              title: 'Remove binding',
              message: `Remove the binding from ${b.source} to ${b.destinationType} ${b.destination} (key “${b.routingKey}”)? Messages that matched only it will no longer reach ${b.destination}.`,
              confirm: 'Unbind',
              run: () => topology.unbind(b),
            })
          }
        >
          Unbind…
        </button>
      </div>
    );
  }

  return (
    <aside className="topo-detail card" aria-label="Details">
      <h2 className="section-title">Details</h2>
      {kind === 'queues' ? (
        <div className="button-row">
          <WatchButton queue={(row as QueueRow).name} vhost={(row as QueueRow).vhost} />
        </div>
      ) : null}
      {actions ? <div className="topo-actions">{actions}</div> : null}
      <KeyValueList items={facts} className="topo-facts" />
      {pending ? (
        <ConfirmDialog
          title={pending.title}
          message={pending.message}
          confirmLabel={pending.confirm}
          busyLabel={pending.busyLabel}
          busy={busy}
          error={error}
          onConfirm={() => void confirm()}
          onCancel={() => setPending(undefined)}
        >
          {pending.askReason ? (
            <Field label="Reason" description="The client is told this when the broker closes its connection.">
              {(control) => <input {...control} type="text" value={reason} placeholder="Closed from Warren" maxLength={255} onChange={(e) => setReason(e.target.value)} />}
            </Field>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </aside>
  );
}

/** The confirmation names what closing cuts: whose connection, its channels, and what follows. */
export function closeMessage(c: ConnectionRow): string {
  const who = clientText(c);
  const what = `${c.channels} channel${c.channels === 1 ? '' : 's'}`;
  const after = c.warren
    ? 'It is Warren’s own connection: Warren reconnects, its consumers attach again.'
    : c.demo
      ? `It is a program of the ${c.demo} demo: that program stops, as if it crashed; its unacknowledged messages go back to their queues.`
      : 'Its consumers stop and its unacknowledged messages go back to their queues; the client decides whether to reconnect.';
  return `Close connection ${c.name} (${who}, user ${c.user}, vhost ${c.vhost})? This cuts its ${what}. ${after}`;
}
