/** Pure pieces of messaging: header codec, templates, code snippets, the ring, the export format, settle framing. */
import { spawnSync } from 'node:child_process';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { Channel, ConsumeMessage } from 'amqplib';
import { pythonSnippet, typescriptSnippet } from '../../../../renderer/features/messaging/code-snippets';
import { bodyBytes, bytesToBase64, entriesToRows, hexDump, jsonToValue, prettyJson, rowsToEntries, textToValue, valueToText } from '../../../../shared/messaging/codec';
import { parseExport, toBase64Body, toExport, toPublishInput } from '../../../../renderer/features/messaging/export-file';
import { compileTemplate, hasPlaceholder, renderTemplate } from '../../../../main/service/messaging/template';
import type { FieldEntry, ReceivedMessage } from '../../../../shared/messaging/types';
import { sendSettle } from '../../../../main/service/messaging/consumers/settle';
import { IdRing } from '../../../../main/service/messaging/ring';

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

describe('repeat templates', () => {
  it('fills {{seq}}, {{uuid}} and {{now}}, and knows constant text', () => {
    const t = compileTemplate('order {{seq}} / {{ uuid }} at {{now}}!');
    expect(t.constant).toBe(false);
    expect(renderTemplate(t, { seq: 7, now: 0, uuid: () => 'u-1' })).toBe('order 7 / u-1 at 1970-01-01T00:00:00.000Z!');
    const plain = compileTemplate('no {{placeholders}} here {{seq');
    expect(plain.constant).toBe(true);
    expect(renderTemplate(plain, { seq: 1, now: 0, uuid: () => '' })).toBe('no {{placeholders}} here {{seq');
    expect(hasPlaceholder('x {{seq}}')).toBe(true);
    expect(hasPlaceholder('x {{seq}}')).toBe(true); // the global regex's lastIndex does not leak between calls
    expect(hasPlaceholder('x {seq}')).toBe(false);
  });
});

