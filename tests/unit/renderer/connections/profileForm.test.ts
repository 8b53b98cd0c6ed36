import { describe, expect, it } from 'vitest';
import { errorsFrom, toDraft, type ProfileFormValues } from '../../../../renderer/features/connections/profileForm';

const values = { name: 'n', host: 'h', port: 'x', vhost: '/', username: 'u', password: 'p', tlsEnabled: false, caFile: '', certFile: '', keyFile: '', verifyPeer: true, managementUrl: '', heartbeat: 'soon', rememberPassword: false, rememberTouched: false } as unknown as ProfileFormValues;

describe('toDraft', () => {
  it('reports every local failure at once, each a BAD_INPUT naming its field', () => {
    const r = toDraft(values, undefined);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.code, e.field])).toEqual([['BAD_INPUT', 'port'], ['BAD_INPUT', 'heartbeat']]);
    expect(Object.keys(errorsFrom(...r.errors))).toEqual(['port', 'heartbeat']);
    // The generic hint says nothing the field's message does not: it is left out.
    expect(errorsFrom(...r.errors).heartbeat?.hint).toBeUndefined();
  });

  it('sends numbers as numbers', () => {
    const r = toDraft({ ...values, port: '5672', heartbeat: '30' }, undefined);
    expect(r.ok && r.value).toMatchObject({ port: 5672, heartbeat: 30 });
  });
});
