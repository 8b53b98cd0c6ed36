/**
 * Permission patterns are regular expressions the broker compiles (Erlang's `re`, PCRE). A
 * pattern it cannot compile comes back as `invalid_regexp` with character codes; Warren checks
 * it first, with JavaScript's engine, whose syntax agrees with PCRE on what users write here.
 */
export function patternProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (err) {
    const why = err instanceof Error ? err.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') : 'it does not compile';
    return `"${pattern}" is not a valid regular expression (${why})`;
  }
}

/** The patterns of the management UI's defaults: everything, or nothing. */
export const ALL = '.*';
export const NOTHING = '';
