import { describe, expect, it } from 'vitest';
import { draftToInput, EMPTY_DRAFT } from '../../../../renderer/features/messaging/draft';

describe('draftToInput', () => {
  it('refuses a bad priority with the one local failure shape, naming the field', () => {
    const r = draftToInput({ ...EMPTY_DRAFT, props: { priority: '300' } });
    expect(r).toEqual({ ok: false, errors: [{ code: 'BAD_INPUT', message: 'Priority is a whole number from 0 to 255', hint: expect.any(String), field: 'priority' }] });
  });

  it('builds the publish input of a good draft', () => {
    const r = draftToInput({ ...EMPTY_DRAFT, routingKey: 'k', persistent: true });
    expect(r.ok && r.value).toMatchObject({ routingKey: 'k', properties: { deliveryMode: 2, contentType: 'application/json' }, body: { mode: 'json' } });
  });
});
