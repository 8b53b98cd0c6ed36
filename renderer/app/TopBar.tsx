/** The bar above every page: the page title on the left, the connection status on the right. */
import type { ConnectionState, SandboxState } from '../../shared/connections/types';
import { ConnectionIndicator } from './ConnectionIndicator';
import { useStore } from './store';
import { useStores } from './stores';
import { Badge } from '../ui/Badge';

interface Props {
  title: string;
  connection: ConnectionState;
  sandbox?: SandboxState;
  transportUp: boolean;
}

export function TopBar({ title, connection, sandbox, transportUp }: Props) {
  const beside = useStore(useStores().brokers).open.filter((b) => !b.main);
  return (
    <header className="topbar">
      <span className="topbar-title" aria-hidden="true">
        {title}
      </span>
      <div className="topbar-status">
        {beside.length > 0 ? (
          <Badge
            tone="info"
            title={`Open beside the main connection: ${beside.map((b) => b.name).join(', ')}. Overview, Topology, Access, Definitions and Policies pick their broker; publishing, consumers, charts, demos and moves use the main connection.`}
          >
            +{beside.length} beside
          </Badge>
        ) : null}
        <ConnectionIndicator state={connection} sandbox={sandbox} transportUp={transportUp} />
      </div>
    </header>
  );
}
