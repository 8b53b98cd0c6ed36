/**
 * The renderer's door to the one shape of a local failure (shared/errors.ts `invalid`: the same
 * BAD_INPUT WarrenError the main process answers with), and the result of turning a form into
 * an operation's input.
 */
import type { WarrenError } from '../../shared/errors';

export { invalid } from '../../shared/errors';

/** A form's values turned into an operation's input, or what is wrong with them (each names its field). */
export type DraftResult<T> = { ok: true; value: T } | { ok: false; errors: [WarrenError, ...WarrenError[]] };
