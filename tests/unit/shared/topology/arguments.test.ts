import { describe, expect, it } from 'vitest';
import { checkKnownArgs, parseTypedArgs, utf8Length, voidArgsFromManagement } from '../../../../shared/topology/arguments';
import { bindingRow, queueRow } from '../../../../main/service/topology/lists';

describe('typed arguments', () => {
  it('parses each type and names the field of the first problem', () => {
    expect(
      parseTypedArgs([
        { key: 'a', type: 'string', value: '42' },
        { key: 'b', type: 'number', value: '42' },
        { key: 'c', type: 'boolean', value: 'false' },
        { key: 'd', type: 'null', value: 'ignored' },
        { key: 'e', type: 'list', value: '["x", 1]' },
        { key: '', type: 'string', value: '' },
      ]),
    ).toEqual({ ok: true, value: { a: '42', b: 42, c: false, d: null, e: ['x', 1] } });
    expect(parseTypedArgs([{ key: 'n', type: 'number', value: 'ten' }])).toMatchObject({ ok: false, error: { field: 'arguments.n' } });
    expect(parseTypedArgs([{ key: 'l', type: 'list', value: '{}' }], 'headers')).toMatchObject({ ok: false, error: { field: 'headers.l' } });
    expect(parseTypedArgs([{ key: '', type: 'string', value: 'orphan' }])).toMatchObject({ ok: false });
    expect(parseTypedArgs([{ key: 'a', type: 'string', value: '1' }, { key: 'a', type: 'string', value: '2' }])).toMatchObject({ ok: false, error: { message: 'Argument a is given twice' } });
  });

  it('refuses values the broker would refuse for the arguments it knows', () => {
    expect(checkKnownArgs({ 'x-message-ttl': '60000' })?.field).toBe('arguments.x-message-ttl');
    expect(checkKnownArgs({ 'x-message-ttl': 1.5 })?.message).toMatch(/whole number/);
    expect(checkKnownArgs({ 'x-expires': 0 })?.message).toMatch(/above 0/);
    expect(checkKnownArgs({ 'x-max-priority': 300 })?.message).toMatch(/between 0 and 255/);
    expect(checkKnownArgs({ 'x-overflow': 'explode' })?.message).toMatch(/drop-head, reject-publish, reject-publish-dlx/);
    expect(checkKnownArgs({ 'x-single-active-consumer': 'true' })?.hint).toMatch(/boolean/);
    expect(checkKnownArgs({ 'x-message-ttl': 0, 'x-overflow': 'drop-head', 'x-custom': 'anything' })).toBeUndefined();
  });

  it('counts names in UTF-8 bytes, and turns the management API’s "undefined" back into a void argument', () => {
    expect(utf8Length('é'.repeat(128))).toBe(256);
    expect(utf8Length('a'.repeat(255))).toBe(255);
    expect(voidArgsFromManagement({ a: 'undefined', b: 1, 'x-match': 'any' })).toEqual({ a: null, b: 1, 'x-match': 'any' });
    expect(bindingRow({ source: 'h', destination: 'q', destination_type: 'queue', routing_key: '', arguments: { a: 'undefined' } }).arguments).toEqual({ a: null });
  });

  it('normalises management rows with missing statistics to zeros', () => {
    expect(queueRow({ name: 'q', vhost: '/' })).toMatchObject({ name: 'q', type: 'classic', ready: 0, unacked: 0, publishRate: 0, arguments: {} });
    expect(queueRow({ name: 'q', message_stats: { publish_details: { rate: 2.5 } } }).publishRate).toBe(2.5);
  });
});
