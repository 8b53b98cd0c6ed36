/** Virtual hosts: the list, a form to create or edit one (with its limits), and a delete that says what is lost. */
import { useState, type FormEvent } from 'react';
import type { VhostImpact, VhostRow } from '../../../shared/access/types';
import type { WarrenError } from '../../../shared/errors';
import { useStores } from '../../app/stores';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormButtons } from '../../ui/FormButtons';
import { useConfirm } from '../../ui/useConfirm';
import { AccessTable, RowActions } from './AccessTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { isError, placeError } from '../../ui/formKit';
import { tagList } from '../../../shared/access/tags';
import { limitsText, vhostDeleteQuestion } from './accessText';
import { limitFromText, limitToText } from './limits';

export function VhostsSection({ vhosts }: { vhosts: VhostRow[] }) {
  const { access } = useStores();
  const [editing, setEditing] = useState<VhostRow | 'new'>();
  const deleting = useConfirm<{ name: string; impact?: VhostImpact }>();

  // The question needs the broker's count of what the vhost holds, taken now.
  const askDelete = async (name: string) => {
    deleting.ask({ name }, { busy: true });
    const impact = await access.impact(name);
    deleting.ask(impact.ok ? { name, impact: impact.value } : { name }, impact.ok ? {} : { error: impact.error });
  };
  const question = deleting.asking;

  return (
    <>
      <AccessTable
        id="vhosts"
        title="Virtual hosts"
        newLabel="New virtual host"
        onNew={() => setEditing('new')}
        form={editing ? <VhostForm initial={editing === 'new' ? undefined : editing} onDone={() => setEditing(undefined)} /> : undefined}
        columns={['Name', 'Description', 'Tags', 'Default queue type', 'Limits']}
      >
        {vhosts.map((v) => (
          <tr key={v.name}>
            <td className="mono">{v.name}</td>
            <td>{v.description}</td>
            <td>{v.tags.join(', ')}</td>
            <td>{v.defaultQueueType}</td>
            <td>{limitsText(v.limits)}</td>
            <RowActions what={`virtual host ${v.name}`} onEdit={() => setEditing(v)} onDelete={() => void askDelete(v.name)} />
          </tr>
        ))}
      </AccessTable>
      {question ? (
        <ConfirmDialog
          title={`Delete virtual host ${question.subject.name}?`}
          message={question.subject.impact ? vhostDeleteQuestion(question.subject.impact) : question.error ? 'Warren could not count what it holds.' : 'Counting what it holds…'}
          confirmLabel="Delete virtual host"
          busy={question.busy}
          error={question.error}
          onConfirm={() => void deleting.confirm((subject) => access.deleteVhost(subject.name))}
          onCancel={deleting.cancel}
        />
      ) : null}
    </>
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
      tags: tagList(tags),
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
      <FormButtons busy={busy} label={initial ? 'Save virtual host' : 'Create virtual host'} onCancel={onDone} />
    </form>
  );
}
