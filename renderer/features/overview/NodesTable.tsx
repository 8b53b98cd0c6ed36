/** The cluster's nodes: running, uptime, memory and disk with their alarms. */
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
                <th scope="col">Uptime</th>
                <th scope="col">Memory</th>
                <th scope="col">Disk</th>
              </tr>
            </thead>
            <tbody>
              {nodes.map((node) => (
                <tr key={node.name}>
                  <td className="mono">{node.name}</td>
                  <td>{node.running ? <Badge tone="ok">Running</Badge> : <Badge tone="error">Stopped</Badge>}</td>
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
