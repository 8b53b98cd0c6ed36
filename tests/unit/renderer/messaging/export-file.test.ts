/** The export format of received messages, and re-publishing from it. */
import { describe, expect, it } from 'vitest';
import { parseExport, toBase64Body, toExport, toPublishInput } from '../../../../renderer/features/messaging/export-file';
import type { ReceivedMessage } from '../../../../shared/messaging/types';

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
