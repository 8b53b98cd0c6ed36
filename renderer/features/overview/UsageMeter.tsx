/** A used/limit bar (memory) or a free/limit bar (disk), with an alarm badge. */
import { formatBytes, fraction } from '../../ui/format';
import { Badge } from '../../ui/Badge';

interface Props {
  kind: 'memory' | 'disk';
  /** Memory used, or disk free. */
  value: number;
  limit: number;
  alarm: boolean;
}

export function UsageMeter({ kind, value, limit, alarm }: Props) {
  const text =
    kind === 'memory'
      ? `${formatBytes(value)} of ${formatBytes(limit)}`
      : `${formatBytes(value)} free (limit ${formatBytes(limit)})`;
  // Memory fills up toward its limit; for disk show how close free space is to its limit.
  const level = kind === 'memory' ? fraction(value, limit) : value > 0 ? fraction(limit, value) : 1;
  const tone = alarm ? 'error' : level > 0.8 ? 'warn' : 'ok';
  return (
    <div className="usage">
      <div className="usage-line">
        <span className="mono">{text}</span>
        {alarm ? <Badge tone="error">{kind === 'memory' ? 'Memory alarm' : 'Disk alarm'}</Badge> : null}
      </div>
      <div className="usage-bar" aria-hidden="true">
        <div className={`usage-fill usage-${tone}`} style={{ width: `${Math.round(level * 100)}%` }} />
      </div>
    </div>
  );
}
