/**
 * The composition root of the renderer's state: every store is built here, once, from the one
 * bridge (main.tsx), and handed down through a context. Components read a store with
 * useStore(...) and call its actions; none of them sees the bridge.
 */
import { createContext, useContext } from 'react';
import type { BridgePort } from './bridgePort';
import { SessionStore } from './sessionStore';
import { ChartsStore } from '../features/charts/store';
import { ConnectionsStore } from '../features/connections/store';
import { MessagingStore } from '../features/messaging/store';
import { OverviewStore } from '../features/overview/store';
import { TopologyStore } from '../features/topology/store';

export interface Stores {
  charts: ChartsStore;
  connections: ConnectionsStore;
  messaging: MessagingStore;
  session: SessionStore;
  overview: OverviewStore;
  topology: TopologyStore;
}

export function createStores(bridge: BridgePort): Stores {
  return {
    session: new SessionStore(bridge),
    charts: new ChartsStore(bridge),
    connections: new ConnectionsStore(bridge),
    messaging: new MessagingStore(bridge),
    overview: new OverviewStore(bridge),
    topology: new TopologyStore(bridge),
  };
}

export const StoresContext = createContext<Stores | undefined>(undefined);

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores: render inside <StoresContext value={createStores(bridge)}>');
  return stores;
}
