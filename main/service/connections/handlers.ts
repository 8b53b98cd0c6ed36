/** The connections operations: app info, profiles, the connection and the sandbox broker. */
import { parseAmqpUrl } from '../../../shared/connections/amqp-url';
import { isHostList, parseHostList } from '../../../shared/connections/host-list';
import type { HandlersFor } from '../../../shared/contract';
import type { connectionsOperations } from '../../../shared/connections/contract';
import type { AppInfo } from '../../../shared/connections/types';
import { testConnection } from '../broker/connection';
import type { ServiceContext } from '../context';
import { WarrenFailure, fail } from '../errors';
import { followSandbox } from './follow-sandbox';

export function connectionsHandlers(ctx: ServiceContext): HandlersFor<typeof connectionsOperations> {
  const { options, sandbox, cluster, store, catalog, connection, connectTo } = ctx;
  followSandbox(ctx);
  const info: AppInfo = {
    version: options.version,
    host: options.host,
    dataDir: options.dataDir,
    passwordStorage: options.cipher && options.alwaysSeal ? 'os-keychain' : 'memory',
    canRememberPasswords: options.cipher !== undefined && !options.alwaysSeal,
  };

  return {
    'app.info': async () => info,

    'profiles.list': async () => catalog.list(),
    'profiles.save': async (draft) => {
      if (draft.id && catalog.isBuiltIn(draft.id)) {
        fail('BAD_INPUT', 'Built-in profiles cannot be edited', { field: 'id', hint: 'Create a new profile instead.' });
      }
      if (draft.rememberPassword && !options.cipher) {
        fail('BAD_INPUT', 'This host cannot store passwords', { field: 'rememberPassword', hint: 'Untick “Remember password”.' });
      }
      if (isHostList(draft.host)) {
        const hosts = parseHostList(draft.host, draft.port, draft.managementUrl, draft.tls.enabled);
        if (!hosts.ok) throw new WarrenFailure(hosts.error);
      }
      return store.save(draft);
    },
    'profiles.delete': async ({ id }) => {
      if (catalog.isBuiltIn(id)) fail('BAD_INPUT', 'Built-in profiles cannot be deleted', { field: 'id' });
      if (connection.state.profileId === id) await connection.disconnect();
      store.delete(id);
      return { deleted: id };
    },
    'profiles.test': async (input) => {
      const target = 'name' in input ? catalog.draftTarget(input) : catalog.target(input.id);
      return testConnection(target);
    },
    'profiles.parseUrl': async ({ url, name }) => {
      const parsed = parseAmqpUrl(url, name);
      if (!parsed.ok) throw new WarrenFailure(parsed.error);
      return parsed.value;
    },

    'connection.connect': async ({ id }) => connectTo(id),
    'connection.disconnect': async () => connection.disconnect(),
    'connection.state': async () => connection.state,

    'sandbox.state': async () => sandbox.state,
    'sandbox.start': async () => sandbox.start(),
    // A connection to the sandbox stays open through a stop: it reconnects (consumers too) when
    // the node is started again, as after any broker restart.
    'sandbox.stop': async () => sandbox.stop(),
    'sandbox.setKeepRunning': async ({ keepRunning }) => sandbox.setKeepRunning(keepRunning),

    'cluster.state': async () => cluster.state,
    'cluster.start': async () => cluster.start(),
    'cluster.stop': async () => cluster.stop(),
    'cluster.startNode': async ({ node }) => cluster.startNode(node),
    'cluster.stopNode': async ({ node }) => cluster.stopNode(node),
    'cluster.killNode': async ({ node }) => cluster.killNode(node),
  };
}