describe('copy as code', () => {
  const input = {
    exchange: 'orders',
    routingKey: 'eu.created',
    properties: { contentType: 'application/json', deliveryMode: 2 as const, priority: 5, headers: [{ key: 'retry', value: { t: 'bool' as const, v: true } }, { key: 'tags', value: { t: 'array' as const, v: [{ t: 'string' as const, v: 'a"b' }] } }] },
    body: { text: '{"id": 1}' },
    mandatory: true,
  };

  it('writes pika with Python names and literals, and it is valid Python', () => {
    const code = pythonSnippet(input);
    expect(code).toContain('content_type="application/json"');
    expect(code).toContain('delivery_mode=2');
    expect(code).toContain('headers={"retry": True, "tags": ["a\\"b"]}');
    expect(code).toContain('mandatory=True');
    const binary = pythonSnippet({ ...input, body: { base64: 'AP8=' } });
    expect(binary).toContain('base64.b64decode("AP8=")');
    for (const source of [code, binary]) {
      const r = spawnSync('/usr/bin/python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: source, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
  });

  it('writes amqplib that parses as TypeScript', () => {
    const code = typescriptSnippet(input);
    expect(code).toContain("channel.publish(\"orders\", \"eu.created\", Buffer.from(\"{\\\"id\\\": 1}\", 'utf8')");
    expect(code).toContain('"deliveryMode": 2');
    const out = ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    expect(out.diagnostics ?? []).toEqual([]);
  });
});

describe('IdRing', () => {
  const item = (id: number) => ({ id });
  it('keeps the newest `capacity`, counts the rest, finds by id', () => {
    const ring = new IdRing<{ id: number }>(3);
    expect(ring.get(1)).toBeUndefined();
    for (let id = 1; id <= 5; id++) ring.push(item(id));
    expect(ring.length).toBe(3);
    expect(ring.dropped).toBe(2);
    expect(ring.get(2)).toBeUndefined();
    expect(ring.get(3)).toEqual({ id: 3 });
    expect(ring.get(5)).toEqual({ id: 5 });
    expect(ring.get(6)).toBeUndefined();
    expect(ring.newest(2).map((x) => x.id)).toEqual([4, 5]);
    expect(ring.newest(10).map((x) => x.id)).toEqual([3, 4, 5]);
    ring.clear();
    expect(ring.length).toBe(0);
    expect(ring.dropped).toBe(5);
    ring.push(item(6));
    expect(ring.get(6)).toEqual({ id: 6 });
    expect(ring.newest(5).map((x) => x.id)).toEqual([6]);
  });

  it('stays bounded over a long stream', () => {
    const ring = new IdRing<{ id: number }>(1000);
    for (let id = 1; id <= 250_000; id++) ring.push(item(id));
    expect(ring.length).toBe(1000);
    expect(ring.dropped).toBe(249_000);
    expect(ring.get(249_001)).toEqual({ id: 249_001 });
    expect(ring.get(249_000)).toBeUndefined();
  });
});

describe('the export format', () => {
  const received = (over: Partial<ReceivedMessage>): ReceivedMessage => ({
    id: 1, receivedAt: 5, exchange: 'x', routingKey: 'k', redelivered: true, deliveryTag: 9, size: 2, truncated: false, settled: 'acked',
    properties: { messageId: 'm' }, body: { encoding: 'utf8', data: 'hé' }, ...over,
  });

  it('stores bodies in base64 and reads its own output back', () => {
    const doc = toExport([received({}), received({ body: { encoding: 'base64', data: 'AP8=' } })], new Date(0));
    expect(doc).toMatchObject({ format: 'warren.messages', version: 1, exportedAt: '1970-01-01T00:00:00.000Z' });
    expect(doc.messages[0]!.body).toEqual({ encoding: 'base64', data: Buffer.from('hé').toString('base64') });
    expect(doc.messages[1]!.body).toEqual({ encoding: 'base64', data: 'AP8=' });
    const back = parseExport(JSON.stringify(doc));
    expect(back).toEqual({ ok: true, messages: doc.messages });
    expect(toBase64Body({ encoding: 'utf8', data: '' })).toEqual({ encoding: 'base64', data: '' });
  });

  it('refuses files that are not exports, naming the place', () => {
    expect(parseExport('nope')).toMatchObject({ ok: false, message: expect.stringContaining('not JSON') });
    expect(parseExport('{"format":"warren.messages","version":2,"messages":[]}')).toMatchObject({ ok: false, message: expect.stringContaining('version') });
    const doc = { format: 'warren.messages', version: 1, messages: [{ exchange: '', routingKey: 'q', properties: { expiration: 'soon' }, body: { encoding: 'utf8', data: '' } }] };
    expect(parseExport(JSON.stringify(doc))).toMatchObject({ ok: false, message: expect.stringContaining('messages[0].properties.expiration') });
    doc.messages[0]!.properties = {} as never;
    doc.messages[0]!.body = { encoding: 'base64', data: '***' };
    expect(parseExport(JSON.stringify(doc))).toMatchObject({ ok: false, message: 'messages[0].body.data: not valid base64' });
  });

  it('re-publishes to the message’s own route or a new one, with or without properties', () => {
    const m = toExport([received({})]).messages[0]!;
    expect(toPublishInput(m, { keepProperties: true })).toMatchObject({ exchange: 'x', routingKey: 'k', properties: { messageId: 'm' }, body: { mode: 'base64' } });
    expect(toPublishInput(m, { exchange: '', routingKey: 'retry', keepProperties: false })).toMatchObject({ exchange: '', routingKey: 'retry', properties: {} });
  });
});

describe('settling in as few frames as exact', () => {
  const channel = () => {
    const calls: string[] = [];
    const ch = {
      ack: (m: ConsumeMessage, multiple = false) => calls.push(`ack ${m.fields.deliveryTag}${multiple ? ' multiple' : ''}`),
      nack: (m: ConsumeMessage, multiple = false, requeue = true) => calls.push(`nack ${m.fields.deliveryTag}${multiple ? ' multiple' : ''}${requeue ? ' requeue' : ''}`),
      reject: (m: ConsumeMessage, requeue = true) => calls.push(`reject ${m.fields.deliveryTag}${requeue ? ' requeue' : ''}`),
    };
    return { calls, ch: ch as unknown as Channel };
  };
  const unackedOn = (ch: Channel, ids: number[]) => new Map(ids.map((id) => [id, { msg: { fields: { deliveryTag: id * 10 } } as ConsumeMessage, channel: ch }]));

  it('the oldest run goes as one multiple ack; the rest one by one', () => {
    const { calls, ch } = channel();
    const r = sendSettle(unackedOn(ch, [1, 2, 3, 4, 5]), ch, [1, 2, 3, 5], 'ack', false);
    expect(calls).toEqual(['ack 30 multiple', 'ack 50']);
    expect(r).toEqual({ done: [1, 2, 3, 5], missing: 0 });
  });

  it('never covers an unselected older message; unknown and duplicate ids are missing', () => {
    const { calls, ch } = channel();
    const r = sendSettle(unackedOn(ch, [1, 2, 3]), ch, [2, 3, 3, 99], 'nack', true);
    expect(calls).toEqual(['nack 20 requeue', 'nack 30 requeue']);
    expect(r).toEqual({ done: [2, 3], missing: 2 });
  });

  it('reject has no multiple form; another channel’s deliveries are not sent on this one', () => {
    const { calls, ch } = channel();
    const other = channel();
    const unacked = unackedOn(ch, [1, 2]);
    unacked.set(3, { msg: { fields: { deliveryTag: 1 } } as ConsumeMessage, channel: other.ch });
    const r = sendSettle(unacked, ch, [1, 2, 3], 'reject', false);
    expect(calls).toEqual(['reject 10', 'reject 20']);
    expect(other.calls).toEqual([]);
    expect(r.missing).toBe(1);
  });
});
