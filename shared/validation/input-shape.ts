/**
 * The shape check every input passes BEFORE its zod schema: zod recurses, so a value nested a
 * thousand deep would overflow the stack inside the parser. This walk is iterative and refuses
 * what no operation takes anyway: deep nesting, `__proto__`/`constructor`/`prototype` keys, and
 * strings with a lone surrogate (UTF-8 would silently turn it into U+FFFD). Pure.
 */
import { RESERVED_KEYS, hasLoneSurrogate } from './names';

/**
 * Deepest nesting of objects and arrays an input may have. A header table costs three levels per
 * level of its own nesting, so the 32 levels the AMQP codec takes (main/service/messaging/codec.ts)
 * fit in about 100; zod's recursion is harmless at this depth.
 */
export const MAX_INPUT_DEPTH = 128;

export interface ShapeProblem {
  /** Where, as a dotted path (`properties.headers.0.value`), '' for the input itself. */
  field: string;
  message: string;
}

interface Step {
  value: unknown;
  parent?: Step;
  key?: string | number;
  depth: number;
}

/** The first problem with `input`'s shape, or undefined. Never recurses, never throws. */
export function inputShapeProblem(input: unknown): ShapeProblem | undefined {
  const stack: Step[] = [{ value: input, depth: 0 }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const { value, depth } = step;
    if (typeof value === 'string') {
      if (hasLoneSurrogate(value)) return { field: fieldOf(step), message: 'contains half of a UTF-16 surrogate pair, which UTF-8 cannot carry' };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_INPUT_DEPTH) return { field: fieldOf(step), message: `is nested deeper than ${MAX_INPUT_DEPTH} levels` };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], parent: step, key: i, depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(value)) {
      const child: Step = { value: (value as Record<string, unknown>)[key], parent: step, key, depth: depth + 1 };
      if (RESERVED_KEYS.has(key)) return { field: fieldOf(child), message: `“${key}” is not accepted as a key` };
      if (hasLoneSurrogate(key)) return { field: fieldOf(step), message: 'has a key with half of a UTF-16 surrogate pair' };
      stack.push(child);
    }
  }
  return undefined;
}

/** A readable path: at most 8 steps, the rest elided. */
function fieldOf(step: Step): string {
  const keys: string[] = [];
  for (let s: Step | undefined = step; s?.key !== undefined; s = s.parent) keys.unshift(String(s.key));
  return keys.length <= 8 ? keys.join('.') : `${keys.slice(0, 8).join('.')}.…`;
}
