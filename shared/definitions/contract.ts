/** Operations of definitions: export, diff against a file or another vhost, and apply the accepted changes. */
import { z } from 'zod';
import { shortText, vhostName } from '../schemas';
import { op } from '../spec';
import type { ApplyReport, DefinitionsDiff, ExportedDefinitions } from './types';

/** A definitions file is text the page read; the bridge caps any message at 16 MiB. */
export const MAX_DEFINITIONS_FILE_CHARS = 8 * 1024 * 1024;

/**
 * What to import: a file's text (optionally one vhost of it), another vhost of the same broker, or
 * another open broker (shared/brokers) — the whole of it, or one vhost (by default the target's).
 */
export const definitionsSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), text: z.string().max(MAX_DEFINITIONS_FILE_CHARS, 'The file is larger than 8 MiB'), from: vhostName.optional() }),
  z.object({ kind: z.literal('vhost'), vhost: vhostName }),
  z.object({ kind: z.literal('broker'), broker: shortText(64).min(1, 'name the broker (a profile id)'), vhost: vhostName.optional() }),
]);
export type DefinitionsSource = z.input<typeof definitionsSource>;
/** A source read from the broker it is compared with, or from a file: another broker's is read into a file first. */
export type LocalSource = Exclude<DefinitionsSource, { kind: 'broker' }>;

/** Where to import: one vhost, or (omitted) the whole broker. */
const target = { vhost: vhostName.optional() };

export const definitionsOperations = {
  'definitions.export': op<ExportedDefinitions>()(z.object(target), 'Export the definitions of the broker or of one vhost, as the management API writes them'),
  'definitions.diff': op<DefinitionsDiff>()(
    z.object({ source: definitionsSource, ...target }),
    'Compare a definitions file (or another vhost) with the broker or a vhost: added, changed, removed per type, and what the broker will refuse',
  ),
  'definitions.apply': op<ApplyReport>()(
    z.object({ source: definitionsSource, ...target, accept: z.array(z.string().max(4096)).max(100_000), dryRun: z.boolean().default(false) }),
    'Apply only the accepted changes of a diff, checked first against the broker as it is now; a dry run sends nothing',
  ),
} as const;
