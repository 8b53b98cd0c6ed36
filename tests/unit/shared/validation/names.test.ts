import { describe, expect, it } from 'vitest';
import { amqpName, tableKey } from '../../../../shared/validation/name-schemas';
import { keyProblem, nameProblem, utf8Length } from '../../../../shared/validation/names';
import { MAX_INPUT_DEPTH, inputShapeProblem } from '../../../../shared/validation/input-shape';

describe('AMQP names', () => {
  it('are measured in UTF-8 bytes as the broker measures them', () => {
    for (const text of ['', 'a', 'é', '€', '😀', 'a😀é€', 'é'.repeat(255), '\uD800', 'x\uDC00y']) {
      expect(utf8Length(text), JSON.stringify(text)).toBe(new TextEncoder().encode(text).length);
    }
    expect(nameProblem('a'.repeat(255), 'Queue name')).toBeUndefined();
    expect(nameProblem('é'.repeat(128), 'Queue name')).toBe('Queue name is 256 bytes long; AMQP allows at most 255 bytes (UTF-8)');
  });

  it('refuse a lone surrogate and a NUL with a message instead of changing them', () => {
    expect(nameProblem('a\uD800', 'Queue name')).toMatch(/surrogate/);
    expect(nameProblem('\uDC00a', 'Queue name')).toMatch(/surrogate/);
    expect(nameProblem('a😀', 'Queue name')).toBeUndefined();
    expect(nameProblem('a\u0000b', 'Queue name')).toMatch(/NUL/);
    expect(amqpName('Queue name').safeParse('ok').success).toBe(true);
    expect(amqpName('Queue name').safeParse('x'.repeat(2000)).success).toBe(false);
  });

  it('refuse __proto__, constructor and prototype as header or argument names', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      expect(keyProblem(key)).toContain(key);
      const parsed = tableKey().safeParse(key);
      expect(parsed.success).toBe(false);
    }
    expect(keyProblem('x-match')).toBeUndefined();
  });
});

describe('the shape check before zod', () => {
  it('refuses nesting beyond the limit, naming where, without recursing', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(inputShapeProblem({ a: deep })).toEqual({ field: 'a.0.0.0.0.0.0.0.…', message: `is nested deeper than ${MAX_INPUT_DEPTH} levels` });
    let fine: unknown = 1;
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) fine = { v: fine };
    expect(inputShapeProblem(fine)).toBeUndefined();
  });

  it('passes a header nested as deep as the AMQP codec takes (32 levels)', () => {
    let value: unknown = { t: 'null' };
    for (let i = 0; i < 32; i++) value = { t: 'table', v: [{ key: 'k', value }] };
    expect(inputShapeProblem({ exchange: '', routingKey: 'q', body: { mode: 'text', data: '' }, properties: { headers: [{ key: 'h', value }] } })).toBeUndefined();
  });

  it('refuses prototype keys and lone surrogates anywhere, and passes ordinary input', () => {
    expect(inputShapeProblem(JSON.parse('{"a":[{"__proto__":{}}]}'))).toEqual({ field: 'a.0.__proto__', message: '“__proto__” is not accepted as a key' });
    expect(inputShapeProblem({ b: { constructor: 1 } })?.field).toBe('b.constructor');
    expect(inputShapeProblem({ c: ['ok', 'bad\uDBFF'] })?.field).toBe('c.1');
    expect(inputShapeProblem({ name: 'q', n: 1, flag: true, none: null, list: ['a😀'] })).toBeUndefined();
    expect(inputShapeProblem(undefined)).toBeUndefined();
  });
});

describe('generated names', () => {
  it('cut the middle part on a whole character so the name stays within 255 bytes', async () => {
    const { fitName } = await import('../../../../shared/validation/names');
    expect(fitName('warren.tap.', 'ex', '.abc')).toBe('warren.tap.ex.abc');
    const long = fitName('warren.tap.', '😀'.repeat(100), '.abc123');
    expect(utf8Length(long)).toBeLessThanOrEqual(255);
    expect(nameProblem(long, 'x')).toBeUndefined();
    expect(long.endsWith('.abc123')).toBe(true);
  });
});
