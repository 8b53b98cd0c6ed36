/** The overview operations: the broker's health, totals and rates, and its virtual hosts. */
import type { HandlersFor } from '../../../shared/contract';
import type { overviewOperations } from '../../../shared/overview/contract';
import type { ServiceContext } from '../context';
import { readOverview } from './overview';

export function overviewHandlers(ctx: ServiceContext): HandlersFor<typeof overviewOperations> {
  const { connection } = ctx;
  return {
    'overview.get': async ({ vhost }) => readOverview(connection.management, connection.state.server, vhost),
    'vhosts.list': async () => {
      const vhosts = await connection.requireManagement().list<{ name: string }>('/vhosts', ['name']);
      return vhosts.map((v) => v.name).sort();
    },
  };
}
