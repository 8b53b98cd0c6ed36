import { describe, expect, it } from 'vitest';
import type { TlsSettings } from '../../../../shared/connections/types';
import { tlsRefusal } from '../../../../main/service/broker/tls';

const withCa: TlsSettings = { enabled: true, verifyPeer: true, caFile: '/certs/ca.pem' };
const err = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('TLS refusals, chosen by err.code', () => {
  it('names the code, the endpoint and what to do for each refusal', () => {
    for (const code of ['SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT']) {
      const e = tlsRefusal(err(code), 'rabbit.example', 5671, withCa)!;
      expect(e).toMatchObject({ code: 'TLS', field: 'tls', message: `The certificate of rabbit.example:5671 is not signed by a CA Warren trusts (${code})` });
      expect(e.hint).toContain('/certs/ca.pem');
    }
    expect(tlsRefusal(err('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), 'h', 1, { enabled: true, verifyPeer: true })!.hint).toMatch(/Give the CA file/);
    expect(tlsRefusal(err('CERT_HAS_EXPIRED'), 'h', 1, withCa)!.message).toBe('The certificate of h:1 has expired (CERT_HAS_EXPIRED)');
    expect(
      tlsRefusal(err('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames: Host: other. is not in the cert's altnames: DNS:localhost"), 'other', 1, withCa)!.message,
    ).toBe('The certificate of other:1 does not name other (it names DNS:localhost) (ERR_TLS_CERT_ALTNAME_INVALID)');
    expect(tlsRefusal(err('ERR_TLS_CERT_ALTNAME_INVALID', "IP: 127.0.0.1 is not in the cert's list: "), '127.0.0.1', 1, withCa)!.message).toBe(
      'The certificate of 127.0.0.1:1 does not name 127.0.0.1 (ERR_TLS_CERT_ALTNAME_INVALID)',
    );
    const missing = tlsRefusal(err('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED'), 'h', 1, withCa)!;
    expect(missing.message).toBe('The broker at h:1 requires a client certificate (ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED)');
    expect(missing.hint).toMatch(/client certificate and its key/);
    expect(tlsRefusal(err('ERR_SSL_WRONG_VERSION_NUMBER'), 'h', 5672, withCa)!.hint).toMatch(/5671/);
  });

  it('leaves other errors alone (and everything when TLS is off)', () => {
    expect(tlsRefusal(err('ECONNREFUSED'), 'h', 1, withCa)).toBeUndefined();
    expect(tlsRefusal(err('CERT_HAS_EXPIRED'), 'h', 1, { enabled: false, verifyPeer: true })).toBeUndefined();
    expect(tlsRefusal(new Error('no code'), 'h', 1, withCa)).toBeUndefined();
  });
});
