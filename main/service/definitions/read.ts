/**
 * Definitions from the broker (GET /api/definitions[/{vhost}]) and from a source (a file or a
 * vhost), both scoped to where the import goes, so that they compare object for object.
 */
import type { LocalSource } from '../../../shared/definitions/contract';
import { ignoredKeys, parseDefinitions, readDefinitions, scopeTo } from '../../../shared/definitions';
import type { Definitions, DefinitionType } from '../../../shared/definitions/types';
import type { Checked } from '../../../shared/errors';
import { vhostPath, type ManagementClient } from '../broker/management';
import { fail, WarrenFailure } from '../errors';

export function definitionsPath(vhost: string | undefined): string {
  return vhost === undefined ? '/definitions' : `/definitions/${vhostPath(vhost)}`;
}

function must<T>(checked: Checked<T>): T {
  if (!checked.ok) throw new WarrenFailure(checked.error);
  return checked.value;
}

/** The management API's export, as it answered (the file Warren saves). */
export async function fetchExport(api: ManagementClient, vhost: string | undefined): Promise<unknown> {
  return api.get<unknown>(definitionsPath(vhost), undefined, 60_000);
}

/** What the broker (or one vhost of it) holds now. */
export async function brokerDefinitions(api: ManagementClient, vhost: string | undefined): Promise<Definitions> {
  const read = readDefinitions(await fetchExport(api, vhost));
  if (!read.ok) fail('MANAGEMENT_UNAVAILABLE', `The management API answered ${definitionsPath(vhost)} with something that is not definitions: ${read.error.message}`);
  return must(scopeTo(read.value, vhost)).defs;
}

export interface SourceDefinitions {
  defs: Definitions;
  ignoredKeys: string[];
  notCarried: DefinitionType[];
}

/** The source, scoped to the target (`vhost` undefined: the whole broker). */
export async function sourceDefinitions(api: ManagementClient, source: LocalSource, vhost: string | undefined): Promise<SourceDefinitions> {
  if (source.kind === 'vhost') {
    if (vhost === undefined) fail('BAD_INPUT', 'A vhost is compared with another vhost, not with the whole broker', { field: 'vhost', hint: 'Choose the vhost to compare it with.' });
    const read = must(readDefinitions(await fetchExport(api, source.vhost)));
    const scoped = must(scopeTo(read, vhost));
    return { defs: scoped.defs, ignoredKeys: ignoredKeys(read), notCarried: scoped.notCarried };
  }
  const parsed = must(parseDefinitions(source.text));
  const scoped = must(scopeTo(parsed, vhost, source.from));
  return { defs: scoped.defs, ignoredKeys: ignoredKeys(parsed), notCarried: scoped.notCarried };
}
