/** The list of profiles: built-in ones first (sandbox, detected), then the user's. */
import type { ConnectionState, ProfileSummary } from '../../../shared/connections/types';
import type { WarrenError } from '../../../shared/errors';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ProfileRow } from './ProfileRow';

interface Props {
  profiles: ProfileSummary[] | undefined;
  error?: WarrenError;
  connection: ConnectionState;
  editingId?: string;
  onEdit: (profile: ProfileSummary) => void;
  onDelete: (profile: ProfileSummary) => void;
}

export function ProfileList({ profiles, error, connection, editingId, onEdit, onDelete }: Props) {
  return (
    <section className="card" aria-labelledby="profiles-heading">
      <h2 id="profiles-heading" className="section-title">
        Profiles
      </h2>
      {error ? <ErrorNotice title="Could not list the profiles" error={error} /> : null}
      {profiles === undefined && !error ? <p className="muted">Loading profiles…</p> : null}
      {profiles && profiles.length > 0 ? (
        <ul className="profile-list" aria-labelledby="profiles-heading">
          {profiles.map((profile) => (
            <ProfileRow
              key={profile.id}
              profile={profile}
              connection={connection}
              editing={profile.id === editingId}
              onEdit={onEdit}
              onDelete={onDelete}
            />
          ))}
        </ul>
      ) : null}
      {profiles && profiles.length === 0 ? <p className="muted">No profiles yet. Create one with the form.</p> : null}
    </section>
  );
}
