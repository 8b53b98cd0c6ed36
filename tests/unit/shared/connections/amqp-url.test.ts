import { describe, expect, it } from 'vitest';
import { deriveManagementUrl, parseAmqpUrl } from '../../../../shared/connections/amqp-url';

describe('amqp:// URLs', () => {
  it.each([
    ['amqp://localhost', { host: 'localhost', port: 5672, vhost: '/', username: 'guest', password: 'guest', tls: { enabled: false, verifyPeer: true } }],
    ['amqp://localhost/', { vhost: '/' }],
    ['amqp://u:p@h:1234/v', { host: 'h', port: 1234, vhost: 'v', username: 'u', password: 'p' }],
    ['amqp://h/%2F', { vhost: '/' }],
    ['amqp://h/a%2Fb', { vhost: 'a/b' }],
    ['amqps://h', { port: 5671, tls: { enabled: true, verifyPeer: true } }],
    ['AMQPS://H:1/x', { host: 'h', port: 1, vhost: 'x' }],
    ['amqp://us%40er:p%3Ass@h', { username: 'us@er', password: 'p:ss' }],
    ['amqp://user@h', { username: 'user', password: '' }],
    ['amqp://h?heartbeat=5', { heartbeat: 5 }],
    ['amqp://[::1]:5673', { host: '::1', port: 5673 }],
  ])('%s', (url, expected) => {
    const result = parseAmqpUrl(url);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject(expected);
  });

  it.each(['http://h', 'h:5672', '', 'amqp://', 'amqp://:5672'])('refuses %j with a hint showing the form', (url) => {
    const result = parseAmqpUrl(url);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'BAD_INPUT', field: 'url' });
      expect(result.error.hint).toContain('amqp://user:password@host:5672/vhost');
    }
  });

  it('names the profile after the host unless a name is given', () => {
    const a = parseAmqpUrl('amqp://mq:5672/prod');
    const b = parseAmqpUrl('amqp://mq', 'Staging');
    expect(a.ok && a.value.name).toBe('mq:5672 prod');
    expect(b.ok && b.value.name).toBe('Staging');
  });

  it('derives the management URL from host and TLS', () => {
    expect(deriveManagementUrl('mq', false)).toBe('http://mq:15672');
    expect(deriveManagementUrl('mq', true)).toBe('https://mq:15671');
    expect(deriveManagementUrl('::1', false)).toBe('http://[::1]:15672');
  });
});
