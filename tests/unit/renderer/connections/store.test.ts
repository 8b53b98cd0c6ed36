import { describe, expect, it } from 'vitest';
import { ConnectionsStore } from '../../../../renderer/features/connections/store';
import type { ProfileSummary } from '../../../../shared/connections/types';
import { FakeBridge, ok, settle } from '../fakeBridge';

const profile = (id: string) => ({ id, name: id }) as unknown as ProfileSummary;

describe('ConnectionsStore', () => {
  it('keeps only the latest answer of profiles.list', async () => {
    const answers: ((v: ReturnType<typeof ok<ProfileSummary[]>>) => void)[] = [];
    const bridge = new FakeBridge({ 'profiles.list': () => new Promise((resolve) => answers.push(resolve)) });
    const store = new ConnectionsStore(bridge);
    const first = store.loadProfiles();
    const second = store.loadProfiles();
    answers[1]!(ok([profile('new')]));
    answers[0]!(ok([profile('old')]));
    await Promise.all([first, second]);
    expect(store.getSnapshot().profiles?.map((p) => p.id)).toEqual(['new']);
  });

  it('lists the profiles again after a save or a delete succeeds, not after a refusal', async () => {
    let saved = false;
    const bridge = new FakeBridge({
      'profiles.list': () => ok(saved ? [profile('a')] : []),
      'profiles.save': () => ((saved = true), ok(profile('a'))),
      'profiles.delete': () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'gone', hint: 'h' } }),
    });
    const store = new ConnectionsStore(bridge);
    await store.saveProfile({ name: 'a' } as never);
    await settle();
    expect(store.getSnapshot().profiles?.map((p) => p.id)).toEqual(['a']);
    const listed = bridge.callsOf('profiles.list').length;
    await store.deleteProfile({ id: 'a' });
    await settle();
    expect(bridge.callsOf('profiles.list')).toHaveLength(listed);
  });

  it('keeps the profiles shown beside a failed listing', async () => {
    let fail = false;
    const bridge = new FakeBridge({ 'profiles.list': () => (fail ? { ok: false, error: { code: 'INTERNAL', message: 'x', hint: 'y' } } : ok([profile('a')])) });
    const store = new ConnectionsStore(bridge);
    await store.loadProfiles();
    fail = true;
    await store.loadProfiles();
    expect(store.getSnapshot()).toMatchObject({ profiles: [{ id: 'a' }], error: { code: 'INTERNAL' } });
  });
});
