// Headers-exchange matching, reproducing RabbitMQ 3.10's
// deps/rabbit/src/rabbit_exchange_type_headers.erl (headers_match/5) as a
// plain function of (binding arguments, message headers). Pure.

/** The four x-match modes RabbitMQ 3.10 accepts on a headers binding. */
export type XMatchMode = 'all' | 'any' | 'all-with-x' | 'any-with-x';

const X_MATCH_MODES: readonly string[] = ['all', 'any', 'all-with-x', 'any-with-x'];

/**
 * The binding's x-match mode. Anything that is not one of the four strings
 * means 'all': the broker's parse_x_match/1 falls back to `all` ("legacy; we
 * didn't validate"), and a missing x-match is explicitly allowed.
 */
export function xMatchMode(bindingArgs: Record<string, unknown>): XMatchMode {
  const raw = bindingArgs['x-match'];
  return typeof raw === 'string' && X_MATCH_MODES.includes(raw) ? (raw as XMatchMode) : 'all';
}

/**
 * True when a headers binding with `bindingArgs` matches a message carrying
 * `headers`. The routing key plays no part.
 *
 * Rules, all taken from headers_match/5:
 * - "x-match" itself is never compared, in any mode;
 * - in 'all'/'any', every other argument whose key starts with "x-" is
 *   ignored; in 'all-with-x'/'any-with-x' those are compared like the rest;
 * - 'all' needs every remaining argument to match, so a binding with nothing
 *   left to compare matches every message;
 * - 'any' needs at least one to match, so such a binding matches nothing;
 * - a void argument (JS `null`, which is how amqplib encodes and decodes the
 *   AMQP void type) matches on presence of the header alone, whatever its
 *   value;
 * - otherwise the values must be equal (see amqpValuesEqual).
 *
 * A JS `undefined` value, in arguments or headers, is treated as absent:
 * amqplib skips undefined entries when it encodes a field table, so the broker
 * never sees them. JSON snapshots cannot contain undefined at all.
 */
export function headersMatch(
  bindingArgs: Record<string, unknown>,
  headers: Record<string, unknown>,
): boolean {
  const mode = xMatchMode(bindingArgs);
  const compareX = mode === 'all-with-x' || mode === 'any-with-x';
  const needAll = mode === 'all' || mode === 'all-with-x';

  for (const [key, expected] of Object.entries(bindingArgs)) {
    if (expected === undefined) continue;
    if (key === 'x-match') continue;
    if (!compareX && key.startsWith('x-')) continue;

    const present = Object.hasOwn(headers, key) && headers[key] !== undefined;
    const matched = present && (expected === null || amqpValuesEqual(expected, headers[key]));

    // Short-circuit exactly where the broker does: the first miss decides
    // 'all', the first hit decides 'any'.
    if (needAll && !matched) return false;
    if (!needAll && matched) return true;
  }
  return needAll;
}

/**
 * Value equality as the broker's `PV == DV` sees it, approximated on the JS
 * shapes amqplib and the management API produce:
 * - numbers (and bigints) compare by numeric value, as Erlang's `==` does
 *   (1 == 1.0); a number never equals a string or a boolean;
 * - arrays compare element by element, in order;
 * - byte arrays (Uint8Array, including Node Buffers) compare byte by byte;
 * - plain objects (nested tables) compare key by key, ignoring key order.
 *   The broker compares nested tables as ordered lists, but the management
 *   API re-sorts table keys, so wire order is unrecoverable from a snapshot.
 */
export function amqpValuesEqual(a: unknown, b: unknown): boolean {
  if (isNumeric(a) && isNumeric(b)) return numericEqual(a, b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return a === b;
  }
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && bytesEqual(a, b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => amqpValuesEqual(item, b[i]));
  }
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const aKeys = definedKeys(aRecord);
  const bKeys = definedKeys(bRecord);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every(
    (key) => Object.hasOwn(bRecord, key) && amqpValuesEqual(aRecord[key], bRecord[key]),
  );
}

function isNumeric(value: unknown): value is number | bigint {
  return typeof value === 'number' || typeof value === 'bigint';
}

function numericEqual(a: number | bigint, b: number | bigint): boolean {
  // Loose equality compares a bigint and a number by mathematical value,
  // which is the point here; both-number and both-bigint cases are plain.
  return a == b;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

// Keys whose value is not undefined: undefined entries never reach the wire.
function definedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((key) => record[key] !== undefined);
}
