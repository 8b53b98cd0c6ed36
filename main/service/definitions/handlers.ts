/** The definitions operations: export, diff, and apply the accepted changes (the CLI runs the same functions). */
import type { HandlersFor } from '../../../shared/contract';
import type { definitionsOperations } from '../../../shared/definitions/contract';
import type { FeatureContext } from '../engines';
import { applyAccepted } from './apply';
import { exportDefinitions } from './export';
import { planImport } from './plan';

export function definitionsHandlers(ctx: FeatureContext): HandlersFor<typeof definitionsOperations> {
  const { connection } = ctx;
  return {
    'definitions.export': async ({ vhost }) => exportDefinitions(connection.requireManagement(), vhost),
    'definitions.diff': async ({ source, vhost }) => (await planImport(connection.requireManagement(), source, vhost)).diff,
    'definitions.apply': async ({ source, vhost, accept, dryRun }) =>
      applyAccepted(connection.requireManagement(), { source, vhost, accept, dryRun, username: connection.target?.username ?? '' }),
  };
}
