/** Interop with code Warren did not write: Debian's python3-pika on /usr/bin/python3. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FieldEntry, MessageProperties } from '../../../shared/messaging/types';
import { testBroker } from '../../support/broker';
import { connectedService } from '../../support/messaging';

const scripts = path.resolve(__dirname, '..', '..', 'interop');
const pika = (script: string, vhost: string, queue: string) => {
  const b = testBroker();
  return execFileSync('/usr/bin/python3', [path.join(scripts, script), b.host, String(b.amqpPort), vhost, queue], { encoding: 'utf8', timeout: 30_000 });
};

/**
 * Every field type both sides can carry. Not floats: python3-pika 1.2 cannot encode a float
 * (UnsupportedAMQPFieldException) and decodes a double by truncating it to an integer
 * (data.py: `long(struct.unpack_from('>d', ...))`), so a float header cannot survive pika.
 */
const HEADERS: FieldEntry[] = [
  { key: 'str', value: { t: 'string', v: 'héllo ✓' } },
  { key: 'int', value: { t: 'int', v: 42 } },
  { key: 'big', value: { t: 'int', v: 2 ** 40 } },
  { key: 'neg', value: { t: 'int', v: -70000 } },
  { key: 'yes', value: { t: 'bool', v: true } },
  { key: 'nothing', value: { t: 'null' } },
  { key: 'raw', value: { t: 'bytes', v: Buffer.from([0, 1, 254, 255]).toString('base64') } },
  { key: 'when', value: { t: 'timestamp', v: 1_700_000_000 } },
  { key: 'dec', value: { t: 'decimal', places: 2, digits: 12345 } },
  { key: 'list', value: { t: 'array', v: [{ t: 'int', v: 1 }, { t: 'string', v: 'two' }, { t: 'array', v: [{ t: 'bool', v: false }] }] } },
  { key: 'nested', value: { t: 'table', v: [{ key: 'inner', value: { t: 'table', v: [{ key: 'deep', value: { t: 'string', v: 'x' } }] } }] } },
];
const BODY = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

describe('interop with python3-pika', () => {
  let t: Awaited<ReturnType<typeof connectedService>>;
  beforeEach(async () => {
    t = await connectedService('pika');
    await t.ch.assertQueue('interop', { durable: false });
  });
  afterEach(async () => {
    await t.close();
  });

  it('a message Warren publishes is received by pika with identical body, properties and headers', async () => {
    const properties: MessageProperties = {
      contentType: 'application/octet-stream',
      contentEncoding: 'identity',
      deliveryMode: 2,
      priority: 9,
      correlationId: 'corr-7',
      replyTo: 'replies',
      expiration: '120000',
      messageId: 'w-1',
      timestamp: 1_700_000_456,
      type: 'warren.test',
      userId: 'guest',
      appId: 'warren',
      headers: HEADERS,
    };
    const r = await t.svc.dispatch('messaging.publish', { exchange: '', routingKey: 'interop', properties, body: { mode: 'base64', data: BODY.toString('base64') } });
    expect(r.ok).toBe(true);
    const seen = JSON.parse(pika('pika_get.py', t.vhost, 'interop')) as { body: string; properties: MessageProperties; routingKey: string };
    expect(Buffer.from(seen.body, 'base64').equals(BODY)).toBe(true);
    expect(seen.properties).toEqual(properties);
    expect(seen.routingKey).toBe('interop');
  });

  it('a message pika publishes is shown by Warren identically', async () => {
    const c = await t.call('consumers.attach', { queue: 'interop', ackMode: 'manual' });
    pika('pika_publish.py', t.vhost, 'interop');
    const [preview] = await t.waitDelivered(c.id, 1);
    const m = await t.call('consumers.message', { consumerId: c.id, id: preview!.id });
    expect(m.body).toEqual({ encoding: 'base64', data: BODY.toString('base64') });
    expect(m.properties).toEqual({
      contentType: 'application/json',
      contentEncoding: 'utf-8',
      deliveryMode: 2,
      priority: 3,
      correlationId: 'c-9',
      replyTo: 'answers',
      expiration: '60000',
      messageId: 'py-1',
      timestamp: 1_700_000_000,
      type: 'py.test',
      userId: 'guest',
      appId: 'pika',
      headers: HEADERS,
    });
  });
});
