/** The export: the management API's own file, so rabbitmqctl import_definitions and the management UI take it back. */
import { readDefinitions } from '../../../shared/definitions';
import { DEFINITION_TYPES, type ExportedDefinitions } from '../../../shared/definitions/types';
import type { ManagementClient } from '../broker/management';
import { fetchExport } from './read';

/** A name for the file: warren-definitions-<vhost or broker>-<YYYY-MM-DD>.json. */
export function exportFileName(vhost: string | undefined, now = new Date()): string {
  const what = vhost === undefined ? 'broker' : `vhost-${vhost.replace(/[^A-Za-z0-9._-]+/g, '_') || '_'}`;
  return `warren-definitions-${what}-${now.toISOString().slice(0, 10)}.json`;
}

export async function exportDefinitions(api: ManagementClient, vhost: string | undefined): Promise<ExportedDefinitions> {
  const data = await fetchExport(api, vhost);
  const read = readDefinitions(data);
  const counts = Object.fromEntries(DEFINITION_TYPES.map((t) => [t, read.ok ? read.value.objects[t].length : 0])) as ExportedDefinitions['counts'];
  return { fileName: exportFileName(vhost), text: `${JSON.stringify(data, null, 2)}\n`, counts };
}
