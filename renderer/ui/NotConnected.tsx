/** What a broker page shows while there is no broker: why, and where to go. */
import type { ConnectionState } from '../../shared/connections/types';
import { hrefFor } from '../app/useHashRoute';
import { EmptyState } from './EmptyState';

export function NotConnected({ state }: { state: ConnectionState }) {
  const title =
    state.status === 'connecting'
      ? `Connecting to ${state.profileName ?? 'the broker'}…`
      : state.status === 'failed'
        ? `Could not connect to ${state.profileName ?? 'the broker'}`
        : 'Not connected to a broker';
  return (
    <EmptyState title={title}>
      {state.status === 'failed' && state.error ? (
        <p>
          {state.error.message}. {state.error.hint}
        </p>
      ) : null}
      {state.status !== 'connecting' ? (
        <>
          <p>Pick the sandbox broker or one of your profiles on the Connections page.</p>
          <p>
            <button type="button" className="button button-primary empty-action" onClick={() => window.location.assign(hrefFor('connections'))}>
              Choose a broker
            </button>
          </p>
        </>
      ) : (
        <p>This takes a few seconds; the sandbox broker takes a little longer the first time.</p>
      )}
    </EmptyState>
  );
}
