/** Virtual hosts: the list, a form to create or edit one (with its limits), and a delete that says what is lost. */
import { useState, type FormEvent } from 'react';
import type { VhostImpact, VhostRow } from '../../../shared/access/types';
import type { WarrenError } from '../../../shared/errors';
import { useStores } from '../../app/stores';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { isError, placeError } from '../../ui/formKit';
import { limitsText, parseTags, vhostDeleteQuestion } from './accessText';
import { limitFromText, limitToText } from './limits';

export function VhostsSection({ vhosts }: { vhosts: VhostRow[] }) {
  const { access } = useStores();
  const [editing, setEditing] = useState<VhostRow | 'new'>();
  const [deleting, setDeleting] = useState<{ impact?: VhostImpact; name: string; error?: WarrenError; busy?: boolean }>();

  const askDelete = async (name: string) => {
    setDeleting({ name, busy: true });
    const impact = await access.impact(name);
    setDeleting(impact.ok ? { name, impact: impact.value } : { name, error: impact.error });
  };
  const confirmDelete = async () => {
    if (!deleting) return;
    setDeleting({ ...deleting, busy: true });
    const result = await access.deleteVhost(deleting.name);
    if (result.ok) setDeleting(undefined);
    else setDeleting({ ...deleting, busy: false, error: result.error });
  };

  return (
    <section className="card" aria-labelledby="vhosts-heading">
      <div className="card-header">
        <h2 id="vhosts-heading" className="section-title">
          Virtual hosts
        </h2>
        <button type="button" className="button button-small" onClick={() => setEditing('new')}>
          New virtual host
        </button>
      </div>
      {editing ? <VhostForm initial={editing === 'new' ? undefined : editing} onDone={() => setEditing(undefined)} /> : null}
      <div className="table-scroll">
        <table className="table" aria-labelledby="vhosts-heading">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Description</th>
              <th scope="col">Tags</th>
              <th scope="col">Default queue type</th>
              <th scope="col">Limits</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {vhosts.map((v) => (
              <tr key={v.name}>
                <td className="mono">{v.name}</td>
                <td>{v.description}</td>
                <td>{v.tags.join(', ')}</td>
                <td>{v.defaultQueueType}</td>
                <td>{limitsText(v.limits)}</td>
                <td className="access-actions">
                  <button type="button" className="button button-small" onClick={() => setEditing(v)} aria-label={`Edit virtual host ${v.name}`}>
                    Edit
                  </button>
                  <button type="button" className="button button-small button-danger-quiet" onClick={() => void askDelete(v.name)} aria-label={`Delete virtual host ${v.name}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {deleting ? (
        <ConfirmDialog
          title={`Delete virtual host ${deleting.name}?`}
          message={deleting.impact ? vhostDeleteQuestion(deleting.impact) : deleting.error ? 'Warren could not count what it holds.' : 'Counting what it holds…'}
          confirmLabel="Delete virtual host"
          busy={deleting.busy}
          error={deleting.error}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setDeleting(undefined)}
        />
      ) : null}
    </section>
  );
}

const VHOST_FIELDS = ['name', 'description', 'tags', 'maxConnections', 'maxQueues'] as const;

function VhostForm({ initial, onDone }: { initial?: VhostRow; onDone: () => void }) {
  const { access } = useStores();
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [tags, setTags] = useState(initial?.tags.join(', ') ?? '');
  const [queueType, setQueueType] = useState(initial?.defaultQueueType ?? 'classic');
  const [maxConnections, setMaxConnections] = useState(limitToText(initial?.limits.maxConnections));
  const [maxQueues, setMaxQueues] = useState(limitToText(initial?.limits.maxQueues));
  const [error, setError] = useState<WarrenError>();
  const [busy, setBusy] = useState(false);
  const shown = placeError(error, VHOST_FIELDS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const connections = limitFromText(maxConnections, 'maxConnections', 'Max connections');
    const queues = limitFromText(maxQueues, 'maxQueues', 'Max queues');
    if (isError(connections)) return setError(connections);
    if (isError(queues)) return setError(queues);
    setBusy(true);
    const result = await access.saveVhost({
      name,
      description,
      tags: parseTags(tags),
      defaultQueueType: queueType as 'classic' | 'quorum' | 'stream',
      maxConnections: connections,
      maxQueues: queues,
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onDone();
  };

  const title = initial ? `Edit virtual host ${initial.name}` : 'New virtual host';
  return (
    <form className="access-form" aria-label={title} onSubmit={(e) => void submit(e)} noValidate>
      {shown.notice ? <ErrorNotice title="The virtual host was not saved" error={shown.notice} /> : null}
      <div className="form-grid">
        <Field label="Name" error={shown.at('name')}>
          {(p) => <input {...p} type="text" className="mono" value={name} readOnly={initial !== undefined} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Description" error={shown.at('description')}>
          {(p) => <input {...p} type="text" value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        <Field label="Tags" error={shown.at('tags')} description="Separated by commas.">
          {(p) => <input {...p} type="text" value={tags} onChange={(e) => setTags(e.target.value)} />}
        </Field>
        <Field label="Default queue type" description="What a declare without x-queue-type gets here.">
          {(p) => (
            <select {...p} value={queueType} onChange={(e) => setQueueType(e.target.value)}>
              <option value="classic">classic</option>
              <option value="quorum">quorum</option>
              <option value="stream">stream</option>
            </select>
          )}
        </Field>
        <Field label="Max connections" error={shown.at('maxConnections')} description="Empty for no limit.">
          {(p) => <input {...p} type="text" inputMode="numeric" value={maxConnections} onChange={(e) => setMaxConnections(e.target.value)} />}
        </Field>
        <Field label="Max queues" error={shown.at('maxQueues')} description="Empty for no limit.">
          {(p) => <input {...p} type="text" inputMode="numeric" value={maxQueues} onChange={(e) => setMaxQueues(e.target.value)} />}
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : initial ? 'Save virtual host' : 'Create virtual host'}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
