/** A dead-lettered message's history (x-death) as a table: where it died, why, how often, and when. */
import { DEATH_REASONS, type DeathRow } from '../../../shared/messaging/x-death';

export function XDeathTable({ rows }: { rows: DeathRow[] }) {
  return (
    <table className="table msg-headers-table" aria-label="Dead-letter history (x-death)">
      <thead>
        <tr>
          <th>Queue</th>
          <th>Reason</th>
          <th>Count</th>
          <th>Exchange</th>
          <th>Routing keys</th>
          <th>Time</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${r.queue}\u0000${r.reason}\u0000${i}`}>
            <td className="mono">{r.queue}</td>
            <td title={DEATH_REASONS[r.reason]}>{r.reason}</td>
            <td>{r.count}</td>
            <td className="mono">{r.exchange || '(default)'}</td>
            <td className="mono">{r.routingKeys.join(', ')}</td>
            <td>{r.time === undefined ? '—' : new Date(r.time).toLocaleString('en-GB')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
