import { describe, expect, it, vi, type Mock } from 'vitest';
import type { ServiceHandlers } from '../../../../shared/contract';
import { operations } from '../../../../shared/contract';
import { createDispatcher } from '../../../../main/bridge/dispatcher';
import { WarrenFailure } from '../../../../main/service/errors';
import { warrenError } from '../../../../shared/errors';

/** Pure logic: handlers are spies, so we can see the service is never called on bad input. */
function spyHandlers() {
  const handlers = Object.fromEntries(Object.keys(operations).map((name) => [name, vi.fn(async () => ({ called: name }))]));
  return handlers as unknown as ServiceHandlers & Record<string, Mock>;
}

const validProfile = { name: 'A', host: 'localhost', port: 5672, vhost: '/', username: 'guest', password: 'guest' };

describe('the dispatcher', () => {
  it('refuses an unknown operation without calling anything', async () => {
    const handlers = spyHandlers();
    const result = await createDispatcher(handlers)('queues.explode', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    for (const fn of Object.values(handlers)) expect(fn).not.toHaveBeenCalled();
  });

  it.each([
    ['a number where a string goes', 'profiles.save', { ...validProfile, host: 42 }, 'host'],
    ['a string where a number goes', 'profiles.save', { ...validProfile, port: '5672' }, 'port'],
    ['a port out of range', 'profiles.save', { ...validProfile, port: 70000 }, 'port'],
    ['a missing field', 'profiles.save', { ...validProfile, name: undefined }, 'name'],
    ['an oversize string', 'profiles.save', { ...validProfile, host: 'h'.repeat(300) }, 'host'],
    ['an oversize password', 'profiles.save', { ...validProfile, password: 'p'.repeat(5000) }, 'password'],
    ['a host with a slash', 'profiles.save', { ...validProfile, host: 'a/b' }, 'host'],
    ['a bad management URL', 'profiles.save', { ...validProfile, managementUrl: 'ftp://x' }, 'managementUrl'],
    ['a missing id', 'connection.connect', {}, 'id'],
    ['an empty queue name', 'queues.check', { queue: '' }, 'queue'],
    ['an extra field where none is allowed', 'connection.state', { surprise: 1 }, undefined],
    ['a boolean as a string', 'sandbox.setKeepRunning', { keepRunning: 'yes' }, 'keepRunning'],
    ['a queue name of 510 bytes', 'queues.check', { queue: 'é'.repeat(255) }, 'queue'],
    ['a queue name with a lone surrogate', 'queues.check', { queue: 'a\uD800' }, 'queue'],
    ['a queue name with a NUL', 'topology.declareQueue', { name: 'a\u0000b' }, 'name'],
    ['a __proto__ header', 'messaging.publish', { exchange: '', routingKey: 'q', body: { mode: 'text', data: 'x' }, properties: { headers: [{ key: '__proto__', value: { t: 'null' } }] } }, 'properties.headers.0.key'],
    ['a constructor argument', 'topology.declareQueue', { name: 'q', arguments: [{ key: 'constructor', type: 'string', value: 'x' }] }, 'arguments.0.key'],
    ['a __proto__ key in the input', 'queues.check', JSON.parse('{"queue":"q","__proto__":{"x":1}}'), '__proto__'],
    ['a header nested 1,000 deep (checked before zod)', 'messaging.publish', { exchange: '', routingKey: 'q', body: { mode: 'text', data: 'x' }, properties: { headers: [{ key: 'deep', value: Array.from({ length: 1000 }).reduce<unknown>((v) => ({ t: 'array', v: [v] }), { t: 'null' }) }] } }, 'properties.headers.0.value.v.0.v.0.…'],
  ])('BAD_INPUT for %s, naming the field, service untouched', async (_label, op, input, field) => {
    const handlers = spyHandlers();
    const result = await createDispatcher(handlers)(op, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BAD_INPUT');
    if (field) {
      expect(result.error.field).toBe(field);
      expect(result.error.message).toContain(field);
      expect(result.error.hint).toContain(field);
    }
    expect(handlers[op]).not.toHaveBeenCalled();
  });

  it('passes parsed input (with defaults) to the handler and wraps its value', async () => {
    const handlers = spyHandlers();
    const result = await createDispatcher(handlers)('profiles.save', { name: ' Trimmed ', host: 'h', port: 1 });
    expect(result).toEqual({ ok: true, value: { called: 'profiles.save' } });
    expect(handlers['profiles.save']).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'Trimmed', vhost: '/', username: 'guest', heartbeat: 60, tls: { enabled: false, verifyPeer: true } }),
    );
  });

  it('turns a thrown WarrenFailure into an error value, and anything else into INTERNAL without secrets', async () => {
    const handlers = spyHandlers();
    (handlers['connection.state'] as unknown as Mock).mockRejectedValueOnce(new WarrenFailure(warrenError('NOT_FOUND', 'gone')));
    (handlers['app.info'] as unknown as Mock).mockRejectedValueOnce(new Error('failed for amqp://bob:hunter2@host/'));
    const dispatch = createDispatcher(handlers);
    expect(await dispatch('connection.state', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
    const internal = await dispatch('app.info', {});
    expect(internal.ok).toBe(false);
    if (!internal.ok) {
      expect(internal.error.code).toBe('INTERNAL');
      expect(internal.error.message).not.toContain('hunter2');
    }
  });

  it('never throws, whatever arrives', async () => {
    const dispatch = createDispatcher(spyHandlers());
    for (const [op, input] of [[undefined, undefined], [null, null], [{}, []], ['profiles.save', 'text'], ['__proto__', {}], ['constructor', {}]] as const) {
      const result = await dispatch(op, input);
      expect(result.ok).toBe(false);
    }
  });
});
