/**
 * `npm run cli -- definitions export|diff|import …`: the same functions as the Definitions page,
 * on the broker of --url. The scope is the URL's vhost, or the whole broker with --all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { LocalSource } from '../../../shared/definitions/contract';
import { otherBrokerSource } from './other-broker';
import type { DefinitionChange, DefinitionsDiff } from '../../../shared/definitions/types';
import { ManagementClient } from '../broker/management';
import { managementEndpoint } from '../broker/connection';
import { readArgs, UsageError, type Args } from '../cli/args';
import { EXIT, printFailure, printResult } from '../cli/output';
import { cliTarget } from '../cli/target';
import { applyAccepted } from './apply';
import { exportDefinitions } from './export';
import { planImport } from './plan';

export const DEFINITIONS_USAGE = `  definitions export --url URL [--management-url URL] [--all] --out FILE
      Writes the definitions of the URL's vhost (or of the whole broker, --all) as the management API
      exports them; rabbitmqctl import_definitions and the management UI take the file back.
  definitions diff --url URL [--management-url URL] [--all] (--file FILE [--from VHOST] | --from-url URL [--from-management-url URL])
      What importing FILE would add (+), change (~) and leave on the broker that the file lacks (-),
      per type, and what the broker will refuse. Exit 0 in sync, 3 differences, 1 a change will be refused.
      --from-url compares with another broker or vhost instead of a file (its URL's vhost, or all with --all).
  definitions import --url URL [--management-url URL] [--all] (--file FILE [--from VHOST] | --from-url URL …)
                     [--yes] [--delete-missing] [--skip-refused] [--dry-run]
      Without --yes: shows the diff and applies nothing. With --yes: applies the additions and changes
      (and, with --delete-missing, deletes what the file lacks), checked first: when one of them will be
      refused nothing is applied (exit 1) unless --skip-refused leaves those out.
      --from VHOST takes one vhost of a file that holds several.`;

const OPTIONS = { values: ['--url', '--management-url', '--out', '--file', '--from', '--from-url', '--from-management-url'], flags: ['--all', '--yes', '--delete-missing', '--skip-refused', '--dry-run'] };

function sign(kind: DefinitionChange['kind']): string {
  return kind === 'added' ? '+' : kind === 'changed' ? '~' : '-';
}

function show(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}

/** The diff for a reader: one line per change, its fields, and what will be refused. */
function printDiff(diff: DefinitionsDiff): void {
  if (diff.changes.length === 0) console.log('In sync: the file and the broker hold the same definitions.');
  for (const c of diff.changes) {
    console.log(`${sign(c.kind)} ${c.label}`);
    for (const f of c.fields) console.log(`    ${f.field}: ${'before' in f || 'after' in f ? `${show(f.before)} → ${show(f.after)}` : 'changed (not shown)'}`);
    if (c.refusal) console.log(`    WILL BE REFUSED (${c.refusal.code}): ${c.refusal.message}`);
  }
  if (diff.ignoredKeys.length > 0) console.log(`Ignored (unknown to Warren, left alone): ${diff.ignoredKeys.join(', ')}`);
  if (diff.notCarried.length > 0) console.log(`Not part of a vhost import: ${diff.notCarried.join(', ')} (import into the whole broker with --all)`);
}

function summary(diff: DefinitionsDiff) {
  const counts = Object.fromEntries(Object.entries(diff.counts).filter(([, n]) => n.added + n.changed + n.removed > 0));
  return {
    counts,
    changes: diff.changes.map((c) => ({ id: c.id, kind: c.kind, label: c.label, fields: c.fields, ...(c.refusal ? { refusal: c.refusal } : {}) })),
    refused: diff.changes.filter((c) => c.refusal).length,
    ignoredKeys: diff.ignoredKeys,
    notCarried: diff.notCarried,
  };
}

