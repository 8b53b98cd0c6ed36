/** An export re-imports: export → parse → re-publish keeps body bytes, properties and headers. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseExport, toExport, toPublishInput } from '../../../renderer/features/messaging/export-file';
import type { MessageProperties } from '../../../shared/messaging/types';
import { waitFor } from '../../support/broker';
import { connectedService } from '../../support/messaging';

type Ctx = Awaited<ReturnType<typeof connectedService>>;

const PROPS: MessageProperties = {
  contentType: 'application/octet-stream',
  deliveryMode: 2,
  priority: 3,
  correlationId: 'c-9',
  messageId: 'm-9',
  timestamp: 1_700_000_999,
  type: 'dead.letter',
  appId: 'warren-test',
  headers: [
    { key: 'x-death-like', value: { t: 'array', v: [{ t: 'table', v: [{ key: 'count', value: { t: 'int', v: 2 } }] }] } },
    { key: 'raw', value: { t: 'bytes', v: Buffer.from([0, 255, 7]).toString('base64') } },
    { key: 'ratio', value: { t: 'float', v: 0.5 } },
  ],
};

describe('export and re-import', () => {
  let t: Ctx;
  beforeEach(async () => {
    t = await connectedService('msg-import');
  });
  afterEach(async () => {
    await t.close();
  });

  it('an exported message re-published from the file arrives with the same bytes, properties and headers', async () => {
    await t.ch.assertQueue('dlq', { durable: false });
    await t.ch.assertQueue('retry', { durable: false });
    const binary = Buffer.from(Array.from({ length: 700 }, (_, i) => (i * 7) % 256)); // over the 512-byte preview
    await t.call('messaging.publish', { exchange: '', routingKey: 'dlq', properties: PROPS, body: { mode: 'base64', data: binary.toString('base64') } });
    await t.call('messaging.publish', { exchange: '', routingKey: 'dlq', properties: { contentType: 'application/json' }, body: { mode: 'json', data: '{"ünïcode":"✓"}' } });

    const consumer = await t.call('consumers.attach', { queue: 'dlq', ackMode: 'manual' });
    const previews = await t.waitDelivered(consumer.id, 2);
    expect(previews[0]!.truncated).toBe(true);
    // The UI exports whole messages (consumers.message), as ConsumerPanel does.
    const whole = await Promise.all(previews.map((p) => t.call('consumers.message', { consumerId: consumer.id, id: p.id })));
    const file = JSON.stringify(toExport(whole), null, 2);
    expect(JSON.parse(file)).toMatchObject({ format: 'warren.messages', version: 1 });

    const parsed = parseExport(file);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.messages).toHaveLength(2);
    for (const m of parsed.messages) {
      const out = await t.call('messaging.publish', toPublishInput(m, { exchange: '', routingKey: 'retry', keepProperties: true }));
      expect(out.status).toBe('confirmed');
    }

    const first = (await waitFor(() => t.ch.get('retry', { noAck: true }).then((m) => m || undefined)))!;
    expect(Buffer.compare(first.content, binary)).toBe(0);
    expect(first.properties).toMatchObject({ contentType: 'application/octet-stream', deliveryMode: 2, priority: 3, correlationId: 'c-9', messageId: 'm-9', timestamp: 1_700_000_999, type: 'dead.letter', appId: 'warren-test' });
    expect(first.properties.headers).toEqual({ 'x-death-like': [{ count: 2 }], raw: Buffer.from([0, 255, 7]), ratio: 0.5 });
    const second = (await waitFor(() => t.ch.get('retry', { noAck: true }).then((m) => m || undefined)))!;
    expect(second.content.toString('utf8')).toBe('{"ünïcode":"✓"}');
    expect(second.properties.contentType).toBe('application/json');

    // Without properties: the body alone.
    const bare = await t.call('messaging.publish', toPublishInput(parsed.messages[0]!, { routingKey: 'retry', exchange: '', keepProperties: false }));
    expect(bare.status).toBe('confirmed');
    const third = (await waitFor(() => t.ch.get('retry', { noAck: true }).then((m) => m || undefined)))!;
    expect(Buffer.compare(third.content, binary)).toBe(0);
    expect(third.properties.messageId).toBeUndefined();
  });

  it('a file that is not an export is refused with the place named', () => {
    expect(parseExport('{"format":"other","version":1,"messages":[]}')).toMatchObject({ ok: false, message: expect.stringContaining('warren.messages') });
    const bad = parseExport(JSON.stringify({ format: 'warren.messages', version: 1, messages: [{ exchange: '', routingKey: 'q', properties: { priority: 900 }, body: { encoding: 'utf8', data: 'x' } }] }));
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('messages[0].properties.priority') });
  });
});
