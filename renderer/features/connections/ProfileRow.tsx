/** One connection profile: what it points at, and Connect / Disconnect / Test / Edit / Delete. */
import type { ConnectionState, ProfileKind, ProfileSummary } from '../../../shared/connections/types';
import { useStore } from '../../app/store';
import { useStores } from '../../app/stores';
import { useAction } from '../../ui/useAction';
import { isActiveFor } from './connectionText';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { ErrorNotice } from '../../ui/ErrorNotice';

const KIND: Record<ProfileKind, { label: string; tone: BadgeTone; title: string }> = {
  sandbox: { label: 'Sandbox', tone: 'accent', title: 'Warren’s own broker; built in' },
  detected: { label: 'Detected', tone: 'info', title: 'A broker found on localhost:5672; built in' },
  environment: { label: 'Environment', tone: 'info', title: 'Given by WARREN_BROKER_URL when Warren started; built in' },
  user: { label: 'Yours', tone: 'neutral', title: 'A profile you saved' },
};

const ACTIVE_LABEL: Partial<Record<ConnectionState['status'], string>> = {
  connected: 'Connected',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
};

interface Props {
  profile: ProfileSummary;
  connection: ConnectionState;
  editing: boolean;
  onEdit: (profile: ProfileSummary) => void;
  onDelete: (profile: ProfileSummary) => void;
}

export function ProfileRow({ profile, connection, editing, onEdit, onDelete }: Props) {
  const { connections, brokers } = useStores();
  const connect = useAction(connections.connect);
  const openBeside = useAction(brokers.open);
  const closeBeside = useAction(brokers.close);
  const beside = useStore(brokers).open.find((b) => b.id === profile.id && !b.main);
  const disconnect = useAction(connections.disconnect);
  const test = useAction(connections.testProfile);
  const builtIn = profile.kind !== 'user';
  const active = isActiveFor(connection, profile.id);
  const failedHere = connection.profileId === profile.id && connection.status === 'failed';
  const kind = KIND[profile.kind];

  // A connect that ended "failed" is an answer, not a transport error: show its reason here too.
  const connectError = connect.error ?? (connect.value?.status === 'failed' && failedHere ? connect.value.error : undefined);

  const runConnect = () => {
    test.reset();
    disconnect.reset();
    void connect.run({ id: profile.id });
  };
  const runTest = () => {
    connect.reset();
    void test.run({ id: profile.id });
  };

  return (
    <li className={`profile-row${active ? ' is-current' : ''}${editing ? ' is-editing' : ''}`} aria-label={profile.name}>
      <div className="profile-main">
        <div className="profile-title">
          <span className="profile-name">{profile.name}</span>
          <Badge tone={kind.tone} title={kind.title}>
            {kind.label}
          </Badge>
          {profile.tls.enabled ? <Badge tone="info">TLS</Badge> : null}
          {active ? <Badge tone={connection.status === 'connected' ? 'ok' : 'warn'}>{ACTIVE_LABEL[connection.status]}</Badge> : null}
          {failedHere ? <Badge tone="error">Failed</Badge> : null}
          {beside ? (
            <Badge tone={beside.state.status === 'connected' ? 'ok' : 'warn'} title="Connected beside the main connection: pick it in a page’s Broker picker">
              {beside.state.status === 'connected' ? 'Open beside' : `Beside: ${beside.state.status}`}
            </Badge>
          ) : null}
          {!profile.hasPassword ? (
            <Badge tone="warn" title="Edit the profile to enter its password">
              No password
            </Badge>
          ) : null}
        </div>
        <p className="profile-meta">
          <span className="mono">
            {profile.host}:{profile.port}
          </span>
          <span className="meta-sep">·</span>
          <span>
            vhost <span className="mono">{profile.vhost}</span>
          </span>
          <span className="meta-sep">·</span>
          <span>
            user <span className="mono">{profile.username}</span>
          </span>
        </p>
      </div>
      <div className="profile-actions">
        {active ? (
          <button type="button" className="button" disabled={disconnect.loading} onClick={() => void disconnect.run({})}>
            {disconnect.loading ? 'Disconnecting…' : 'Disconnect'}
          </button>
        ) : (
          <button type="button" className="button button-primary" disabled={connect.loading} onClick={runConnect}>
            {connect.loading ? 'Connecting…' : 'Connect'}
          </button>
        )}
        {/* Beside the main connection: only while there is one, and never the main one itself. */}
        {beside ? (
          <button type="button" className="button" disabled={closeBeside.loading} onClick={() => void closeBeside.run({ id: profile.id })}>
            {closeBeside.loading ? 'Closing…' : 'Close beside'}
          </button>
        ) : !active && connection.status === 'connected' ? (
          <button
            type="button"
            className="button"
            disabled={openBeside.loading}
            title="Connect to this broker too, keeping the main connection: Overview, Topology, Access, Definitions and Policies can then work on either"
            onClick={() => void openBeside.run({ id: profile.id })}
          >
            {openBeside.loading ? 'Opening…' : 'Open beside'}
          </button>
        ) : null}
        <button type="button" className="button" disabled={test.loading} onClick={runTest}>
          {test.loading ? 'Testing…' : 'Test'}
        </button>
        {builtIn ? null : (
          <>
            <button type="button" className="button" onClick={() => onEdit(profile)}>
              Edit
            </button>
            <button type="button" className="button button-danger-quiet" onClick={() => onDelete(profile)}>
              Delete
            </button>
          </>
        )}
      </div>
      {test.value ? (
        <p className="test-ok profile-feedback" aria-live="polite">
          {test.value.message}
        </p>
      ) : null}
      {connect.value?.switched && active ? (
        <p className="test-ok profile-feedback" aria-live="polite">
          {switchedText(connect.value.switched)}
        </p>
      ) : null}
      {test.error ? <ErrorNotice className="profile-feedback" title="Test failed" error={test.error} /> : null}
      {connectError ? <ErrorNotice className="profile-feedback" title="Could not connect" error={connectError} /> : null}
      {disconnect.error ? <ErrorNotice className="profile-feedback" error={disconnect.error} /> : null}
      {openBeside.error ? <ErrorNotice className="profile-feedback" title="Could not open beside" error={openBeside.error} /> : null}
      {closeBeside.error ? <ErrorNotice className="profile-feedback" error={closeBeside.error} /> : null}
    </li>
  );
}

/** What a successful switch says: where from, and everything it stopped with the old connection. */
export function switchedText(switched: NonNullable<ConnectionState['switched']>): string {
  const what = switched.detached.length > 0 ? `stopped ${switched.detached.join('; ')}` : 'nothing was running there';
  return `Switched from ${switched.from}: ${what}.`;
}
