/**
 * The composer's typed header rows ⇄ field tables, and small body helpers, for the renderer.
 * Pure. Arrays and tables are written as JSON in one cell; numbers in JSON become int or float.
 */
import type { EncodedBody, FieldEntry, FieldType, FieldValue } from './types';

export const EDITABLE_TYPES = ['string', 'int', 'float', 'bool', 'null', 'bytes', 'timestamp', 'array', 'table'] as const satisfies readonly FieldType[];
export type EditableType = (typeof EDITABLE_TYPES)[number];

export interface HeaderRow {
  key: string;
  type: EditableType;
  /** The cell as typed: "42", "true", "[1,\"a\"]", base64 for bytes. */
  text: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; row?: number };

export function rowsToEntries(rows: HeaderRow[]): Parsed<FieldEntry[]> {
  const entries: FieldEntry[] = [];
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    if (row.key === '' && row.text === '') continue;
    if (row.key === '') return { ok: false, message: `Header ${i + 1} has no name`, row: i };
    if (seen.has(row.key)) return { ok: false, message: `Header “${row.key}” appears twice`, row: i };
    seen.add(row.key);
    const value = textToValue(row.type, row.text);
    if (!value.ok) return { ok: false, message: `Header “${row.key}”: ${value.message}`, row: i };
    entries.push({ key: row.key, value: value.value });
  }
  return { ok: true, value: entries };
}

export function textToValue(type: EditableType, text: string): Parsed<FieldValue> {
  const t = text.trim();
  switch (type) {
    case 'string':
      return { ok: true, value: { t: 'string', v: text } };
    case 'int':
      if (!/^-?\d+$/.test(t)) return { ok: false, message: 'an integer is digits, e.g. 42 or -7' };
      if (!Number.isSafeInteger(Number(t))) return { ok: false, message: 'beyond ±2^53 an integer loses precision; send it as a string' };
      return { ok: true, value: { t: 'int', v: Number(t) } };
    case 'float': {
      const n = Number(t);
      if (t === '' || !Number.isFinite(n)) return { ok: false, message: 'a float is a finite number, e.g. 3.25 (no NaN or Infinity)' };
      return { ok: true, value: { t: 'float', v: n } };
    }
    case 'bool':
      if (t !== 'true' && t !== 'false') return { ok: false, message: 'a boolean is true or false' };
      return { ok: true, value: { t: 'bool', v: t === 'true' } };
    case 'null':
      return { ok: true, value: { t: 'null' } };
    case 'bytes':
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 === 1) return { ok: false, message: 'bytes are written in base64' };
      return { ok: true, value: { t: 'bytes', v: t } };
    case 'timestamp': {
      if (/^\d+$/.test(t)) return { ok: true, value: { t: 'timestamp', v: Number(t) } };
      const ms = Date.parse(t);
      if (Number.isNaN(ms) || ms < 0) return { ok: false, message: 'a timestamp is seconds since 1970 or an ISO date' };
      return { ok: true, value: { t: 'timestamp', v: Math.floor(ms / 1000) } };
    }
    case 'array':
    case 'table': {
      let parsed: unknown;
      try {
        parsed = JSON.parse(t);
      } catch {
        return { ok: false, message: `${type === 'array' ? 'an array' : 'a table'} is written as JSON, e.g. ${type === 'array' ? '[1, "a"]' : '{"k": 1}'}` };
      }
      if (type === 'array' && !Array.isArray(parsed)) return { ok: false, message: 'an array is written as [ … ]' };
      if (type === 'table' && (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))) return { ok: false, message: 'a table is written as { … }' };
      return jsonToValue(parsed);
    }
  }
}

/** JSON → field value: what an AMQP table can carry (no NaN, no fractions in ints, depth ≤ 32). */
export function jsonToValue(value: unknown, depth = 0): Parsed<FieldValue> {
  if (depth > 32) return { ok: false, message: 'nested more than 32 levels' };
  if (value === null) return { ok: true, value: { t: 'null' } };
  if (typeof value === 'string') return { ok: true, value: { t: 'string', v: value } };
  if (typeof value === 'boolean') return { ok: true, value: { t: 'bool', v: value } };
  if (typeof value === 'number') {
    if (Number.isInteger(value)) {
      return Number.isSafeInteger(value) ? { ok: true, value: { t: 'int', v: value } } : { ok: false, message: `${value} is beyond ±2^53; send it as a string` };
    }
    return { ok: true, value: { t: 'float', v: value } };
  }
  if (Array.isArray(value)) {
    const items: FieldValue[] = [];
    for (const item of value) {
      const r = jsonToValue(item, depth + 1);
      if (!r.ok) return r;
      items.push(r.value);
    }
    return { ok: true, value: { t: 'array', v: items } };
  }
  if (typeof value === 'object') {
    const entries: FieldEntry[] = [];
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (new TextEncoder().encode(key).length > 255) return { ok: false, message: `the name “${key.slice(0, 20)}…” is over 255 bytes` };
      const r = jsonToValue(item, depth + 1);
      if (!r.ok) return r;
      entries.push({ key, value: r.value });
    }
    return { ok: true, value: { t: 'table', v: entries } };
  }
  return { ok: false, message: `a ${typeof value} cannot go in an AMQP table` };
}

/** Field value → plain JSON-ish value (for display, export of headers as JSON, code snippets). */
export function valueToPlain(v: FieldValue): unknown {
  switch (v.t) {
    case 'null':
      return null;
    case 'decimal':
      return v.digits / 10 ** v.places;
    case 'array':
      return v.v.map(valueToPlain);
    case 'table':
      return Object.fromEntries(v.v.map((e) => [e.key, valueToPlain(e.value)]));
    default:
      return v.v;
  }
}

export function entriesToRows(entries: FieldEntry[] | undefined): HeaderRow[] {
  return (entries ?? []).map((e) => {
    const type: EditableType = e.value.t === 'decimal' ? 'float' : e.value.t;
    const text =
      e.value.t === 'array' || e.value.t === 'table'
        ? JSON.stringify(valueToPlain(e.value))
        : e.value.t === 'null'
          ? ''
          : String(valueToPlain(e.value));
    return { key: e.key, type, text };
  });
}

export function valueToText(v: FieldValue): string {
  if (v.t === 'string') return v.v;
  if (v.t === 'timestamp') return `${v.v} (${new Date(v.v * 1000).toISOString()})`;
  return JSON.stringify(valueToPlain(v));
}

/** Body bytes as hex lines of 16 bytes, for the detail pane. */
export function hexDump(bytes: Uint8Array, limit = 4096): string {
  const lines: string[] = [];
  for (let i = 0; i < Math.min(bytes.length, limit); i += 16) {
    const row = bytes.subarray(i, i + 16);
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...row].map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${i.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  if (bytes.length > limit) lines.push(`… ${bytes.length - limit} more bytes`);
  return lines.join('\n');
}

export function bodyBytes(body: EncodedBody): Uint8Array {
  if (body.encoding === 'utf8') return new TextEncoder().encode(body.data);
  const bin = atob(body.data);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Pretty JSON when the body parses as JSON, else undefined. */
export function prettyJson(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return undefined;
  }
}
