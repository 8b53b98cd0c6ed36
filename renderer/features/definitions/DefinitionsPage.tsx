/**
 * Definitions: export the broker's or one vhost's definitions to a file; import a file (or
 * compare another vhost) with the diff first — per type, ticks, the refusals named — then a dry
 * run, and Apply selected with a report of what was applied.
 */
import { useEffect, useState } from 'react';
import { DEFINITION_TYPES } from '../../../shared/definitions/types';
import { BrokerPicker } from '../brokers/BrokerPicker';
import { CompareBrokerForm } from './CompareBrokerForm';
import { usePageBroker } from '../brokers/usePageBroker';
import { useStore } from '../../app/store';
import { useStores } from '../../app/stores';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageShell } from '../../ui/PageShell';
import { downloadBlob } from '../charts/exportFiles';
import { VhostPicker } from '../overview/VhostPicker';
import { DiffTable, TYPE_LABELS } from './DiffTable';
import './definitions.css';

export function DefinitionsPage() {
  const { connection } = usePageBroker('definitions');
  const store = useStores().definitions;
  const s = useStore(store);
  // A vhost is chosen on one broker: another broker starts from the whole broker.
  const [choice, setChoice] = useState<{ profileId?: string; vhost?: string }>({});
  const vhost = choice.profileId === connection.profileId ? choice.vhost : undefined;
  const setVhost = (next: string | undefined) => setChoice({ profileId: connection.profileId, vhost: next });
  const [otherVhost, setOtherVhost] = useState('');
  const [confirming, setConfirming] = useState(false);
  const connected = connection.status === 'connected';
  useEffect(() => {
    if (connected) void store.loadVhosts();
  }, [store, connected, connection.profileId]);

  const where = vhost === undefined ? 'the whole broker' : `vhost ${vhost}`;
  const selected = new Set(s.selected);
  const diff = s.diff;
  const removals = diff?.changes.filter((c) => c.kind === 'removed' && selected.has(c.id)) ?? [];
  const busy = s.busy !== undefined;

  const readFile = async (file: File) => store.compare({ kind: 'file', text: await file.text(), name: file.name }, vhost);

  return (
    <PageShell
      title="Definitions"
      subtitle="Export, import and compare exchanges, queues, bindings, policies, users, permissions, vhosts and parameters"
      needs="connected"
      connection={connection}
      actions={
        <>
          <BrokerPicker page="definitions" />
          <VhostPicker vhosts={s.vhosts} value={vhost} onChange={setVhost} />
        </>
      }
    >
      <section className="card" aria-labelledby="defs-export">
        <h2 className="section-title" id="defs-export">
          Export
        </h2>
        <p className="section-note">The management API’s own file: rabbitmqctl import_definitions and the management UI take it back. It holds users’ password hashes; Warren never shows them.</p>
        <div className="button-row">
          <button type="button" className="button" disabled={busy} onClick={() => void store.export(vhost, (name, text) => downloadBlob(new Blob([text], { type: 'application/json' }), name))}>
            {s.busy === 'export' ? 'Exporting…' : `Export ${where}`}
          </button>
        </div>
        {s.exported ? (
          <p role="status">
            Saved {s.exported.fileName}: {s.exported.summary}.
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="defs-import">
        <h2 className="section-title" id="defs-import">
          Import into {where}
        </h2>
        <p className="section-note">Nothing is applied until you apply it: the diff comes first, then a dry run if you like, then the ticked changes.</p>
        <div className="defs-sources">
          <label className="field">
            <span>Definitions file</span>
            <input
              type="file"
              accept="application/json,.json"
              aria-label="Definitions file"
              disabled={busy}
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void readFile(f);
                e.target.value = '';
              }}
            />
          </label>
          {vhost !== undefined ? (
            <form
              className="defs-compare"
              onSubmit={(e) => {
                e.preventDefault();
                if (otherVhost) void store.compare({ kind: 'vhost', vhost: otherVhost, name: `vhost ${otherVhost}` }, vhost);
              }}
            >
              <label className="field">
                <span>Or compare with vhost</span>
                <select aria-label="Compare with vhost" value={otherVhost} onChange={(e) => setOtherVhost(e.target.value)}>
                  <option value="">Choose…</option>
                  {s.vhosts.filter((v) => v !== vhost).map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="button" disabled={busy || !otherVhost}>
                Compare
              </button>
            </form>
          ) : null}
          <CompareBrokerForm current={connection.profileId} vhost={vhost} busy={busy} />
        </div>
        {s.busy === 'diff' ? <p aria-live="polite">Comparing…</p> : null}
        {s.error ? <ErrorNotice title="Definitions" error={s.error} /> : null}
      </section>

      {diff && s.source ? (
        <section className="card" aria-labelledby="defs-diff">
          <h2 className="section-title" id="defs-diff">
            {s.source.name} → {s.target?.vhost === undefined ? 'the broker' : `vhost ${s.target.vhost}`}
          </h2>
          {diff.changes.length === 0 ? <p role="status">In sync: nothing to add, change or remove.</p> : null}
          {diff.ignoredKeys.length > 0 ? (
            <ErrorNotice tone="warning" error={{ message: `Ignored (unknown to Warren, left alone): ${diff.ignoredKeys.join(', ')}`, hint: 'A newer RabbitMQ wrote these; the rest of the file is compared as usual.' }} />
          ) : null}
          {diff.notCarried.length > 0 ? (
            <ErrorNotice tone="warning" error={{ message: `Not part of a vhost import: ${diff.notCarried.map((t) => TYPE_LABELS[t].toLowerCase()).join(', ')}`, hint: 'Choose “All virtual hosts” to import them into the whole broker.' }} />
          ) : null}
          {DEFINITION_TYPES.filter((t) => diff.changes.some((c) => c.type === t)).map((type) => {
            const n = diff.counts[type];
            return (
              <div key={type} className="defs-type">
                <h3>
                  {TYPE_LABELS[type]} <span className="muted">— {[n.added && `${n.added} added`, n.changed && `${n.changed} changed`, n.removed && `${n.removed} removed`, n.same && `${n.same} the same`].filter(Boolean).join(', ')}</span>
                </h3>
                <DiffTable type={type} changes={diff.changes.filter((c) => c.type === type)} selected={selected} disabled={busy} onToggle={(id, on) => store.toggle(id, on)} />
              </div>
            );
          })}
          {diff.changes.length > 0 ? (
            <div className="button-row">
              <button type="button" className="button" disabled={busy || selected.size === 0} onClick={() => void store.apply(true)}>
                {s.busy === 'dryRun' ? 'Checking…' : 'Dry run'}
              </button>
              <button type="button" className="button button-primary" disabled={busy || selected.size === 0} onClick={() => (removals.length > 0 ? setConfirming(true) : void store.apply(false))}>
                {s.busy === 'apply' ? 'Applying…' : `Apply selected (${selected.size})`}
              </button>
            </div>
          ) : null}
          {s.report ? (
            <div role="status" className="defs-report">
              <p>
                <strong>{s.report.dryRun ? `Dry run: ${s.report.applied.length} change${s.report.applied.length === 1 ? '' : 's'} would be applied, nothing was sent.` : `Applied ${s.report.applied.length} change${s.report.applied.length === 1 ? '' : 's'}.`}</strong>
              </p>
              <ul>
                {s.report.applied.map((a) => (
                  <li key={a.id}>
                    {a.kind === 'added' ? 'Added' : a.kind === 'changed' ? 'Changed' : 'Removed'} {a.label}
                  </li>
                ))}
              </ul>
              {s.report.requests.length > 0 ? <p className="muted">{s.report.dryRun ? 'Would send' : 'Sent'}: {s.report.requests.join(' · ')}</p> : null}
            </div>
          ) : null}
        </section>
      ) : null}

      {confirming ? (
        <ConfirmDialog
          title="Apply with removals?"
          message={`This deletes ${removals.length} object${removals.length === 1 ? '' : 's'} from the broker: ${removals.map((c) => c.label).slice(0, 5).join('; ')}${removals.length > 5 ? ' …' : ''}. A deleted queue loses its messages.`}
          confirmLabel={`Apply ${selected.size} changes`}
          busyLabel="Applying…"
          busy={s.busy === 'apply'}
          onConfirm={() => {
            void store.apply(false).then(() => setConfirming(false));
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </PageShell>
  );
}
