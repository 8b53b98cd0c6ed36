/** The app's demos store, on the app's bridge, and the hook that reads it. */
import { useSyncExternalStore } from 'react';
import { bridge } from '../../app/bridge';
import { createDemosStore, type DemosSnapshot, type DemosStore } from './store';

export const demosStore: DemosStore = createDemosStore(bridge);

export function useDemos(): DemosSnapshot {
  return useSyncExternalStore(demosStore.subscribe, demosStore.getSnapshot);
}
