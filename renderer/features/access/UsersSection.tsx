/** Users: the list (never a password hash), a form to create or edit one, and a delete that says what goes with it. */
import { useState, type FormEvent } from 'react';
import type { AccessLists, UserRow } from '../../../shared/access/types';
import type { WarrenError } from '../../../shared/errors';
import { useStores } from '../../app/stores';
import { Badge } from '../../ui/Badge';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormButtons } from '../../ui/FormButtons';
import { useConfirm } from '../../ui/useConfirm';
import { AccessTable, RowActions } from './AccessTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CheckboxField, Field } from '../../ui/Field';
import { isError, placeError } from '../../ui/formKit';
import { tagList } from '../../../shared/access/tags';
import { limitsText, userDeleteQuestion } from './accessText';
import { limitFromText, limitToText } from './limits';

export function UsersSection({ lists }: { lists: AccessLists }) {
  const { access } = useStores();
  const [editing, setEditing] = useState<UserRow | 'new'>();
  const deleting = useConfirm<UserRow>();
  const question = deleting.asking;

  return (
    <>
      <AccessTable
        id="users"
        title="Users"
        newLabel="New user"
        onNew={() => setEditing('new')}
        form={editing ? <UserForm initial={editing === 'new' ? undefined : editing} onDone={() => setEditing(undefined)} /> : undefined}
        columns={['Name', 'Tags', 'Login', 'Limits']}
      >
        {lists.users.map((u) => (
          <tr key={u.name}>
            <td className="mono">
              {u.name} {u.isWarrensUser ? <Badge tone="accent">Warren</Badge> : null}
            </td>
            <td>{u.tags.join(', ')}</td>
            <td>{u.passwordLogin ? 'password' : 'no password'}</td>
            <td>{limitsText(u.limits)}</td>
            <RowActions what={`user ${u.name}`} onEdit={() => setEditing(u)} onDelete={() => deleting.ask(u)} />
          </tr>
        ))}
      </AccessTable>
      {question ? (
        <ConfirmDialog
          title={`Delete user ${question.subject.name}?`}
          message={userDeleteQuestion(question.subject, lists.permissions, lists.topicPermissions)}
          confirmLabel="Delete user"
          busy={question.busy}
          error={question.error}
          onConfirm={() => void deleting.confirm((user) => access.deleteUser(user.name))}
          onCancel={deleting.cancel}
        />
      ) : null}
    </>
  );
}

const USER_FIELDS = ['name', 'password', 'tags', 'maxConnections', 'maxChannels'] as const;

function UserForm({ initial, onDone }: { initial?: UserRow; onDone: () => void }) {
  const { access } = useStores();
  const [name, setName] = useState(initial?.name ?? '');
  const [password, setPassword] = useState('');
  const [noPassword, setNoPassword] = useState(initial ? !initial.passwordLogin : false);
  const [tags, setTags] = useState(initial?.tags.join(', ') ?? '');
  const [maxConnections, setMaxConnections] = useState(limitToText(initial?.limits.maxConnections));
  const [maxChannels, setMaxChannels] = useState(limitToText(initial?.limits.maxChannels));
  const [error, setError] = useState<WarrenError>();
  const [busy, setBusy] = useState(false);
  const shown = placeError(error?.field?.startsWith('tags') ? { ...error, field: 'tags' } : error, USER_FIELDS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const connections = limitFromText(maxConnections, 'maxConnections', 'Max connections');
    const channels = limitFromText(maxChannels, 'maxChannels', 'Max channels');
    if (isError(connections)) return setError(connections);
    if (isError(channels)) return setError(channels);
    setBusy(true);
    const result = await access.saveUser({
      name,
      ...(noPassword || password === '' ? {} : { password }),
      noPassword,
      tags: tagList(tags),
      maxConnections: connections,
      maxChannels: channels,
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setPassword('');
    onDone();
  };

  const title = initial ? `Edit user ${initial.name}` : 'New user';
  return (
    <form className="access-form" aria-label={title} onSubmit={(e) => void submit(e)} noValidate>
      {shown.notice ? <ErrorNotice title="The user was not saved" error={shown.notice} /> : null}
      <div className="form-grid">
        <Field label="User name" error={shown.at('name')}>
          {(p) => <input {...p} type="text" className="mono" autoComplete="off" value={name} readOnly={initial !== undefined} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field
          label="Password"
          error={shown.at('password')}
          description={initial ? 'Empty keeps the password the user has.' : 'Sent only to this broker; Warren keeps no copy.'}
        >
          {(p) => <input {...p} type="password" autoComplete="new-password" value={password} disabled={noPassword} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <div className="span-2">
          <CheckboxField label="No password" checked={noPassword} onChange={setNoPassword} description="The user logs in another way (a client certificate); a password login is refused." />
        </div>
        <Field label="Tags" error={shown.at('tags')} description="administrator, monitoring, policymaker, management — separated by commas.">
          {(p) => <input {...p} type="text" value={tags} onChange={(e) => setTags(e.target.value)} />}
        </Field>
        <Field label="Max connections" error={shown.at('maxConnections')} description="Empty for no limit.">
          {(p) => <input {...p} type="text" inputMode="numeric" value={maxConnections} onChange={(e) => setMaxConnections(e.target.value)} />}
        </Field>
        <Field label="Max channels" error={shown.at('maxChannels')} description="Empty for no limit.">
          {(p) => <input {...p} type="text" inputMode="numeric" value={maxChannels} onChange={(e) => setMaxChannels(e.target.value)} />}
        </Field>
      </div>
      <FormButtons busy={busy} label={initial ? 'Save user' : 'Create user'} onCancel={onDone} />
    </form>
  );
}
