/** Who may do what where: permissions per user and vhost, and topic permissions per exchange. */
import { useState, type FormEvent } from 'react';
import type { AccessLists, PermissionRow, TopicPermissionRow } from '../../../shared/access/types';
import type { AccessChange } from '../../../shared/access/types';
import type { Result, WarrenError } from '../../../shared/errors';
import { useStores } from '../../app/stores';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { placeError } from '../../ui/formKit';
import { patternText } from './accessText';
import { PatternField, patternsValid } from './PatternField';
import { PickField } from './PickField';

type Removal = { title: string; message: string; run: () => Promise<Result<AccessChange>>; error?: WarrenError; busy?: boolean };

export function PermissionsSection({ lists }: { lists: AccessLists }) {
  const { access } = useStores();
  const [editing, setEditing] = useState<PermissionRow | 'new'>();
  const [editingTopic, setEditingTopic] = useState<TopicPermissionRow | 'new'>();
  const [removing, setRemoving] = useState<Removal>();
  const users = lists.users.map((u) => u.name);
  const vhosts = lists.vhosts.map((v) => v.name);

  const confirmRemove = async () => {
    if (!removing) return;
    setRemoving({ ...removing, busy: true });
    const result = await removing.run();
    if (result.ok) setRemoving(undefined);
    else setRemoving({ ...removing, busy: false, error: result.error });
  };

  return (
    <>
      <section className="card" aria-labelledby="permissions-heading">
        <div className="card-header">
          <h2 id="permissions-heading" className="section-title">
            Permissions
          </h2>
          <button type="button" className="button button-small" onClick={() => setEditing('new')}>
            Set permissions
          </button>
        </div>
        <p className="section-note">Each is a regular expression over resource names: configure (declare, delete), write (publish, bind to), read (consume, get, bind from).</p>
        {editing ? <PermissionForm initial={editing === 'new' ? undefined : editing} users={users} vhosts={vhosts} onDone={() => setEditing(undefined)} /> : null}
        <div className="table-scroll">
          <table className="table" aria-labelledby="permissions-heading">
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Virtual host</th>
                <th scope="col">Configure</th>
                <th scope="col">Write</th>
                <th scope="col">Read</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lists.permissions.map((p) => (
                <tr key={`${p.vhost}\u0000${p.user}`}>
                  <td className="mono">{p.user}</td>
                  <td className="mono">{p.vhost}</td>
                  <td className="mono">{patternText(p.configure)}</td>
                  <td className="mono">{patternText(p.write)}</td>
                  <td className="mono">{patternText(p.read)}</td>
                  <td className="access-actions">
                    <button type="button" className="button button-small" onClick={() => setEditing(p)} aria-label={`Edit permissions of ${p.user} in ${p.vhost}`}>
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button button-small button-danger-quiet"
                      aria-label={`Remove permissions of ${p.user} in ${p.vhost}`}
                      onClick={() =>
                        setRemoving({
                          title: `Remove the permissions of ${p.user} in ${p.vhost}?`,
                          message: `${p.user} can no longer open a connection to ${p.vhost}; its open connections there keep running until they close.`,
                          run: () => access.clearPermission(p.user, p.vhost),
                        })
                      }
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="topic-permissions-heading">
        <div className="card-header">
          <h2 id="topic-permissions-heading" className="section-title">
            Topic permissions
          </h2>
          <button type="button" className="button button-small" onClick={() => setEditingTopic('new')}>
            Set topic permissions
          </button>
        </div>
        <p className="section-note">On a topic exchange, which routing keys a user may publish with (write) and bind with (read).</p>
        {editingTopic ? <TopicPermissionForm initial={editingTopic === 'new' ? undefined : editingTopic} users={users} vhosts={vhosts} onDone={() => setEditingTopic(undefined)} /> : null}
        {lists.topicPermissions.length === 0 ? (
          <p className="muted">No topic permissions: every user with write or read permission may use any routing key.</p>
        ) : (
          <div className="table-scroll">
            <table className="table" aria-labelledby="topic-permissions-heading">
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Virtual host</th>
                  <th scope="col">Exchange</th>
                  <th scope="col">Write</th>
                  <th scope="col">Read</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {lists.topicPermissions.map((p) => (
                  <tr key={`${p.vhost}\u0000${p.user}\u0000${p.exchange}`}>
                    <td className="mono">{p.user}</td>
                    <td className="mono">{p.vhost}</td>
                    <td className="mono">{p.exchange}</td>
                    <td className="mono">{patternText(p.write)}</td>
                    <td className="mono">{patternText(p.read)}</td>
                    <td className="access-actions">
                      <button type="button" className="button button-small" onClick={() => setEditingTopic(p)} aria-label={`Edit topic permissions of ${p.user} on ${p.exchange}`}>
                        Edit
                      </button>
                      <button
                        type="button"
                        className="button button-small button-danger-quiet"
                        aria-label={`Remove topic permissions of ${p.user} in ${p.vhost}`}
                        onClick={() => {
                          const all = lists.topicPermissions.filter((t) => t.user === p.user && t.vhost === p.vhost).map((t) => t.exchange);
                          setRemoving({
                            title: `Remove the topic permissions of ${p.user} in ${p.vhost}?`,
                            // The management API removes them per user and vhost, not per exchange: say every one that goes.
                            message: `The broker removes them all at once: ${all.join(', ')}. ${p.user} may then use any routing key its permissions allow.`,
                            run: () => access.clearTopicPermissions(p.user, p.vhost),
                          });
                        }}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {removing ? (
        <ConfirmDialog
          title={removing.title}
          message={removing.message}
          confirmLabel="Remove"
          busyLabel="Removing…"
          busy={removing.busy}
          error={removing.error}
          onConfirm={() => void confirmRemove()}
          onCancel={() => setRemoving(undefined)}
        />
      ) : null}
    </>
  );
}

interface FormProps<Row> {
  initial?: Row;
  users: string[];
  vhosts: string[];
  onDone: () => void;
}

function PermissionForm({ initial, users, vhosts, onDone }: FormProps<PermissionRow>) {
  const { access } = useStores();
  const [user, setUser] = useState(initial?.user ?? users[0] ?? '');
  const [vhost, setVhost] = useState(initial?.vhost ?? vhosts[0] ?? '');
  const [configure, setConfigure] = useState(initial?.configure ?? '.*');
  const [write, setWrite] = useState(initial?.write ?? '.*');
  const [read, setRead] = useState(initial?.read ?? '.*');
  const [error, setError] = useState<WarrenError>();
  const [busy, setBusy] = useState(false);
  const shown = placeError(error, ['configure', 'write', 'read']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!patternsValid(configure, write, read)) return;
    setBusy(true);
    const result = await access.setPermission({ user, vhost, configure, write, read });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onDone();
  };

  return (
    <form className="access-form" aria-label="Set permissions" onSubmit={(e) => void submit(e)} noValidate>
      {shown.notice ? <ErrorNotice title="The permissions were not set" error={shown.notice} /> : null}
      <div className="form-grid">
        <PickField label="User" value={user} options={users} onChange={setUser} locked={initial !== undefined} />
        <PickField label="Virtual host" value={vhost} options={vhosts} onChange={setVhost} locked={initial !== undefined} />
        <PatternField label="Configure" value={configure} onChange={setConfigure} error={shown.at('configure')} />
        <PatternField label="Write" value={write} onChange={setWrite} error={shown.at('write')} />
        <PatternField label="Read" value={read} onChange={setRead} error={shown.at('read')} />
      </div>
      <FormButtons busy={busy} label="Set permissions" onCancel={onDone} />
    </form>
  );
}

function TopicPermissionForm({ initial, users, vhosts, onDone }: FormProps<TopicPermissionRow>) {
  const { access } = useStores();
  const [user, setUser] = useState(initial?.user ?? users[0] ?? '');
  const [vhost, setVhost] = useState(initial?.vhost ?? vhosts[0] ?? '');
  const [exchange, setExchange] = useState(initial?.exchange ?? 'amq.topic');
  const [write, setWrite] = useState(initial?.write ?? '.*');
  const [read, setRead] = useState(initial?.read ?? '.*');
  const [error, setError] = useState<WarrenError>();
  const [busy, setBusy] = useState(false);
  const shown = placeError(error, ['exchange', 'write', 'read']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!patternsValid(write, read)) return;
    setBusy(true);
    const result = await access.setTopicPermission({ user, vhost, exchange, write, read });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onDone();
  };

  return (
    <form className="access-form" aria-label="Set topic permissions" onSubmit={(e) => void submit(e)} noValidate>
      {shown.notice ? <ErrorNotice title="The topic permissions were not set" error={shown.notice} /> : null}
      <div className="form-grid">
        <PickField label="User" value={user} options={users} onChange={setUser} locked={initial !== undefined} />
        <PickField label="Virtual host" value={vhost} options={vhosts} onChange={setVhost} locked={initial !== undefined} />
        <Field label="Exchange" error={shown.at('exchange')}>
          {(p) => <input {...p} type="text" className="mono" value={exchange} readOnly={initial !== undefined} onChange={(e) => setExchange(e.target.value)} />}
        </Field>
        <PatternField label="Write" value={write} onChange={setWrite} error={shown.at('write')} />
        <PatternField label="Read" value={read} onChange={setRead} error={shown.at('read')} />
      </div>
      <FormButtons busy={busy} label="Set topic permissions" onCancel={onDone} />
    </form>
  );
}

function FormButtons({ busy, label, onCancel }: { busy: boolean; label: string; onCancel: () => void }) {
  return (
    <div className="button-row">
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Saving…' : label}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
