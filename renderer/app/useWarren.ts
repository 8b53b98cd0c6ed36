/** App-wide state shared by the shell and the pages: the connection, the sandbox, the host, the link. */
import { useStore } from './store';
import { useStores } from './stores';
import type { SessionState } from './sessionStore';

export type WarrenContextValue = SessionState;

export function useWarren(): SessionState {
  return useStore(useStores().session);
}
