/** The Policies store with a fake bridge: a save reads the list again; a refusal is kept to show where it was asked. */
import { describe, expect, it } from 'vitest';
import { PoliciesStore } from '../../../../renderer/features/policies/store';
import type { PoliciesView } from '../../../../shared/policies/types';
import { FakeBridge, ok } from '../../../support/fake-bridge';

const view = (names: string[]): PoliciesView => ({
  vhost: 'shop',
  policies: names.map((name) => ({ vhost: 'shop', name, pattern: '.*', applyTo: 'all', priority: 0, definition: { 'max-length': 1 }, operator: false })),
  queues: [],
  exchanges: [],
});

describe('PoliciesStore', () => {
  it('saves, reads the vhost again and says what was saved', async () => {
    let saved: string[] = [];
    const bridge = new FakeBridge({
      'policies.view': () => ok(view(saved)),
      'policies.save': (input) => {
        saved = [...saved, input.name];
        return ok({ saved: input.name });
      },
    });
    const store = new PoliciesStore(bridge);
    await store.load('shop');
    expect(store.getSnapshot().view?.policies).toEqual([]);
    expect(await store.save({ vhost: 'shop', name: 'cap', pattern: '.*', definition: { 'max-length': 1 } })).toBe(true);
    expect(store.getSnapshot()).toMatchObject({ notice: 'Saved policy cap.', busy: undefined, view: { policies: [{ name: 'cap' }] } });
  });

  it('keeps the broker’s refusal of a delete, and the list as it was', async () => {
    const bridge = new FakeBridge({
      'policies.view': () => ok(view(['cap'])),
      'policies.delete': () => ({ ok: false, error: { code: 'ACCESS_REFUSED', message: 'Not allowed', hint: 'policymaker tag' } }),
    });
    const store = new PoliciesStore(bridge);
    await store.load('shop');
    expect(await store.remove('shop', 'cap', false)).toBe(false);
    expect(store.getSnapshot()).toMatchObject({ actionError: { code: 'ACCESS_REFUSED' }, busy: undefined, view: { policies: [{ name: 'cap' }] } });
  });
});
