/** Hover shows the exact values and time of a sample (gaps say so). */
import { formatCount, formatRate } from '../../ui/format';
import { chartClock } from './chartTime';

interface Entry {
  name?: string | number;
  value?: unknown;
  color?: string;
  dataKey?: unknown;
}

export function ChartTooltip({ active, payload, label, rates }: { active?: boolean; payload?: readonly Entry[]; label?: unknown; rates?: boolean }) {
  if (!active || !payload || payload.length === 0 || typeof label !== 'number') return null;
  return (
    <div className="charts-tooltip" role="status">
      <p className="charts-tooltip-time">{chartClock(label)}</p>
      <ul>
        {payload.map((entry) => (
          <li key={String(entry.dataKey)}>
            <span className="charts-swatch" style={{ background: entry.color }} aria-hidden="true" />
            <span>{String(entry.name)}</span>
            <strong>{typeof entry.value === 'number' ? (rates ? `${formatRate(entry.value)}/s` : formatCount(entry.value)) : 'gap'}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
