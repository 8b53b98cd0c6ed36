/** The connection a page with a broker picker works on: the one chosen there, else the main connection. */
import type { ConnectionState } from '../../../shared/connections/types';
import { useStore } from '../../app/store';
import { useStores } from '../../app/stores';
import { useWarren } from '../../app/useWarren';
import type { BrokerPage } from './store';

export interface PageBroker {
  /** The page's broker's connection: what the page keys its reads on and shows as connected or not. */
  connection: ConnectionState;
  /** True when the page works on a broker opened beside the main connection. */
  beside: boolean;
}

export function usePageBroker(page: BrokerPage): PageBroker {
  const { connection: main } = useWarren();
  const brokers = useStores().brokers;
  const chosen = brokers.besideFor(page, useStore(brokers));
  return chosen ? { connection: chosen.state, beside: true } : { connection: main, beside: false };
}
