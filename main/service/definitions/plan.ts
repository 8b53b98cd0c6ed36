/**
 * The diff of an import, read from the broker as it is now: what `source` adds, changes and
 * removes in the broker or one vhost, and what the broker will refuse.
 */
import { diffDefinitions, summarize } from '../../../shared/definitions';
import type { LocalSource } from '../../../shared/definitions/contract';
import type { DefinitionChange, Definitions, DefinitionsDiff } from '../../../shared/definitions/types';
import type { ManagementClient } from '../broker/management';
import { brokerDefinitions, sourceDefinitions } from './read';

export interface ImportPlan {
  current: Definitions;
  desired: Definitions;
  changes: DefinitionChange[];
  diff: DefinitionsDiff;
}

export async function planImport(api: ManagementClient, source: LocalSource, vhost: string | undefined): Promise<ImportPlan> {
  // The source first: a malformed file is refused before the broker is asked anything.
  const from = await sourceDefinitions(api, source, vhost);
  const current = await brokerDefinitions(api, vhost);
  const changes = diffDefinitions(current, from.defs);
  return { current, desired: from.defs, changes, diff: summarize(current, from.defs, changes, { ignoredKeys: from.ignoredKeys, notCarried: from.notCarried }) };
}
