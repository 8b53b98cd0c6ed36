/** The header codec both sides use: typed rows ⇄ AMQP field values. */
import { describe, expect, it } from 'vitest';
import { bodyBytes, bytesToBase64, entriesToRows, hexDump, jsonToValue, prettyJson, rowsToEntries, textToValue, valueToText } from '../../../../shared/messaging/codec';
import type { FieldEntry } from '../../../../shared/messaging/types';

describe('header codec', () => {
  it('reads every editable type from what the user typed', () => {
    expect(textToValue('int', ' -7 ')).toEqual({ ok: true, value: { t: 'int', v: -7 } });
    expect(textToValue('float', '3.25')).toEqual({ ok: true, value: { t: 'float', v: 3.25 } });
    expect(textToValue('bool', 'false')).toEqual({ ok: true, value: { t: 'bool', v: false } });
    expect(textToValue('null', 'anything')).toEqual({ ok: true, value: { t: 'null' } });
    expect(textToValue('bytes', 'AP8=')).toEqual({ ok: true, value: { t: 'bytes', v: 'AP8=' } });
    expect(textToValue('timestamp', '1700000000')).toEqual({ ok: true, value: { t: 'timestamp', v: 1_700_000_000 } });
    expect(textToValue('timestamp', '2023-11-14T22:13:20Z')).toEqual({ ok: true, value: { t: 'timestamp', v: 1_700_000_000 } });
    expect(textToValue('array', '[1, "a", [true]]')).toEqual({ ok: true, value: { t: 'array', v: [{ t: 'int', v: 1 }, { t: 'string', v: 'a' }, { t: 'array', v: [{ t: 'bool', v: true }] }] } });
    expect(textToValue('table', '{"k": {"n": 1.5}}')).toEqual({ ok: true, value: { t: 'table', v: [{ key: 'k', value: { t: 'table', v: [{ key: 'n', value: { t: 'float', v: 1.5 } }] } }] } });
  });

  it('refuses what an AMQP table cannot carry, saying why', () => {
    expect(textToValue('int', '1.5')).toMatchObject({ ok: false, message: expect.stringContaining('integer') });
    expect(textToValue('int', '9007199254740993')).toMatchObject({ ok: false, message: expect.stringContaining('2^53') });
    expect(textToValue('float', 'NaN')).toMatchObject({ ok: false });
    expect(textToValue('float', '')).toMatchObject({ ok: false });
    expect(textToValue('bool', 'yes')).toMatchObject({ ok: false });
    expect(textToValue('bytes', 'not base64!')).toMatchObject({ ok: false });
    expect(textToValue('array', '{"a":1}')).toMatchObject({ ok: false, message: expect.stringContaining('[') });
    expect(textToValue('table', '[1]')).toMatchObject({ ok: false });
    expect(jsonToValue(2 ** 60)).toMatchObject({ ok: false });
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(jsonToValue(deep)).toMatchObject({ ok: false, message: expect.stringContaining('32') });
    expect(jsonToValue({ ['k'.repeat(300)]: 1 })).toMatchObject({ ok: false, message: expect.stringContaining('255') });
  });

  it('rows ↔ entries: blank rows are skipped, duplicates and nameless rows point at their row', () => {
    expect(rowsToEntries([{ key: '', type: 'string', text: '' }, { key: 'a', type: 'int', text: '1' }])).toEqual({ ok: true, value: [{ key: 'a', value: { t: 'int', v: 1 } }] });
    expect(rowsToEntries([{ key: 'a', type: 'int', text: '1' }, { key: 'a', type: 'int', text: '2' }])).toMatchObject({ ok: false, row: 1 });
    expect(rowsToEntries([{ key: '', type: 'int', text: '2' }])).toMatchObject({ ok: false, row: 0 });
    expect(rowsToEntries([{ key: 'x', type: 'bool', text: 'maybe' }])).toMatchObject({ ok: false, row: 0, message: expect.stringContaining('“x”') });
    const entries: FieldEntry[] = [
      { key: 's', value: { t: 'string', v: 'hi' } },
      { key: 'n', value: { t: 'null' } },
      { key: 'l', value: { t: 'array', v: [{ t: 'int', v: 1 }] } },
      { key: 'b', value: { t: 'bool', v: true } },
    ];
    const rows = entriesToRows(entries);
    expect(rows).toEqual([
      { key: 's', type: 'string', text: 'hi' },
      { key: 'n', type: 'null', text: '' },
      { key: 'l', type: 'array', text: '[1]' },
      { key: 'b', type: 'bool', text: 'true' },
    ]);
    expect(rowsToEntries(rows)).toEqual({ ok: true, value: entries });
  });

  it('bodies and display helpers', () => {
    const bytes = Uint8Array.from([0, 1, 2, 65, 255]);
    expect(bodyBytes({ encoding: 'base64', data: bytesToBase64(bytes) })).toEqual(bytes);
    expect(bodyBytes({ encoding: 'utf8', data: 'é' })).toEqual(Uint8Array.from([0xc3, 0xa9]));
    expect(hexDump(bytes)).toBe(`00000000  ${'00 01 02 41 ff'.padEnd(47)}  ...A.`);
    expect(hexDump(new Uint8Array(40), 16)).toContain('… 24 more bytes');
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson('{nope')).toBeUndefined();
    expect(valueToText({ t: 'timestamp', v: 0 })).toBe('0 (1970-01-01T00:00:00.000Z)');
    expect(valueToText({ t: 'decimal', places: 2, digits: 12345 })).toBe('123.45');
  });
});
