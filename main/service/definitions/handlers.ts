/** The definitions operations: export, diff, and apply the accepted changes (the CLI runs the same functions). */
import type { HandlersFor } from '../../../shared/contract';
import type { DefinitionsSource, definitionsOperations, LocalSource } from '../../../shared/definitions/contract';
import type { FeatureContext } from '../engines';
import { applyAccepted } from './apply';
import { exportDefinitions } from './export';
import { otherBrokerSource } from './other-broker';
import { planImport } from './plan';

export function definitionsHandlers(ctx: FeatureContext): HandlersFor<typeof definitionsOperations> {
  const { connection, brokers } = ctx;
  /** Another open broker's definitions are read first; a file or a vhost of this broker is read as it is. */
  const local = async (source: DefinitionsSource, vhost: string | undefined): Promise<LocalSource> =>
    source.kind === 'broker' ? otherBrokerSource(brokers.connectionFor(source.broker).requireManagement(), source.vhost ?? vhost, vhost) : source;
  return {
    'definitions.export': async ({ vhost }) => exportDefinitions(connection.requireManagement(), vhost),
    'definitions.diff': async ({ source, vhost }) => (await planImport(connection.requireManagement(), await local(source, vhost), vhost)).diff,
    'definitions.apply': async ({ source, vhost, accept, dryRun }) =>
      applyAccepted(connection.requireManagement(), { source: await local(source, vhost), vhost, accept, dryRun, username: connection.target?.username ?? '' }),
  };
}
