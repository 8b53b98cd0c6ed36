/**
 * One shape for a failure found before anything is sent: the same `BAD_INPUT` WarrenError the
 * main process answers with ({ code, message, hint, field }), so a form shows both the same way.
 * (shared/errors.ts has warrenError() but no such helper; this is the renderer's one.)
 */
import { DEFAULT_HINTS, warrenError, type WarrenError } from '../../shared/errors';

export function invalid(message: string, where: { field?: string; hint?: string } = {}): WarrenError {
  return warrenError('BAD_INPUT', message, { hint: where.hint ?? DEFAULT_HINTS.BAD_INPUT, field: where.field });
}

/** A form's values turned into an operation's input, or what is wrong with them (each names its field). */
export type DraftResult<T> = { ok: true; value: T } | { ok: false; errors: [WarrenError, ...WarrenError[]] };
