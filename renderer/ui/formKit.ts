/** Small helpers every form uses: whole numbers from text, and where a refusal shows. */
import type { WarrenError } from '../../shared/errors';
import { invalid } from './invalid';

/** '' → undefined; a whole number → the number; anything else → a BAD_INPUT for that field. */
export function optionalInt(text: string, field: string, label: string): number | undefined | WarrenError {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^\d+$/.test(trimmed)) {
    return invalid(`${label} must be a whole number of 0 or more; got "${trimmed}"`, { field, hint: 'Type digits only, or leave it empty.' });
  }
  return Number(trimmed);
}

export function isError(value: unknown): value is WarrenError {
  return typeof value === 'object' && value !== null && 'code' in value && 'hint' in value;
}

/**
 * A refusal shows once, where the user acted: under the field it names when the form shows that
 * field, otherwise above the form (never both).
 */
export function placeError(error: WarrenError | undefined, fields: readonly string[]) {
  const atField = error?.field !== undefined && fields.includes(error.field);
  return {
    notice: atField ? undefined : error,
    at: (field: string): { message: string; hint?: string } | undefined => (atField && error?.field === field ? { message: error.message, hint: error.hint } : undefined),
  };
}
