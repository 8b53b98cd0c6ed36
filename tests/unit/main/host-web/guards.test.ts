import { describe, expect, it } from 'vitest';
import { cookieValue, hostAllowed, offeredKey, originAllowed, parseTarget } from '../../../../main/host-web/guards';
import { readFrame } from '../../../../main/host-web/server';
import { WebSessions } from '../../../../main/host-web/sessions';

describe('request guards of the browser host', () => {
  it('parse any request target without throwing', () => {
    expect(parseTarget('//')).toMatchObject({ path: '//', rawPath: '//' });
    expect(parseTarget('/%E0%A4%A')).toMatchObject({ path: undefined });
    expect(parseTarget('/?token=abc#x')?.query.get('token')).toBe('abc');
    expect(parseTarget('http://evil/')).toBeUndefined();
    expect(parseTarget('*')).toBeUndefined();
    expect(parseTarget(undefined)).toBeUndefined();
  });

  it('accept only Warren’s own host:port by either name', () => {
    expect(hostAllowed('127.0.0.1:4000', 4000)).toBe(true);
    expect(hostAllowed('LocalHost:4000', 4000)).toBe(true);
    for (const host of [undefined, '', '127.0.0.1', '127.0.0.1:4001', 'evil.example:4000', '127.0.0.1:4000.evil']) {
      expect(hostAllowed(host, 4000), String(host)).toBe(false);
    }
  });

  it('require the Origin of Warren’s own page on the WebSocket', () => {
    expect(originAllowed('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(originAllowed('http://localhost:4000', 4000)).toBe(true);
    for (const origin of [undefined, '', 'null', 'http://127.0.0.1:4001', 'https://127.0.0.1:4000', 'http://evil.example']) {
      expect(originAllowed(origin, 4000), String(origin)).toBe(false);
    }
  });

  it('read cookies and the offered key without throwing', () => {
    expect(cookieValue('a=1; warren_session_4000=abc; b', 'warren_session_4000')).toBe('abc');
    expect(cookieValue(undefined, 'x')).toBeUndefined();
    expect(offeredKey('warren.v1, warren.key.ff00', 'warren.key.')).toBe('ff00');
    expect(offeredKey('warren.v1', 'warren.key.')).toBeUndefined();
  });
});

describe('one-time links', () => {
  it('are exchanged once for a session whose cookie and key must be used together', () => {
    const sessions = new WebSessions();
    const token = sessions.issue();
    const first = sessions.exchange(token);
    expect(first.ok).toBe(true);
    expect(sessions.exchange(token)).toEqual({ ok: false, reason: 'used' });
    expect(sessions.exchange('nope')).toEqual({ ok: false, reason: 'unknown' });
    if (!first.ok) return;
    const other = sessions.exchange(sessions.issue());
    if (!other.ok) throw new Error('second link');
    expect(sessions.verify(first.session.cookie, first.session.key)).toBe(true);
    expect(sessions.verify(first.session.cookie, undefined)).toBe(false);
    expect(sessions.verify(first.session.cookie, other.session.key)).toBe(false);
    expect(sessions.verify(undefined, first.session.key)).toBe(false);
  });
});

describe('frames', () => {
  const text = (s: string) => Buffer.from(s);
  it('become calls, or refusals that say what is wrong', () => {
    expect(readFrame(text('{"id":3,"op":"app.info","input":{}}'), false)).toEqual({ ok: true, id: 3, op: 'app.info', input: {} });
    expect(readFrame(text('null'), false)).toMatchObject({ ok: false, id: -1, error: { code: 'BAD_INPUT' } });
    expect(readFrame(text('{"id":"1","op":"x"}'), false)).toMatchObject({ ok: false, error: { field: 'id' } });
    expect(readFrame(text('{"id":7}'), false)).toMatchObject({ ok: false, id: 7, error: { field: 'op' } });
    expect(readFrame(Buffer.from([0x7b, 0xe0, 0xa4, 0x22, 0x7d]), false)).toMatchObject({ ok: false, error: { message: 'The message was not valid UTF-8' } });
    expect(readFrame(text('{}'), true)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
