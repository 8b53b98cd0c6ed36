/** The demos store of the app (built with every other store in renderer/app/stores.ts) and the hook that reads it. */
import { useSyncExternalStore } from 'react';
import { useStores } from '../../app/stores';
import type { DemosSnapshot, DemosStore } from './store';

export function useDemosStore(): DemosStore {
  return useStores().demos;
}

export function useDemos(): DemosSnapshot {
  const store = useDemosStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
