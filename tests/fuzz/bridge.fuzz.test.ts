// Property-based fuzzing of the browser host (issue 10, point 1): at least 10,000 generated
// frames per run over a real WebSocket, plus raw HTTP requests, against a host connected to the
// run's broker and running in its own process (a crash is an exit seen here). Seeded: set
// WARREN_FUZZ_SEED to replay a run. After each batch the process is alive, a plain call answers
// within 1 s, the shared channel works, and the host's RSS stays under RSS_BOUND_MB.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors';
import { sessionCookieName } from '../../shared/host-web/session';
import { createTestVhost } from '../support/broker';
import { startHostProcess, type HostProcess } from '../support/web-host-process';
import { callsOver, openLink, opened, pageSocket, rawHttp, type PageSession } from '../support/web-session';
import { batchFrames, type Frame } from './support/frames';

const SEED = Number(process.env.WARREN_FUZZ_SEED ?? 20_261_202);
const BATCHES = 20;
const CALLS_PER_BATCH = 340; // ≈ 525 frames a batch with the other kinds
/** The host process (tsx loader + service + one AMQP connection) peaks near 220 MB in a run; this leaves room for bursts, not for leaks. */
const RSS_BOUND_MB = 400;

interface Answer {
  id?: number;
  result?: { ok: boolean; value?: unknown; error?: { code: string; message: string; hint: string; field?: string } };
}

