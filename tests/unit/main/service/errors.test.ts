import { describe, expect, it } from 'vitest';
import { redact, toWarrenError } from '../../../../main/service/errors';

const withCode = (message: string, code: unknown) => Object.assign(new Error(message), { code });

describe('errors in the user’s terms', () => {
  it.each([
    [withCode('Channel closed by server: 404 (NOT-FOUND) with message "NOT_FOUND - no queue \'q\' in vhost \'/\'"', 404), 'NOT_FOUND', "no queue 'q' in vhost '/'"],
    [withCode('Channel closed by server: 406 (PRECONDITION-FAILED) with message "PRECONDITION_FAILED - inequivalent arg \'durable\'"', 406), 'PRECONDITION_FAILED', "inequivalent arg 'durable'"],
    [withCode('Channel closed by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - operation not permitted"', 403), 'ACCESS_REFUSED', 'operation not permitted'],
    [withCode('Channel closed by server: 405 (RESOURCE-LOCKED) with message "RESOURCE_LOCKED - cannot obtain exclusive access"', 405), 'RESOURCE_LOCKED', 'cannot obtain exclusive access'],
    [withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'), 'UNREACHABLE', 'Connection refused'],
    [withCode('getaddrinfo ENOTFOUND x.invalid', 'ENOTFOUND'), 'DNS', 'could not be resolved'],
    [withCode('connect ETIMEDOUT', 'ETIMEDOUT'), 'TIMEOUT', 'no answer from the broker'],
    [withCode('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT'), 'TLS', 'certificate is not trusted'],
    [new Error('Handshake terminated by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - Login was refused"'), 'ACCESS_REFUSED', 'refused the username or password'],
    [new Error('Expected ConnectionOpenOk; got <ConnectionClose channel:0>'), 'NOT_ALLOWED', 'virtual host'],
  ])('%s → %s', (err, code, text) => {
    const error = toWarrenError(err);
    expect(error.code).toBe(code);
    expect(error.message).toContain(text);
    expect(error.hint.length).toBeGreaterThan(10);
  });

  it('maps management API statuses', () => {
    const axiosError = (status: number, reason: string) => Object.assign(new Error(`Request failed with status code ${status}`), { isAxiosError: true, response: { status, data: { error: 'x', reason } } });
    expect(toWarrenError(axiosError(401, 'Not_Authorized'))).toMatchObject({ code: 'ACCESS_REFUSED', status: 401 });
    expect(toWarrenError(axiosError(404, 'Object Not Found'))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(toWarrenError(axiosError(400, 'bad'))).toMatchObject({ code: 'BAD_INPUT', status: 400 });
    expect(toWarrenError(axiosError(503, 'down'))).toMatchObject({ code: 'HTTP_ERROR', status: 503 });
  });

  it('never lets a password through', () => {
    expect(redact('amqp://alice:s3cret@host:5672/v failed')).toBe('amqp://alice:***@host:5672/v failed');
    expect(toWarrenError(new Error('bad url amqps://u:pw@h')).message).not.toContain('pw@');
  });
});
