/**
 * Applies the accepted changes of a diff: checked first against the broker as it is now (the
 * diff again, then every accepted change must still be in it, none refused, nothing missing),
 * then one import (POST /api/definitions[/{vhost}]) of the additions and changes, then one
 * DELETE per removal. A dry run stops after the check and says what would be sent.
 */
import { applyChanges, checkAccepted, importBody } from '../../../shared/definitions';
import type { LocalSource } from '../../../shared/definitions/contract';
import type { ApplyReport, DefinitionChange } from '../../../shared/definitions/types';
import type { ManagementClient } from '../broker/management';
import { fail, toWarrenError, WarrenFailure } from '../errors';
import { planImport } from './plan';
import { definitionsPath } from './read';
import { removeObjects } from './removals';

export interface ApplyRequest {
  source: LocalSource;
  vhost?: string;
  accept: readonly string[];
  dryRun: boolean;
  /** Who Warren logs in as: removing that user would cut Warren off mid-import. */
  username: string;
}

export async function applyAccepted(api: ManagementClient, request: ApplyRequest): Promise<ApplyReport> {
  const plan = await planImport(api, request.source, request.vhost);
  const ids = new Set(request.accept);
  const selfRemoval = plan.changes.find((c) => ids.has(c.id) && c.kind === 'removed' && c.type === 'users' && c.object.name === request.username);
  if (selfRemoval) fail('PRECONDITION_FAILED', `Removing user ${request.username} would remove the user Warren is logged in as`, { hint: 'Nothing was applied. Untick that removal, or import as another administrator.' });
  const checked = checkAccepted(plan.current, plan.desired, plan.changes, request.accept);
  if (!checked.ok) throw new WarrenFailure(checked.error);
  const accepted = checked.value;

  const upserts = accepted.filter((c) => c.kind !== 'removed');
  const removals = accepted.filter((c) => c.kind === 'removed');
  const importPath = definitionsPath(request.vhost);
  const report: ApplyReport = { dryRun: request.dryRun, applied: [], requests: [] };
  const record = (c: DefinitionChange) => report.applied.push({ id: c.id, label: c.label, kind: c.kind });
  if (request.dryRun) {
    if (upserts.length > 0) report.requests.push(`POST ${importPath} (${upserts.length} object${upserts.length === 1 ? '' : 's'})`);
    upserts.forEach(record);
    [...removals].reverse().forEach((c) => {
      record(c);
      report.requests.push(`DELETE ${c.label}`);
    });
    return report;
  }
  try {
    if (upserts.length > 0) {
      await api.post(importPath, importBody(plan.desired, upserts));
      report.requests.push(`POST ${importPath} (${upserts.length} object${upserts.length === 1 ? '' : 's'})`);
      upserts.forEach(record);
    }
    const after = applyChanges(plan.current, plan.desired, accepted);
    await removeObjects(api, plan.current, after, removals, (c, line) => {
      record(c);
      report.requests.push(line);
    });
  } catch (err) {
    const e = toWarrenError(err);
    const done = report.applied.length;
    throw new WarrenFailure({
      ...e,
      message: `${e.message} — after ${done} of ${accepted.length} accepted change${accepted.length === 1 ? '' : 's'} were applied${done > 0 ? ` (${report.applied.map((a) => a.label).slice(0, 5).join('; ')}${done > 5 ? ' …' : ''})` : ''}`,
      hint: `${e.hint} Compare again to see where the broker stands.`,
    });
  }
  return report;
}
