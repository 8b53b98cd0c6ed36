/** The bar above every page: the page title on the left, the connection status on the right. */
import type { ConnectionState, SandboxState } from '../../shared/connections/types';
import { ConnectionIndicator } from './ConnectionIndicator';

interface Props {
  title: string;
  connection: ConnectionState;
  sandbox?: SandboxState;
  transportUp: boolean;
}

export function TopBar({ title, connection, sandbox, transportUp }: Props) {
  return (
    <header className="topbar">
      <span className="topbar-title" aria-hidden="true">
        {title}
      </span>
      <ConnectionIndicator state={connection} sandbox={sandbox} transportUp={transportUp} />
    </header>
  );
}
