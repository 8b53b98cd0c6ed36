/** App-wide state shared by the shell and the pages: the connection, the sandbox, the host, the link. */
import { createContext, useContext } from 'react';
import type { AppInfo, ConnectionState, SandboxState } from '../../shared/connections/types';

export interface WarrenContextValue {
  connection: ConnectionState;
  /** Undefined until the main process answers. */
  sandbox?: SandboxState;
  appInfo?: AppInfo;
  /** False while the browser host's WebSocket is down. */
  transportUp: boolean;
}

export const WarrenContext = createContext<WarrenContextValue>({
  connection: { status: 'idle', since: 0 },
  transportUp: true,
});

export function useWarren(): WarrenContextValue {
  return useContext(WarrenContext);
}
