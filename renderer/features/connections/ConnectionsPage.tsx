/** Connections: the sandbox broker, the profiles, and the form to add or edit one. */
import { useEffect, useState } from 'react';
import type { ProfileSummary } from '../../../shared/connections/types';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ProfileForm } from './ProfileForm';
import { ProfileList } from './ProfileList';
import { SandboxCard } from './SandboxCard';
import { ClusterCard } from './ClusterCard';
import { useStore } from '../../app/store';
import { useStores } from '../../app/stores';
import { useAction } from '../../ui/useAction';
import { PageShell } from '../../ui/PageShell';
import { useWarren } from '../../app/useWarren';

export function ConnectionsPage() {
  const { connection, sandbox, appInfo } = useWarren();
  const { connections } = useStores();
  const profiles = useStore(connections);
  const clusterUp = profiles.cluster?.nodes.filter((n) => n.status === 'running').length ?? 0;
  const remove = useAction(connections.deleteProfile);
  const [editing, setEditing] = useState<ProfileSummary>();
  // Bumped to start a fresh "New profile" form after Save or Cancel.
  const [formGeneration, setFormGeneration] = useState(0);
  const [pendingDelete, setPendingDelete] = useState<ProfileSummary>();
  const [notice, setNotice] = useState<string>();

  // The sandbox's ports and a newly detected local broker change the list.
  useEffect(() => {
    void connections.loadProfiles();
  }, [connections, sandbox?.status, sandbox?.amqpPort, clusterUp, connection.profileId, connection.status]);

  const resetForm = () => {
    setEditing(undefined);
    setFormGeneration((n) => n + 1);
  };

  const confirmDelete = async () => {
    if (!pendingDelete) return;
    const result = await remove.run({ id: pendingDelete.id });
    if (result.ok) {
      setNotice(`Deleted the profile “${pendingDelete.name}”.`);
      if (editing?.id === pendingDelete.id) resetForm();
      setPendingDelete(undefined);
    }
  };

  return (
    <PageShell title="Connections" subtitle="Pick the broker Warren inspects, or add your own.">
      {notice ? (
        <p className="page-notice" aria-live="polite">
          {notice}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setNotice(undefined)}>
            ×
          </button>
        </p>
      ) : null}
      <div className="connections-layout">
        <div className="connections-column">
          <SandboxCard state={sandbox} />
          <ClusterCard />
          <ProfileList
            profiles={profiles.profiles}
            error={profiles.error}
            connection={connection}
            editingId={editing?.id}
            onEdit={(profile) => {
              setEditing(profile);
              setNotice(undefined);
            }}
            onDelete={(profile) => {
              remove.reset();
              setPendingDelete(profile);
            }}
          />
        </div>
        <div className="connections-column">
          <ProfileForm
            key={`${editing?.id ?? 'new'}-${formGeneration}`}
            editing={editing}
            appInfo={appInfo}
            onSaved={(profile) => {
              setNotice(`Saved the profile “${profile.name}”.`);
              resetForm();
            }}
            onCancel={resetForm}
          />
        </div>
      </div>
      {pendingDelete ? (
        <ConfirmDialog
          title="Delete profile"
          message={`Delete the profile “${pendingDelete.name}”? Warren forgets its settings and stored password.`}
          confirmLabel={`Delete “${pendingDelete.name}”`}
          busy={remove.loading}
          onConfirm={() => void confirmDelete()}
          error={remove.error}
          onCancel={() => setPendingDelete(undefined)}
        />
      ) : null}
    </PageShell>
  );
}
