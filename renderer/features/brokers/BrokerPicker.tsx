/**
 * Picks which open broker a page works on, beside its vhost picker. Shown only while Warren holds
 * more than one connection (open another on the Connections page); the choice is kept per page.
 */
import { useId } from 'react';
import { useStore } from '../../app/store';
import { useStores } from '../../app/stores';
import type { BrokerPage } from './store';

export function BrokerPicker({ page }: { page: BrokerPage }) {
  const id = useId();
  const brokers = useStores().brokers;
  const state = useStore(brokers);
  if (state.open.length < 2) return null;
  const value = brokers.besideFor(page, state)?.id ?? state.open.find((b) => b.main)?.id ?? '';
  return (
    <div className="vhost-picker broker-picker">
      <label htmlFor={id}>Broker</label>
      <select
        id={id}
        aria-label="Broker"
        value={value}
        onChange={(event) => {
          const next = state.open.find((b) => b.id === event.target.value);
          brokers.choose(page, next && !next.main ? next.id : undefined);
        }}
      >
        {state.open.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
            {b.main ? ' (main)' : ''}
            {b.state.status === 'connected' ? '' : ` — ${b.state.status}`}
          </option>
        ))}
      </select>
    </div>
  );
}
