/** A limit typed in a box: '' = no limit (null), digits = the number, anything else = a refusal at that field. */
import type { WarrenError } from '../../../shared/errors';
import { isError, optionalInt } from '../../ui/formKit';

export function limitFromText(text: string, field: string, label: string): number | null | WarrenError {
  const value = optionalInt(text, field, label);
  if (isError(value)) return value;
  return value ?? null;
}

export const limitToText = (value: number | undefined) => (value === undefined ? '' : String(value));
