/** Access: virtual hosts, users, and who may do what where — each change confirmed in words first when it loses something. */
import { useEffect } from 'react';
import { useStores } from '../../app/stores';
import { useStore } from '../../app/store';
import { sessionKey as keyOf } from '../../app/sessionStore';
import { BrokerPicker } from '../brokers/BrokerPicker';
import { usePageBroker } from '../brokers/usePageBroker';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageShell } from '../../ui/PageShell';
import { PermissionsSection } from './PermissionsSection';
import { UsersSection } from './UsersSection';
import { VhostsSection } from './VhostsSection';
import './access.css';

export function AccessPage() {
  const { access } = useStores();
  const { connection } = usePageBroker('access');
  const { lists, error, lastChange } = useStore(access);
  const sessionKey = keyOf(connection);
  const connected = connection.status === 'connected';
  // Read again whenever Warren (re)connects, possibly to another broker.
  useEffect(() => {
    if (connected) void access.load();
  }, [access, sessionKey, connected]);

  return (
    <PageShell title="Access" subtitle="Virtual hosts, users and their permissions, through the broker's management API." needs="connected" connection={connection} actions={<BrokerPicker page="access" />} className="access-page">
      {lastChange ? (
        <p role="status" className="access-status">
          {lastChange}
        </p>
      ) : null}
      {error ? <ErrorNotice title="Could not read access" error={error} /> : null}
      {lists ? (
        <>
          <VhostsSection vhosts={lists.vhosts} />
          <UsersSection lists={lists} />
          <PermissionsSection lists={lists} />
        </>
      ) : null}
    </PageShell>
  );
}
