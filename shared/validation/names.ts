/**
 * Names and keys as the broker sees them. AMQP short strings (queue, exchange, routing key,
 * vhost, header and argument names) are measured in UTF-8 bytes, 255 at most, exactly as the
 * broker measures them. Values that would be changed on the way (a lone surrogate becomes
 * U+FFFD in UTF-8, a NUL ends C strings, `__proto__` vanishes into a JS object's prototype) are
 * refused with a message instead of being silently altered. Pure and free of zod (the page loads it
 * at its start); the contracts' schemas built on it are in ./name-schemas.ts.
 */

export const MAX_NAME_BYTES = 255;

/** Object keys JavaScript treats specially: as header or argument names they would be dropped or clash. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Bytes of `text` in UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD). Works in the page and in Node. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** Why `value` cannot be an AMQP name, or undefined when it can. `what` names it for the user. */
export function nameProblem(value: string, what: string): string | undefined {
  if (hasLoneSurrogate(value)) return `${what} contains half of a UTF-16 surrogate pair, which UTF-8 cannot carry`;
  if (value.includes('\u0000')) return `${what} contains a NUL character, which the broker does not accept in names`;
  const bytes = utf8Length(value);
  if (bytes > MAX_NAME_BYTES) return `${what} is ${bytes} bytes long; AMQP allows at most ${MAX_NAME_BYTES} bytes (UTF-8)`;
  return undefined;
}

/** Why `key` cannot be a header or argument name (a table key), or undefined when it can. */
export function keyProblem(key: string, what = 'A header name'): string | undefined {
  if (RESERVED_KEYS.has(key)) return `${what} cannot be “${key}” (JavaScript reserves it; it would be dropped)`;
  return nameProblem(key, what);
}

/**
 * `prefix + middle + suffix` as an AMQP name: `middle` (e.g. a user's exchange name inside a
 * generated queue name) is cut, on a whole character, so the result stays within 255 bytes.
 */
export function fitName(prefix: string, middle: string, suffix: string): string {
  const room = MAX_NAME_BYTES - utf8Length(prefix) - utf8Length(suffix);
  let cut = '';
  for (const char of middle) {
    if (utf8Length(cut + char) > room) break;
    cut += char;
  }
  return `${prefix}${cut}${suffix}`;
}
