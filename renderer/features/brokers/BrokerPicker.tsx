/**
 * Picks which open broker a page works on, beside its vhost picker. Shown only while a broker is
 * open beside the main connection (Connections → Open beside); the choice is kept per page.
 */
import { useId } from 'react';
import { useStore } from '../../app/store';
import { useStores } from '../../app/stores';
import type { BrokerPage } from './store';

export function BrokerPicker({ page }: { page: BrokerPage }) {
  const id = useId();
  const brokers = useStores().brokers;
  const state = useStore(brokers);
  if (!state.open.some((b) => !b.main)) return null;
  const main = state.open.find((b) => b.main);
  const value = brokers.besideFor(page, state)?.id ?? main?.id ?? '';
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
        {/* The main connection may be gone while brokers beside it stay open. */}
        {main ? null : <option value="">Main connection (not connected)</option>}
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
