// Every reproduction of issue 10 that ended or wedged the main process, as a fixed case against
// a browser host running in its own process (a crash is an exit seen here, not vitest dying).
// After each case the process is alive and a normal call answers within 1 s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { sessionCookieName } from '../../../shared/host-web/session';
import { createTestVhost } from '../../support/broker';
import { startHostProcess, type HostProcess } from '../../support/web-host-process';
import { callsOver, openLink, opened, pageSocket, rawGet, rawHttp, type PageSession } from '../../support/web-session';

describe('inputs that ended or wedged the main process (issue 10)', () => {
  let host: HostProcess;
  let page: PageSession;
  let ws: WebSocket;
  let client: ReturnType<typeof callsOver>;
  let vhost: Awaited<ReturnType<typeof createTestVhost>>;

  const connect = async () => {
    ws = pageSocket(page);
    client = callsOver(ws);
    await opened(ws);
  };

  beforeAll(async () => {
    vhost = await createTestVhost('crash');
    host = await startHostProcess({ WARREN_CHILD_VHOST: vhost.vhost });
    page = await openLink(host.url);
    await connect();
    expect(await client.call('topology.declareQueue', { name: 'known', durable: false })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    ws?.close();
    await host?.stop();
    await vhost?.remove();
  });

  /** The process is alive, a plain call answers within 1 s, and the shared channel still works. */
  const stillServing = async () => {
    expect(host.exited(), host.output()).toBeUndefined();
    if (ws.readyState !== ws.OPEN) await connect();
    const started = Date.now();
    expect(await client.call('connection.state', {}, 1000)).toMatchObject({ ok: true, value: { status: 'connected' } });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await client.call('queues.check', { queue: 'known' })).toMatchObject({ ok: true, value: { queue: 'known' } });
  };
  const cookie = () => ({ cookie: `${sessionCookieName(host.port)}=${page.cookie}` });

  it('GET // without a cookie is answered, not fatal', async () => {
    expect((await rawGet(host.port, '//')).status).toBe(401);
    expect((await rawGet(host.port, '//', cookie())).status).toBe(404);
    await stillServing();
  });

  it('a WebSocket upgrade on // is refused, not fatal', async () => {
    const upgrade = (target: string) =>
      rawHttp(
        host.port,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nOrigin: http://127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
      );
    expect((await upgrade('//')).status).toBe(404);
    expect((await upgrade('/%E0%A4%A')).status).toBe(404);
    await stillServing();
  });

  it('GET /%E0%A4%A with a valid cookie answers 400', async () => {
    expect((await rawGet(host.port, '/%E0%A4%A', cookie())).status).toBe(400);
    expect((await rawGet(host.port, '/%E0%A4%A')).status).toBe(400);
    await stillServing();
  });

  it('a text frame `null`, a JSON array, or a call without an id is refused as BAD_INPUT', async () => {
    for (const frame of ['null', '[]', '"x"', '{"op":"app.info"}', '{"id":1.5,"op":"app.info"}']) ws.send(frame);
    await stillServing();
    expect(client.unnumbered).toHaveLength(5);
    for (const answer of client.unnumbered) expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', hint: expect.any(String) } });
  });

  it('a text frame with invalid UTF-8 (7b e0 a4 22 7d) is refused as BAD_INPUT and the link stays up', async () => {
    client.unnumbered.length = 0;
    ws.send(Buffer.from([0x7b, 0xe0, 0xa4, 0x22, 0x7d]), { binary: false });
    await stillServing();
    expect(client.unnumbered).toEqual([{ ok: false, error: expect.objectContaining({ code: 'BAD_INPUT', message: 'The message was not valid UTF-8' }) }]);
  });

  it('a frame over 16 MiB closes that link with 1009; the process and new links are fine', async () => {
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(16 * 1024 * 1024 + 10));
    expect(await closed).toBe(1009);
    await stillServing();
  });

  it('a header nested 1,000 deep is refused as BAD_INPUT naming the field, before zod parses it', async () => {
    let value: unknown = { t: 'string', v: 'leaf' };
    for (let i = 0; i < 1000; i++) value = { t: 'array', v: [value] };
    const answer = await client.call('messaging.publish', {
      exchange: '',
      routingKey: 'known',
      body: { mode: 'text', data: 'x' },
      properties: { headers: [{ key: 'deep', value }] },
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: expect.stringMatching(/^properties\.headers\.0\.value/) } });
    expect(answer.error!.message).toContain('nested deeper than');
    await stillServing();
  });

  it('a __proto__ or constructor header is refused, never dropped with the publish confirmed', async () => {
    for (const key of ['__proto__', 'constructor']) {
      const answer = await client.call('messaging.publish', {
        exchange: '',
        routingKey: 'known',
        body: { mode: 'text', data: 'x' },
        properties: { headers: [{ key, value: { t: 'string', v: 'polluted' } }] },
      });
      expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'properties.headers.0.key' } });
      expect(answer.error!.message).toContain(key);
    }
    const raw = await client.call('messaging.publish', JSON.parse('{"exchange":"","routingKey":"known","body":{"mode":"text","data":"x"},"__proto__":{"mandatory":false}}'));
    expect(raw).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: '__proto__' } });
    await stillServing();
  });

  it('a queue name with a lone surrogate or a NUL is refused, never changed', async () => {
    for (const name of ['bad\uD800name', 'bad\u0000name']) {
      for (const op of ['queues.check', 'topology.declareQueue'] as const) {
        const input = op === 'queues.check' ? { queue: name } : { name, durable: false };
        const answer = await client.call(op, input);
        expect(answer, `${op} ${JSON.stringify(name)}`).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      }
    }
    await stillServing();
  });

  it('queues.check with 255 two-byte characters (510 bytes) is BAD_INPUT and the shared channel keeps working', async () => {
    const answer = await client.call('queues.check', { queue: 'é'.repeat(255) });
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'queue' } });
    expect(answer.error!.message).toContain('510 bytes');
    await stillServing();
  });

  it('a 404 on purge does not fail checks running at the same time', async () => {
    const calls = [
      client.call('topology.purge', { queue: 'missing-queue' }),
      ...Array.from({ length: 10 }, () => client.call('queues.check', { queue: 'known' })),
      client.call('queues.check', { queue: 'missing-too' }),
      ...Array.from({ length: 10 }, () => client.call('queues.check', { queue: 'known' })),
    ];
    const answers = await Promise.all(calls);
    expect(answers[0]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(answers[11]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const answer of [...answers.slice(1, 11), ...answers.slice(12)]) expect(answer).toMatchObject({ ok: true, value: { queue: 'known' } });
    await stillServing();
  });
});
