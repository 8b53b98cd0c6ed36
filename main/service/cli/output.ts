/**
 * How every command ends: one JSON line on stdout (the last line), and an exit code.
 *   0 ok · 1 failed or refused (the broker, or a change it will refuse) · 2 bad usage or bad
 *   input (an unknown option, a bad URL, a malformed file) · 3 `definitions diff` found differences
 */
import { toWarrenError } from '../errors';
import { UsageError } from './args';

export const EXIT = { ok: 0, failed: 1, usage: 2, differences: 3 } as const;

export function printResult(command: string, result: Record<string, unknown>): void {
  console.log(JSON.stringify({ command, ok: true, ...result }));
}

/** The one JSON line of a command that failed, its reason on stderr; returns the exit code. */
export function printFailure(command: string, err: unknown, usage?: string): number {
  if (err instanceof UsageError) {
    console.error(`${err.message}${usage ? `\n${usage}` : ''}`);
    console.log(JSON.stringify({ command, ok: false, error: { code: 'BAD_INPUT', message: err.message, hint: 'See --help.' } }));
    return EXIT.usage;
  }
  const e = toWarrenError(err);
  console.error(`${e.message}\nFix: ${e.hint}`);
  console.log(JSON.stringify({ command, ok: false, error: { code: e.code, message: e.message, hint: e.hint, ...(e.field ? { field: e.field } : {}) } }));
  return e.code === 'BAD_INPUT' && e.status === undefined ? EXIT.usage : EXIT.failed;
}