describe(`fuzzing the browser host (seed ${SEED})`, () => {
  let host: HostProcess;
  let page: PageSession;
  let vhost: Awaited<ReturnType<typeof createTestVhost>>;
  let idCounter = 10_000_000;
  const nextId = () => ++idCounter;
  const totals = { frames: 0, http: 0, oversize: 0, rssMaxMb: 0, started: 0 };

  beforeAll(async () => {
    vhost = await createTestVhost('fuzz');
    host = await startHostProcess({ WARREN_CHILD_VHOST: vhost.vhost });
    page = await openLink(host.url);
    const ws = pageSocket(page);
    const client = callsOver(ws);
    await opened(ws);
    expect(await client.call('topology.declareQueue', { name: 'known', durable: false })).toMatchObject({ ok: true });
    ws.close();
    totals.started = Date.now();
  });
  afterAll(async () => {
    await host?.stop();
    await vhost?.remove();
    const seconds = ((Date.now() - totals.started) / 1000).toFixed(1);
    console.log(`[fuzz] seed ${SEED}: ${totals.frames} WebSocket frames, ${totals.http} raw HTTP requests, ${totals.oversize} oversize frames in ${seconds} s; host RSS peak ${totals.rssMaxMb.toFixed(0)} MB`);
  });

  /** Alive, a plain call within 1 s, the shared channel usable, RSS under the bound. */
  const checkHealthy = async (label: string) => {
    expect(host.exited(), `${label}: the host ended\n${host.output()}`).toBeUndefined();
    const ws = pageSocket(page);
    try {
      const client = callsOver(ws);
      await opened(ws);
      const started = Date.now();
      const state = await client.call('connection.state', {}, 1000);
      expect(Date.now() - started, label).toBeLessThan(1000);
      expect(state, label).toMatchObject({ ok: true, value: { status: 'connected' } });
      expect(await client.call('queues.check', { queue: 'known' }, 10_000), label).toMatchObject({ ok: true, value: { queue: 'known' } });
    } finally {
      ws.close();
    }
    const rss = host.rssMb();
    totals.rssMaxMb = Math.max(totals.rssMaxMb, rss);
    expect(rss, `${label}: host RSS ${rss.toFixed(0)} MB`).toBeLessThan(RSS_BOUND_MB);
  };

  /** Sends every frame at once (a flood), waits for one answer per frame, checks each. */
  const sendBatch = async (frames: Frame[], label: string) => {
    const ws = pageSocket(page);
    const answers: Answer[] = [];
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as Answer;
      if (message.id !== undefined) answers.push(message);
    });
    await opened(ws);
    for (const frame of frames) ws.send(frame.data, { binary: frame.binary });
    const deadline = Date.now() + 90_000;
    while (answers.length < frames.length && Date.now() < deadline && ws.readyState === ws.OPEN) await new Promise((r) => setTimeout(r, 50));
    ws.close();
    totals.frames += frames.length;
    expect(answers.length, `${label}: answers for ${frames.length} frames`).toBe(frames.length);

    const problems: string[] = [];
    for (const answer of answers) {
      const r = answer.result;
      const wellFormed = r && (r.ok ? true : r.error && (ERROR_CODES as readonly string[]).includes(r.error.code) && typeof r.error.message === 'string' && typeof r.error.hint === 'string' && r.error.hint !== '');
      if (!wellFormed) problems.push(`malformed answer ${JSON.stringify(answer).slice(0, 200)}`);
    }
    const byId = new Map(answers.filter((a) => a.id !== undefined).map((a) => [a.id!, a.result!]));
    for (const frame of frames) {
      if (frame.id === undefined) continue;
      const result = byId.get(frame.id);
      const what = `${frame.label}: ${String(frame.data).slice(0, 160)} → ${JSON.stringify(result).slice(0, 200)}`;
      if (!result) problems.push(`no answer: ${what}`);
      else if (frame.expect.kind === 'refused' && (result.ok || !['BAD_INPUT', 'UNKNOWN_OPERATION'].includes(result.error!.code))) problems.push(`not refused: ${what}`);
      else if (!result.ok && result.error!.code === 'INTERNAL') problems.push(`INTERNAL: ${what}`);
    }
    expect(problems.slice(0, 10), `${label}: ${problems.length} problems`).toEqual([]);
  };

  it(`answers ${BATCHES} batches of generated frames (≥ 10,000 in all), staying alive, quick and bounded`, { timeout: 300_000 }, async () => {
    let sent = 0;
    for (let batch = 0; batch < BATCHES; batch++) {
      const seed = SEED + batch * 100;
      const frames = batchFrames(seed, CALLS_PER_BATCH, nextId);
      await sendBatch(frames, `batch ${batch} (seed ${seed})`);
      sent += frames.length;
      await checkHealthy(`after batch ${batch} (seed ${seed})`);
    }
    expect(sent).toBeGreaterThanOrEqual(10_000);
  });

  it('a flood of 1,500 concurrent calls with reused ids is answered in full (BUSY past the limit), then Warren is fine', async () => {
    const frames: Frame[] = Array.from({ length: 1500 }, (_, i) => ({ data: JSON.stringify({ id: i % 7, op: 'connection.state', input: {} }), binary: false, expect: { kind: 'unchecked' }, label: 'flood' }));
    await sendBatch(frames, 'flood');
    await checkHealthy('after the flood');
  });

  it('frames over 16 MiB close their own link (1009) and nothing else', async () => {
    for (const size of [16 * 1024 * 1024 + 1, 20 * 1024 * 1024]) {
      const ws = pageSocket(page);
      await opened(ws);
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      ws.send(Buffer.alloc(size, 0x20), { binary: false });
      expect(await closed).toBe(1009);
      totals.oversize++;
      await checkHealthy(`after an oversize frame of ${size} bytes`);
    }
  });

  it('answers 300 generated raw HTTP requests (bad paths, encodings, methods, hosts, cookies, upgrades) without ending', { timeout: 120_000 }, async () => {
    const cookie = `${sessionCookieName(host.port)}=${page.cookie}`;
    const segment = fc.oneof(
      fc.string({ maxLength: 12 }).map(encodeURIComponent),
      fc.constantFrom('', '/', '..', '%', '%E0%A4%A', '%00', '%2e%2e%2f', '%C0%AF', '\u00e9', 'index.html', 'ws', '?token=', '#x', 'a'.repeat(5000)),
    );
    const request = fc.record({
      method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'OPTIONS', 'DELETE', 'get', 'BREW'),
      path: fc.array(segment, { minLength: 0, maxLength: 5 }).map((parts) => `/${parts.join('/')}`),
      host: fc.constantFrom(`127.0.0.1:${host.port}`, `localhost:${host.port}`, 'evil.example', `127.0.0.1:${host.port + 1}`, '', undefined),
      cookie: fc.constantFrom(cookie, 'warren_session_1=x', `${sessionCookieName(host.port)}=`, undefined),
      upgrade: fc.boolean(),
      extra: fc.array(fc.tuple(fc.stringMatching(/^[A-Za-z-]{1,12}$/), fc.string({ maxLength: 40, unit: 'binary-ascii' }).map((v) => v.replace(/[\r\n]/g, ''))), { maxLength: 3 }),
    });
    const requests = fc.sample(request, { seed: SEED + 7, numRuns: 300 });
    const problems: string[] = [];
    for (let i = 0; i < requests.length; i += 20) {
      await Promise.all(
        requests.slice(i, i + 20).map(async (r) => {
          const lines = [`${r.method} ${r.path} HTTP/1.1`];
          if (r.host !== undefined) lines.push(`Host: ${r.host}`);
          if (r.cookie !== undefined) lines.push(`Cookie: ${r.cookie}`);
          if (r.upgrade) lines.push(`Origin: http://127.0.0.1:${host.port}`, 'Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==');
          else lines.push('Connection: close');
          for (const [name, value] of r.extra) lines.push(`X-${name}: ${value}`);
          const answer = await rawHttp(host.port, Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'));
          totals.http++;
          if (answer.status === undefined || answer.status >= 500) problems.push(`${lines[0]!.slice(0, 120)} → ${answer.text.slice(0, 80)}`);
        }),
      );
    }
    expect(problems.slice(0, 10), `${problems.length} requests without a proper answer`).toEqual([]);
    await checkHealthy('after the raw HTTP requests');
  });
});
