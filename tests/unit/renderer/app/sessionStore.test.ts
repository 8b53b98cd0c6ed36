import { describe, expect, it } from 'vitest';
import { bannerChannelError, CHANNEL_BANNER_MS, SessionStore } from '../../../../renderer/app/sessionStore';
import type { ConnectionState } from '../../../../shared/connections/types';
import { FakeBridge, ok, settle } from '../fakeBridge';

const connected: ConnectionState = { status: 'connected', since: 5, profileId: 'p' } as ConnectionState;

describe('SessionStore', () => {
  it('fetches the connection once, then follows its state events', async () => {
    const bridge = new FakeBridge({ 'connection.state': () => ok(connected), 'sandbox.state': () => ({ ok: false, error: { code: 'INTERNAL', message: 'x', hint: 'y' } }), 'app.info': () => ({ ok: false, error: { code: 'INTERNAL', message: 'x', hint: 'y' } }) });
    const store = new SessionStore(bridge);
    await settle();
    expect(store.getSnapshot().connection).toEqual(connected);
    bridge.emit('connection.state', { status: 'idle', since: 9 });
    expect(store.getSnapshot().connection).toEqual({ status: 'idle', since: 9 });
  });

  it('ignores an answer that left before a newer event', async () => {
    let answer: (value: ReturnType<typeof ok<ConnectionState>>) => void = () => undefined;
    const bridge = new FakeBridge({ 'connection.state': () => new Promise((resolve) => (answer = resolve)) });
    const store = new SessionStore(bridge);
    bridge.emit('connection.state', { status: 'idle', since: 9 });
    answer(ok(connected));
    await settle();
    expect(store.getSnapshot().connection).toEqual({ status: 'idle', since: 9 });
  });

  it('says when the link drops and asks again when it comes back', async () => {
    const bridge = new FakeBridge({ 'connection.state': () => ok(connected) });
    const store = new SessionStore(bridge);
    bridge.setTransport(false);
    expect(store.getSnapshot().transportUp).toBe(false);
    bridge.setTransport(true);
    await settle();
    expect(store.getSnapshot().transportUp).toBe(true);
    expect(bridge.callsOf('connection.state')).toHaveLength(2);
  });
});

describe('bannerChannelError', () => {
  const error = { code: 'PRECONDITION_FAILED' as const, message: 'inequivalent arg', hint: 'h', status: 406 };
  const connection = { status: 'connected', since: 1, lastChannelError: error, lastChannelErrorAt: 1000 } as ConnectionState;

  it('shows a channel error nobody answered with', () => {
    expect(bannerChannelError(connection, [], 1500)).toBe(error);
  });

  it('hides one the caller got back as its answer (shown where the user acted)', () => {
    expect(bannerChannelError(connection, [{ code: 'PRECONDITION_FAILED', status: 406, at: 1100 }], 1500)).toBeUndefined();
    expect(bannerChannelError(connection, [{ code: 'NOT_FOUND', status: 404, at: 1100 }], 1500)).toBe(error);
  });

  it('goes by itself once the channel has long been reopened', () => {
    expect(bannerChannelError(connection, [], 1000 + CHANNEL_BANNER_MS + 1)).toBeUndefined();
  });

  it('the store notes only channel errors (with a status) among refused calls', () => {
    const store = new SessionStore(new FakeBridge());
    store.noteRefusal({ code: 'BAD_INPUT' });
    store.noteRefusal(error);
    expect(store.getSnapshot().answered).toEqual([{ code: 'PRECONDITION_FAILED', status: 406, at: expect.any(Number) }]);
  });
});
