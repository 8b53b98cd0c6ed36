/**
 * The composition root of the renderer's state: every store is built here, once, from the one
 * bridge (main.tsx), and handed down through a context. Components read a store with
 * useStore(...) and call its actions; none of them sees the bridge.
 */
import { createContext, useContext } from 'react';
import type { BridgePort } from './bridgePort';
import { SessionStore } from './sessionStore';
import { AccessStore } from '../features/access/store';
import { ChartsStore } from '../features/charts/store';
import { ConnectionsStore } from '../features/connections/store';
import { createDemosStore, type DemosStore } from '../features/demos/store';
import { DefinitionsStore } from '../features/definitions/store';
import { PoliciesStore } from '../features/policies/store';
import { MessagingStore } from '../features/messaging/store';
import { MoveStore } from '../features/move/store';
import { OverviewStore } from '../features/overview/store';
import { TopologyStore } from '../features/topology/store';
import { StreamsStore } from '../features/streams/store';
import { BrokersStore } from '../features/brokers/store';

export interface Stores {
  access: AccessStore;
  brokers: BrokersStore;
  charts: ChartsStore;
  connections: ConnectionsStore;
  demos: DemosStore;
  definitions: DefinitionsStore;
  policies: PoliciesStore;
  messaging: MessagingStore;
  move: MoveStore;
  session: SessionStore;
  overview: OverviewStore;
  topology: TopologyStore;
  streams: StreamsStore;
}

export function createStores(bridge: BridgePort): Stores {
  const session = new SessionStore(bridge);
  // Every store calls through here: a refusal its caller shows is not repeated by a banner.
  const calls: BridgePort = {
    call: async (op, input) => {
      const result = await bridge.call(op, input);
      if (!result.ok) session.noteRefusal(result.error);
      return result;
    },
    on: (event, listener) => bridge.on(event, listener),
    onTransport: (listener) => bridge.onTransport(listener),
  };
  // The pages with a broker picker call through their page's port: it names the broker they work on.
  const brokers = new BrokersStore(calls);
  return {
    session,
    brokers,
    access: new AccessStore(brokers.port('access', calls)),
    charts: new ChartsStore(calls),
    connections: new ConnectionsStore(calls),
    demos: createDemosStore(calls),
    definitions: new DefinitionsStore(brokers.port('definitions', calls)),
    policies: new PoliciesStore(brokers.port('policies', calls)),
    messaging: new MessagingStore(calls),
    move: new MoveStore(calls),
    overview: new OverviewStore(brokers.port('overview', calls)),
    topology: new TopologyStore(brokers.port('topology', calls)),
    streams: new StreamsStore(calls),
  };
}

export const StoresContext = createContext<Stores | undefined>(undefined);

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores: render inside <StoresContext value={createStores(bridge)}>');
  return stores;
}
