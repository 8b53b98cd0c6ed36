/**
 * Shown for a demo that kills a cluster node while Warren is not connected to its sandbox
 * cluster: the demo runs where the charts look, and only a cluster of Warren's own may lose a
 * node (main/service/demos/connected-cluster.ts says why). One button switches Warren to it.
 */
import { useState } from 'react';
import type { ConnectionState } from '../../../shared/connections/types';

export function ClusterOffer({ connection, onConnect }: { connection: ConnectionState; onConnect: () => Promise<void> }) {
  const [connecting, setConnecting] = useState(false);
  const now = connection.status === 'connected' ? `Warren is connected to ${connection.profileName ?? 'another broker'} now; that connection is closed, nothing on it is touched.` : '';
  return (
    <section className="notice notice-warning demo-cluster-offer" aria-label="Needs the sandbox cluster">
      <div className="notice-body">
        <p className="notice-message">
          <strong>This demo needs Warren’s sandbox cluster.</strong> It kills a node (kill -9) of the broker its charts show, so it runs only on three local nodes of
          Warren’s own. {now}
        </p>
        <p className="notice-hint">Starting the cluster takes a minute on a busy machine; once connected, press Run.</p>
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            disabled={connecting}
            onClick={() => {
              setConnecting(true);
              void onConnect().finally(() => setConnecting(false));
            }}
          >
            {connecting ? 'Connecting to the sandbox cluster…' : 'Connect to the sandbox cluster'}
          </button>
        </div>
      </div>
    </section>
  );
}
