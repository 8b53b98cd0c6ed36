/**
 * The cluster's nodes: running or down, the one Warren is on, partitions, uptime, memory and disk
 * with their alarms. A node that stops running shows Down at the next refresh (every second).
 */
import type { NodeSummary } from '../../../shared/overview/types';
import { formatDuration } from '../../ui/format';
import { Badge } from '../../ui/Badge';
import { UsageMeter } from './UsageMeter';

export function NodesTable({ nodes }: { nodes: NodeSummary[] }) {
  return (
    <section className="card" aria-labelledby="nodes-heading">
      <h2 id="nodes-heading" className="section-title">
        Nodes
      </h2>
      {nodes.length === 0 ? (
        <p className="muted">The management API listed no nodes.</p>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-labelledby="nodes-heading">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">State</th>
                <th scope="col">Version</th>
                <th scope="col">Uptime</th>
                <th scope="col">Memory</th>
                <th scope="col">Disk</th>
              </tr>
            </thead>
            <tbody>
              {nodes.map((node) => (
                <tr key={node.name} data-testid="node-row" data-running={node.running}>
                  <td className="mono">
                    {node.name}
                    {node.connected ? (
                      <>
                        {' '}
                        <Badge tone="accent" title="Warren's connection and management API are on this node">
                          Warren is here
                        </Badge>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {node.running ? <Badge tone="ok">Running</Badge> : <Badge tone="error">{nodes.length > 1 ? 'Down' : 'Stopped'}</Badge>}
                    {node.partitions.length > 0 ? (
                      <>
                        {' '}
                        <Badge tone="error" title={`Cannot reach ${node.partitions.join(', ')}: a network partition. Restart the nodes on the minority side.`}>
                          Partitioned from {node.partitions.length}
                        </Badge>
                      </>
                    ) : null}
                  </td>
                  <td>{node.version ?? '—'}</td>
                  <td>{node.running ? formatDuration(node.uptimeMs) : '—'}</td>
                  <td>
                    <UsageMeter kind="memory" value={node.memUsed} limit={node.memLimit} alarm={node.memAlarm} />
                  </td>
                  <td>
                    <UsageMeter kind="disk" value={node.diskFree} limit={node.diskFreeLimit} alarm={node.diskAlarm} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
