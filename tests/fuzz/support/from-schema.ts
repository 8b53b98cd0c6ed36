/**
 * fast-check arbitraries for an operation's input, from its zod schema (through zod's own JSON
 * Schema export, so every operation is covered without hand-written generators):
 *  - `validish`: values shaped by the schema (sizes kept small, bounds hit on purpose), and
 *  - `around`: the same, with some nodes replaced by what the schema refuses — wrong types,
 *    one past a bound, lone surrogates, NUL, 255 two-byte characters, prototype keys, deep nesting.
 */
import fc from 'fast-check';
import { z } from 'zod';

type Json = Record<string, unknown>;

const MAX_STRING = 24;
const MAX_ITEMS = 4;
const MAX_REF_DEPTH = 3;

/** Values no schema of Warren accepts where it expects something else, and strings that test names. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom(-0, 1e308, -1e308, 2 ** 53, 2 ** 63, 0.5, -1),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('', ' ', 'é'.repeat(255), 'a'.repeat(256), 'bad\uD800', '\uDC00', 'nul\u0000', '__proto__', 'constructor', '../../etc/passwd', '%E0%A4%A'),
  fc.constant([]),
  fc.constant({}),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}')),
  fc.constant({ constructor: { prototype: { polluted: true } } }),
  fc.integer({ min: 50, max: 400 }).map((depth) => {
    let v: unknown = 'leaf';
    for (let i = 0; i < depth; i++) v = [v];
    return v;
  }),
);

export function inputArbitraries(schema: z.ZodType): { validish: fc.Arbitrary<unknown>; around: fc.Arbitrary<unknown> } {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Json;
  const defs = (json.$defs ?? {}) as Record<string, Json>;
  return { validish: build(json, defs, 0, 0), around: build(json, defs, 0, 0.15) };
}

/** `chaos`: the chance that a node is replaced by a hostile value. */
function build(node: Json, defs: Record<string, Json>, refDepth: number, chaos: number): fc.Arbitrary<unknown> {
  const shaped = shape(node, defs, refDepth, chaos);
  if (chaos === 0) return shaped;
  return fc.oneof({ weight: Math.round((1 - chaos) * 100), arbitrary: shaped }, { weight: Math.round(chaos * 100), arbitrary: hostileValue });
}

function shape(node: Json, defs: Record<string, Json>, refDepth: number, chaos: number): fc.Arbitrary<unknown> {
  const sub = (n: Json, depth = refDepth) => build(n, defs, depth, chaos);
  if (typeof node.$ref === 'string') {
    if (refDepth >= MAX_REF_DEPTH) return fc.constant({ t: 'null' });
    return sub(defs[node.$ref.replace('#/$defs/', '')] ?? {}, refDepth + 1);
  }
  if ('const' in node) return fc.constant(node.const);
  if (Array.isArray(node.enum)) return fc.constantFrom(...(node.enum as unknown[]));
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(node[key])) return fc.oneof(...(node[key] as Json[]).map((n) => sub(n)));
  }
  if (Array.isArray(node.allOf)) return sub((node.allOf as Json[])[0]!);
  switch (node.type) {
    case 'string':
      return stringFor(node);
    case 'integer':
    case 'number':
      return numberFor(node);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const min = typeof node.minItems === 'number' ? node.minItems : 0;
      const max = Math.min(typeof node.maxItems === 'number' ? node.maxItems : MAX_ITEMS, Math.max(min, MAX_ITEMS));
      return fc.array(sub((node.items ?? {}) as Json), { minLength: min, maxLength: max });
    }
    case 'object': {
      const properties = (node.properties ?? {}) as Record<string, Json>;
      const required = new Set((node.required ?? []) as string[]);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(properties)) record[key] = sub(value);
      const requiredKeys = Object.keys(record).filter((k) => required.has(k));
      return fc.record(record, { requiredKeys });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringFor(node: Json): fc.Arbitrary<string> {
  const min = typeof node.minLength === 'number' ? node.minLength : 0;
  const max = typeof node.maxLength === 'number' ? node.maxLength : MAX_STRING;
  const small = fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max, MAX_STRING)), unit: fc.oneof(fc.constantFrom('a', 'Z', '.', '#', '*', ' '), fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' })) });
  const options: fc.Arbitrary<string>[] = [small, small, small];
  if (typeof node.pattern === 'string') {
    try {
      options.push(fc.stringMatching(new RegExp(node.pattern), { maxLength: Math.min(max, MAX_STRING) }));
    } catch {
      // a pattern fast-check cannot read: the small strings do
    }
  }
  // A name right at the broker's byte limit, in one- and two-byte characters.
  if (max >= 255) options.push(fc.constantFrom('q'.repeat(255), 'é'.repeat(127)));
  return fc.oneof(...options);
}

function numberFor(node: Json): fc.Arbitrary<number> {
  const min = typeof node.minimum === 'number' ? node.minimum : -1_000_000;
  const max = typeof node.maximum === 'number' ? node.maximum : 1_000_000;
  const safeMin = Math.max(min, Number.MIN_SAFE_INTEGER);
  const safeMax = Math.min(max, Number.MAX_SAFE_INTEGER);
  const edges = fc.constantFrom(safeMin, safeMax);
  const intMin = Math.max(Math.ceil(safeMin), -(2 ** 31));
  const intMax = Math.min(Math.floor(safeMax), 2 ** 31 - 1);
  if (node.type === 'integer') return intMin <= intMax ? fc.oneof(fc.integer({ min: intMin, max: intMax }), edges) : edges;
  return fc.oneof(fc.double({ min: safeMin, max: safeMax, noNaN: true, noDefaultInfinity: true }), edges);
}
