/** Who may do what where: permissions per user and vhost, and topic permissions per exchange. */
import { useState, type FormEvent } from 'react';
import type { AccessLists, PermissionRow, TopicPermissionRow } from '../../../shared/access/types';
import type { AccessChange } from '../../../shared/access/types';
import type { Result, WarrenError } from '../../../shared/errors';
import { useStores } from '../../app/stores';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormButtons } from '../../ui/FormButtons';
import { useConfirm } from '../../ui/useConfirm';
import { AccessTable, RowActions } from './AccessTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { placeError } from '../../ui/formKit';
import { patternText } from './accessText';
import { PatternField, patternsValid } from './PatternField';
import { PickField } from './PickField';

interface Removal {
  title: string;
  message: string;
  run: () => Promise<Result<AccessChange>>;
}

export function PermissionsSection({ lists }: { lists: AccessLists }) {
  const { access } = useStores();
  const [editing, setEditing] = useState<PermissionRow | 'new'>();
  const [editingTopic, setEditingTopic] = useState<TopicPermissionRow | 'new'>();
  const removing = useConfirm<Removal>();
  const users = lists.users.map((u) => u.name);
  const vhosts = lists.vhosts.map((v) => v.name);
  const question = removing.asking;

  return (
    <>
      <AccessTable
        id="permissions"
        title="Permissions"
        newLabel="Set permissions"
        onNew={() => setEditing('new')}
        note="Each is a regular expression over resource names: configure (declare, delete), write (publish, bind to), read (consume, get, bind from)."
        form={editing ? <PermissionForm initial={editing === 'new' ? undefined : editing} users={users} vhosts={vhosts} onDone={() => setEditing(undefined)} /> : undefined}
        columns={['User', 'Virtual host', 'Configure', 'Write', 'Read']}
      >
        {lists.permissions.map((p) => (
          <tr key={`${p.vhost}\u0000${p.user}`}>
            <td className="mono">{p.user}</td>
            <td className="mono">{p.vhost}</td>
            <td className="mono">{patternText(p.configure)}</td>
            <td className="mono">{patternText(p.write)}</td>
            <td className="mono">{patternText(p.read)}</td>
            <RowActions
              what={`permissions of ${p.user} in ${p.vhost}`}
              deleteLabel="Remove"
              onEdit={() => setEditing(p)}
              onDelete={() =>
                removing.ask({
                  title: `Remove the permissions of ${p.user} in ${p.vhost}?`,
                  message: `${p.user} can no longer open a connection to ${p.vhost}; its open connections there keep running until they close.`,
                  run: () => access.clearPermission(p.user, p.vhost),
                })
              }
            />
          </tr>
        ))}
      </AccessTable>
      <AccessTable
        id="topic-permissions"
        title="Topic permissions"
        newLabel="Set topic permissions"
        onNew={() => setEditingTopic('new')}
        note="On a topic exchange, which routing keys a user may publish with (write) and bind with (read)."
        form={editingTopic ? <TopicPermissionForm initial={editingTopic === 'new' ? undefined : editingTopic} users={users} vhosts={vhosts} onDone={() => setEditingTopic(undefined)} /> : undefined}
        columns={['User', 'Virtual host', 'Exchange', 'Write', 'Read']}
        empty="No topic permissions: every user with write or read permission may use any routing key."
      >
        {lists.topicPermissions.map((p) => (
          <tr key={`${p.vhost}\u0000${p.user}\u0000${p.exchange}`}>
            <td className="mono">{p.user}</td>
            <td className="mono">{p.vhost}</td>
            <td className="mono">{p.exchange}</td>
            <td className="mono">{patternText(p.write)}</td>
            <td className="mono">{patternText(p.read)}</td>
            <RowActions
              what={`topic permissions of ${p.user} on ${p.exchange} in ${p.vhost}`}
              deleteLabel="Remove"
              onEdit={() => setEditingTopic(p)}
              onDelete={() => {
                const all = lists.topicPermissions.filter((t) => t.user === p.user && t.vhost === p.vhost).map((t) => t.exchange);
                removing.ask({
                  title: `Remove the topic permissions of ${p.user} in ${p.vhost}?`,
                  // The management API removes them per user and vhost, not per exchange: say every one that goes.
                  message: `The broker removes them all at once: ${all.join(', ')}. ${p.user} may then use any routing key its permissions allow.`,
                  run: () => access.clearTopicPermissions(p.user, p.vhost),
                });
              }}
            />
          </tr>
        ))}
      </AccessTable>
      {question ? (
        <ConfirmDialog
          title={question.subject.title}
          message={question.subject.message}
          confirmLabel="Remove"
          busyLabel="Removing…"
          busy={question.busy}
          error={question.error}
          onConfirm={() => void removing.confirm((subject) => subject.run())}
          onCancel={removing.cancel}
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
