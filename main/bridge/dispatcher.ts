/**
 * The one entry point for calls from any host. It knows the contract's shape, not its
 * operation names: look up the schema, parse, hand the parsed input to the service,
 * and turn whatever comes back (or is thrown) into a Result.
 */
import type { z } from 'zod';
import { isOperationName, operations, type ServiceHandlers } from '../../shared/contract';
import { warrenError, type Result } from '../../shared/errors';
import { inputShapeProblem } from '../../shared/validation/input-shape';
import { toWarrenError } from '../service/errors';

export type Dispatch = (op: unknown, input: unknown) => Promise<Result<unknown>>;

export function createDispatcher(handlers: ServiceHandlers, log: (line: string) => void = () => {}): Dispatch {
  return async (op, input) => {
    if (!isOperationName(op)) {
      const name = typeof op === 'string' ? op.slice(0, 80) : typeof op;
      return { ok: false, error: warrenError('UNKNOWN_OPERATION', `Unknown operation: ${name}`) };
    }
    const spec = operations[op];
    // Before zod: its parser recurses, and a deeply nested value would overflow the stack there.
    const shape = inputShapeProblem(input);
    if (shape) return { ok: false, error: refusal(op, shape.field, shape.message) };
    let parsed: ReturnType<z.ZodType['safeParse']>;
    try {
      parsed = (spec.input as z.ZodType).safeParse(input ?? {});
    } catch (err) {
      // A schema that throws on some input is still the input's fault as far as the user can act.
      log(`${op}: input check threw: ${err instanceof Error ? err.message : String(err)}`);
      return { ok: false, error: refusal(op, undefined, 'the input could not be checked') };
    }
    if (!parsed.success) return { ok: false, error: describeIssues(op, parsed.error.issues) };
    const handler = handlers[op] as (value: unknown) => Promise<unknown>;
    try {
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      const error = toWarrenError(err);
      if (error.code === 'INTERNAL') log(`${op} failed: ${error.message}`);
      return { ok: false, error };
    }
  };
}

function describeIssues(op: string, issues: z.core.$ZodIssue[]) {
  const first = issues[0];
  const field = first && first.path.length > 0 ? first.path.map(String).join('.') : undefined;
  return refusal(op, field, first?.message ?? 'invalid input');
}

function refusal(op: string, field: string | undefined, message: string) {
  const named = field === '' ? undefined : field;
  return warrenError('BAD_INPUT', `Invalid input for ${op} — ${named ? `${named}: ` : ''}${message}`, {
    field: named,
    hint: named ? `Correct “${named}” and try again.` : 'Correct the input and try again.',
  });
}