/** The source of a diff or import: --file FILE (optionally one vhost of it), or the broker of --from-url. */
async function readSource(args: Args, vhost: string | undefined): Promise<LocalSource> {
  const file = args.value('--file');
  const fromUrl = args.value('--from-url');
  if ((file === undefined) === (fromUrl === undefined)) throw new UsageError('Give one source: --file FILE or --from-url URL');
  if (fromUrl !== undefined) {
    const other = cliTarget(fromUrl, args.value('--from-management-url'));
    return otherBrokerSource(new ManagementClient(managementEndpoint(other), 60_000), vhost === undefined ? undefined : other.vhost, vhost);
  }
  const from = args.value('--from');
  let text: string;
  try {
    text = readFileSync(file!, 'utf8');
  } catch (err) {
    throw new UsageError(`Cannot read --file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return { kind: 'file', text, ...(from === undefined ? {} : { from }) };
}

export async function definitionsCli(argv: readonly string[]): Promise<number> {
  const sub = argv.find((a) => !a.startsWith('--'));
  const command = `definitions ${sub ?? ''}`.trim();
  try {
    const args = readArgs(argv, OPTIONS);
    if (args.words.length !== 1 || !['export', 'diff', 'import'].includes(sub ?? '')) throw new UsageError(sub ? `Unknown command definitions ${args.words.join(' ')}` : 'definitions needs a command: export, diff or import');
    const target = cliTarget(args.required('--url'), args.value('--management-url'));
    const vhost = args.flag('--all') ? undefined : target.vhost;
    const api = new ManagementClient(managementEndpoint(target), 60_000);
    const where = { host: `${target.host}:${target.port}`, vhost: vhost ?? null };

    if (sub === 'export') {
      const out = args.required('--out');
      const exported = await exportDefinitions(api, vhost);
      writeFileSync(out, exported.text);
      console.log(`Wrote the definitions of ${vhost === undefined ? 'the broker' : `vhost ${vhost}`} to ${out}.`);
      printResult(command, { ...where, out, counts: exported.counts });
      return EXIT.ok;
    }

    const source = await readSource(args, vhost);
    const plan = await planImport(api, source, vhost);
    printDiff(plan.diff);
    const refused = plan.diff.changes.filter((c) => c.refusal).length;
    if (sub === 'diff') {
      printResult(command, { ...where, ...summary(plan.diff) });
      return refused > 0 ? EXIT.failed : plan.diff.changes.length > 0 ? EXIT.differences : EXIT.ok;
    }

    const wanted = plan.diff.changes.filter((c) => c.kind !== 'removed' || args.flag('--delete-missing')).filter((c) => !(c.refusal && args.flag('--skip-refused')));
    if (!args.flag('--yes') && !args.flag('--dry-run')) {
      console.log(`Nothing applied: ${wanted.length} change${wanted.length === 1 ? '' : 's'} would be. Run again with --yes to apply${refused > 0 ? ' (untick the refused ones with --skip-refused)' : ''}.`);
      printResult(command, { ...where, applied: false, ...summary(plan.diff) });
      return wanted.some((c) => c.refusal) ? EXIT.failed : EXIT.ok;
    }
    const report = await applyAccepted(api, { source, vhost, accept: wanted.map((c) => c.id), dryRun: args.flag('--dry-run') || !args.flag('--yes'), username: target.username });
    console.log(`${report.dryRun ? 'Dry run: would apply' : 'Applied'} ${report.applied.length} change${report.applied.length === 1 ? '' : 's'}${report.requests.length > 0 ? `: ${report.requests.join('; ')}` : ''}.`);
    printResult(command, { ...where, applied: !report.dryRun, dryRun: report.dryRun, report: report.applied, requests: report.requests, skipped: plan.diff.changes.length - wanted.length });
    return EXIT.ok;
  } catch (err) {
    return printFailure(command, err, `usage:\n${DEFINITIONS_USAGE}`);
  }
}
