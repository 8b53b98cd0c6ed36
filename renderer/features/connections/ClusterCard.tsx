/**
 * The sandbox cluster: three local nodes joined into one cluster, started on request. One card
 * per node with its state and its actions; killing a node (kill -9 of its VM) asks first.
 */
import { useState } from 'react';
import type { ClusterNodeState, ClusterNodeStatus, ClusterStatus } from '../../../shared/connections/types';
import { useStore } from '../../app/store';
import { useStores } from '../../app/stores';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useAction } from '../../ui/useAction';

const CLUSTER: Record<ClusterStatus, { label: string; tone: BadgeTone }> = {
  unavailable: { label: 'Unavailable', tone: 'neutral' },
  stopped: { label: 'Stopped', tone: 'neutral' },
  starting: { label: 'Starting…', tone: 'info' },
  ready: { label: 'Ready', tone: 'ok' },
  degraded: { label: 'Degraded', tone: 'warn' },
  stopping: { label: 'Stopping…', tone: 'info' },
  failed: { label: 'Failed', tone: 'error' },
};

const NODE: Record<ClusterNodeStatus, { label: string; tone: BadgeTone }> = {
  stopped: { label: 'Stopped', tone: 'neutral' },
  starting: { label: 'Starting…', tone: 'info' },
  running: { label: 'Running', tone: 'ok' },
  stopping: { label: 'Stopping…', tone: 'info' },
  down: { label: 'Down', tone: 'error' },
  failed: { label: 'Failed', tone: 'error' },
};

export function ClusterCard() {
  const { connections } = useStores();
  const { cluster } = useStore(connections);
  const start = useAction(connections.startCluster);
  const stop = useAction(connections.stopCluster);
  const [pendingKill, setPendingKill] = useState<ClusterNodeState>();
  const kill = useAction(connections.killNode);

  if (!cluster) return null;
  const status = CLUSTER[cluster.status];
  const busy = cluster.status === 'starting' || cluster.status === 'stopping';
  const anyUp = cluster.nodes.some((n) => n.status !== 'stopped');
  const callError = start.error ?? stop.error;

  return (
    <section className="card cluster-card" aria-labelledby="cluster-heading" data-testid="cluster-card">
      <div className="card-header">
        <h2 id="cluster-heading" className="section-title">
          Sandbox cluster
        </h2>
        <span data-testid="cluster-status" data-status={cluster.status}>
          <Badge tone={status.tone}>{status.label}</Badge>
        </span>
      </div>
      <p className="muted">
        Three private RabbitMQ nodes joined into one cluster ({cluster.clusterName}), to see quorum queues, leaders and
        failover. Its profile, “Sandbox cluster”, names all three nodes: Warren moves to another when one dies.
      </p>
      {callError ? <ErrorNotice error={callError} /> : null}
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={busy || cluster.status === 'ready' || cluster.status === 'unavailable' || start.loading}
          onClick={() => {
            stop.reset();
            void start.run({});
          }}
        >
          {cluster.status === 'starting' ? 'Starting…' : anyUp ? 'Start the stopped nodes' : 'Start a 3-node cluster'}
        </button>
        <button
          type="button"
          className="button"
          disabled={!anyUp || stop.loading || cluster.status === 'stopping'}
          onClick={() => {
            start.reset();
            void stop.run({});
          }}
        >
          {cluster.status === 'stopping' ? 'Stopping…' : 'Stop the cluster'}
        </button>
      </div>
      {anyUp || cluster.status === 'failed' ? (
        <ul className="cluster-nodes">
          {cluster.nodes.map((node) => (
            <NodeCard key={node.name} node={node} onKill={() => (kill.reset(), setPendingKill(node))} />
          ))}
        </ul>
      ) : null}
      {pendingKill ? (
        <ConfirmDialog
          title={`Kill node ${pendingKill.name}`}
          message={`Kill ${pendingKill.nodeName} with kill -9, as a crash would? Its connections drop at once; quorum queues elect a leader on another node, classic queues on it are unavailable until you start it again.`}
          confirmLabel={`Kill ${pendingKill.name}`}
          busyLabel="Killing…"
          busy={kill.loading}
          error={kill.error}
          onConfirm={() => void kill.run({ node: pendingKill.name }).then((r) => r.ok && setPendingKill(undefined))}
          onCancel={() => setPendingKill(undefined)}
        />
      ) : null}
    </section>
  );
}

function NodeCard({ node, onKill }: { node: ClusterNodeState; onKill: () => void }) {
  const { connections } = useStores();
  const start = useAction(connections.startNode);
  const stop = useAction(connections.stopNode);
  const tone = NODE[node.status];
  const running = node.status === 'running';
  const canStart = node.status === 'stopped' || node.status === 'down' || node.status === 'failed';
  // One short line of ports, so three cards fit beside each other.
  const ports = [
    node.amqpPort ? `AMQP ${node.amqpPort}` : '',
    node.managementPort ? `management ${node.managementPort}` : '',
    node.distPort ? `distribution ${node.distPort}` : '',
  ].filter(Boolean);
  const error = start.error ?? stop.error;
  return (
    <li className="cluster-node" data-testid={`cluster-node-${node.name}`} data-status={node.status}>
      <div className="card-header">
        <strong>{node.name}</strong>
        <Badge tone={tone.tone}>{tone.label}</Badge>
      </div>
      <code className="muted">{node.nodeName}</code>
      {ports.length > 0 ? <span className="muted cluster-node-ports">{ports.join(' · ')}</span> : null}
      {node.error && (node.status === 'down' || node.status === 'failed') ? (
        <ErrorNotice error={node.error}>
          {node.logTail && node.logTail.length > 0 ? (
            <pre className="log-tail" aria-label={`Log of ${node.name}`}>
              {node.logTail.join('\n')}
            </pre>
          ) : null}
        </ErrorNotice>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <div className="button-row">
        <button type="button" className="button" disabled={!canStart || start.loading} onClick={() => void start.run({ node: node.name })}>
          Start
        </button>
        <button type="button" className="button" disabled={!running || stop.loading} onClick={() => void stop.run({ node: node.name })}>
          Stop
        </button>
        <button type="button" className="button button-danger" disabled={!running} onClick={onKill}>
          Kill…
        </button>
      </div>
    </li>
  );
}
