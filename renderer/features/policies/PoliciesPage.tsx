/**
 * Policies: a vhost's policies and operator policies — list, create, edit, delete — with what a
 * pattern matches shown live while it is typed (which policy wins for each queue and exchange,
 * and which keys it sets), and a delete that names what loses the policy.
 */
import { useEffect, useState } from 'react';
import { effectivePolicies } from '../../../shared/policies/match';
import type { Policy } from '../../../shared/policies/types';
import { BrokerPicker } from '../brokers/BrokerPicker';
import { usePageBroker } from '../brokers/usePageBroker';
import { useStore } from '../../app/store';
import { useStores } from '../../app/stores';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageShell } from '../../ui/PageShell';
import { formOf, PolicyForm, type FormValues } from './PolicyForm';
import './policies.css';

export function PoliciesPage() {
  const { connection } = usePageBroker('policies');
  const store = useStores().policies;
  const s = useStore(store);
  // A vhost is chosen on one broker: another broker starts from its connection's vhost.
  const [choice, setChoice] = useState<{ profileId?: string; vhost?: string }>({});
  const chosen = choice.profileId === connection.profileId ? choice.vhost : undefined;
  const vhost = chosen ?? connection.vhost ?? '/';
  const [editing, setEditing] = useState<{ values: FormValues; existing: boolean; key: number }>();
  const [deleting, setDeleting] = useState<Policy>();
  const connected = connection.status === 'connected';
  useEffect(() => {
    if (!connected) return;
    void store.loadVhosts();
    void store.load(vhost);
  }, [store, connected, vhost, connection.profileId]);

  const view = s.view?.vhost === vhost ? s.view : undefined;
  const applied = view ? effectivePolicies([...view.queues, ...view.exchanges], view.policies) : [];
  const usersOf = (p: Policy) => applied.filter((e) => (p.operator ? e.operatorPolicy : e.policy) === p.name).map((e) => `${e.target.kind} ${e.target.name}`);

  return (
    <PageShell
      title="Policies"
      subtitle="Policies and operator policies: what each applies to, and what a pattern would match before it is saved"
      needs="connected"
      connection={connection}
      actions={
        <>
        <BrokerPicker page="policies" />
        <div className="vhost-picker">
          <label htmlFor="policies-vhost">Virtual host</label>
          <select id="policies-vhost" value={vhost} onChange={(e) => { setChoice({ profileId: connection.profileId, vhost: e.target.value }); setEditing(undefined); }}>
            {[...new Set([vhost, ...s.vhosts])].map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
        </>
      }
    >
      {s.error ? <ErrorNotice title="Could not read the policies" error={s.error} /> : null}
      {s.notice ? <p role="status">{s.notice}</p> : null}
      {s.actionError && !deleting ? <ErrorNotice title="The broker refused" error={s.actionError} /> : null}
      {view ? (
        <>
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={() => setEditing({ values: formOf(), existing: false, key: Date.now() })}>
              New policy
            </button>
          </div>
          {editing ? (
            <PolicyForm
              key={editing.key}
              view={view}
              initial={editing.values}
              editing={editing.existing}
              busy={s.busy === 'save'}
              onSave={(draft) => void store.save(draft).then((ok) => ok && setEditing(undefined))}
              onCancel={() => setEditing(undefined)}
            />
          ) : null}
          {view.policies.length === 0 ? (
            <p className="muted">No policies in vhost {vhost}.</p>
          ) : (
            <div className="table-scroll">
              <table className="table" aria-label={`Policies of vhost ${vhost}`}>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Pattern</th>
                    <th scope="col">Apply to</th>
                    <th scope="col">Priority</th>
                    <th scope="col">Definition</th>
                    <th scope="col">Applies to</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {view.policies.map((p) => {
                    const users = usersOf(p);
                    return (
                      <tr key={`${p.operator ? 'op' : 'p'} ${p.name}`}>
                        <td>
                          {p.name}
                          {p.operator ? <span className="muted"> (operator)</span> : null}
                        </td>
                        <td>
                          <code>{p.pattern}</code>
                        </td>
                        <td>{p.applyTo}</td>
                        <td>{p.priority}</td>
                        <td>
                          <code>{JSON.stringify(p.definition)}</code>
                        </td>
                        <td title={users.join('\n')}>{users.length === 0 ? 'nothing' : `${users.length} (${users.slice(0, 3).join(', ')}${users.length > 3 ? ' …' : ''})`}</td>
                        <td>
                          <div className="button-row">
                            <button type="button" className="button button-small" aria-label={`Edit ${p.name}`} onClick={() => setEditing({ values: formOf(p), existing: true, key: Date.now() })}>
                              Edit
                            </button>
                            <button type="button" className="button button-small button-danger-quiet" aria-label={`Delete ${p.name}`} onClick={() => setDeleting(p)}>
                              Delete
                            </button>
                          </div>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete ${deleting.operator ? 'operator policy' : 'policy'} ${deleting.name}?`}
          message={(() => {
            const users = usersOf(deleting);
            return users.length === 0 ? 'It applies to nothing now.' : `${users.length} object${users.length === 1 ? '' : 's'} lose${users.length === 1 ? 's' : ''} it (another matching policy may take over): ${users.slice(0, 8).join(', ')}${users.length > 8 ? ' …' : ''}.`;
          })()}
          confirmLabel="Delete"
          busy={s.busy === 'delete'}
          error={s.actionError}
          onConfirm={() => void store.remove(vhost, deleting.name, deleting.operator).then((ok) => ok && setDeleting(undefined))}
          onCancel={() => setDeleting(undefined)}
        />
      ) : null}
    </PageShell>
  );
}
