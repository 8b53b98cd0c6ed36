/** Command-line options, read the one way every command reads them: `--name value` and `--flag`. */

export class UsageError extends Error {}

export interface Args {
  /** The words before the first option: `definitions diff`. */
  words: string[];
  value(name: string): string | undefined;
  required(name: string): string;
  flag(name: string): boolean;
}

/**
 * `flags` are the options without a value; every other `--option` takes the next word. An
 * unknown option is a usage error, so a typo never silently changes what a command does.
 */
export function readArgs(argv: readonly string[], options: { values: readonly string[]; flags: readonly string[] }): Args {
  const words: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') continue;
    if (!a.startsWith('--')) {
      words.push(a);
      continue;
    }
    if (options.flags.includes(a)) flags.add(a);
    else if (options.values.includes(a)) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      values.set(a, v);
      i++;
    } else throw new UsageError(`Unknown option ${a}`);
  }
  return {
    words,
    value: (name) => values.get(name),
    required: (name) => {
      const v = values.get(name);
      if (v === undefined) throw new UsageError(`${name} is required`);
      return v;
    },
    flag: (name) => flags.has(name),
  };
}
