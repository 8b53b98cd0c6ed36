/**
 * Number cards as a description list: each value is a <dd> labelled by its <dt>, so
 * getByLabel('Queues') / getByRole('definition', { name: 'Queues' }) and the test id find it.
 */
import { useId } from 'react';

export interface Stat {
  label: string;
  value: string;
  /** Raw number, kept in data-value. */
  raw?: number;
  testId: string;
  unit?: string;
}

export function StatGrid({ stats, label }: { stats: Stat[]; label: string }) {
  const base = useId();
  return (
    <dl className="stat-grid" aria-label={label}>
      {stats.map((stat, index) => {
        const id = `${base}-${index}`;
        return (
          <div className="stat-card" key={stat.testId}>
            <dt id={id} className="stat-label">
              {stat.label}
            </dt>
            <dd className="stat-value" aria-labelledby={id} data-testid={stat.testId} data-value={stat.raw}>
              {stat.value}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
