/** Picks the virtual host the overview's message counts and rates are scoped to. */
import { useId } from 'react';

const ALL = '';

interface Props {
  vhosts: string[];
  value: string | undefined;
  onChange: (vhost: string | undefined) => void;
}

export function VhostPicker({ vhosts, value, onChange }: Props) {
  const id = useId();
  const options = value !== undefined && !vhosts.includes(value) ? [value, ...vhosts] : vhosts;
  return (
    <div className="vhost-picker">
      <label htmlFor={id}>Virtual host</label>
      <select
        id={id}
        aria-label="Virtual host"
        value={value ?? ALL}
        onChange={(event) => onChange(event.target.value === ALL ? undefined : event.target.value)}
      >
        <option value={ALL}>All virtual hosts</option>
        {options.map((vhost) => (
          <option key={vhost} value={vhost}>
            {vhost}
          </option>
        ))}
      </select>
    </div>
  );
}
