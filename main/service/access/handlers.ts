/** The access operations: virtual hosts, users, permissions, topic permissions and limits. */
import type { accessOperations } from '../../../shared/access/contract';
import type { HandlersFor } from '../../../shared/contract';
import type { ServiceContext } from '../context';
import { clearPermission, clearTopicPermissions, setPermission, setTopicPermission } from './permissions';
import { readAccess } from './read';
import { deleteUser, saveUser } from './users';
import { deleteVhost, saveVhost, vhostImpact } from './vhosts';

export function accessHandlers(ctx: ServiceContext): HandlersFor<typeof accessOperations> {
  const { connection } = ctx;
  const api = () => connection.requireManagement();
  return {
    'access.list': async () => readAccess(api(), connection.target?.username),
    'access.vhost.save': async (input) => saveVhost(api(), input),
    'access.vhost.impact': async ({ name }) => vhostImpact(api(), name, connection.target?.vhost),
    'access.vhost.delete': async ({ name }) => deleteVhost(api(), name),
    'access.user.save': async (input) => saveUser(api(), input),
    'access.user.delete': async ({ name }) => deleteUser(api(), name),
    'access.permission.set': async (input) => setPermission(api(), input),
    'access.permission.clear': async ({ user, vhost }) => clearPermission(api(), user, vhost),
    'access.topicPermission.set': async (input) => setTopicPermission(api(), input),
    'access.topicPermission.clear': async ({ user, vhost }) => clearTopicPermissions(api(), user, vhost),
  };
}
