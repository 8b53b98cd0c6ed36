import { describe, expect, it } from 'vitest';
import type { AccessLists, UserRow } from '../../../../shared/access/types';
import { limitsText, patternText, userDeleteQuestion, vhostDeleteQuestion } from '../../../../renderer/features/access/accessText';
import { tagList } from '../../../../shared/access/tags';
import { limitFromText } from '../../../../renderer/features/access/limits';
import { AccessStore } from '../../../../renderer/features/access/store';
import { FakeBridge, ok } from '../../../support/fake-bridge';

const lists = (users: string[]): AccessLists => ({
  vhosts: [],
  users: users.map((name) => ({ name, tags: [], passwordLogin: true, limits: {}, isWarrensUser: false })),
  permissions: [],
  topicPermissions: [],
});

describe('the Access page says what a change loses', () => {
  it('a vhost delete names its queues, messages, own exchanges, connections, and Warren when it is there', () => {
    expect(vhostDeleteQuestion({ vhost: 'shop', queues: 2, messages: 1500, exchanges: 1, connections: 3, warrenIsHere: true })).toBe(
      'Virtual host shop holds 2 queues, 1,500 messages in them, 1 exchange of its own. All of it is deleted, with its bindings, policies and permissions. 3 open connections will be closed. Warren is connected to this virtual host: its connection closes too.',
    );
    expect(vhostDeleteQuestion({ vhost: 'empty', queues: 0, messages: 0, exchanges: 0, connections: 0, warrenIsHere: false })).toBe(
      'Virtual host empty holds 0 queues, 0 messages in them, 0 exchanges of its own. All of it is deleted, with its bindings, policies and permissions.',
    );
  });

  it('a user delete names the vhosts it has permissions in and its topic permissions', () => {
    const user: UserRow = { name: 'alice', tags: [], passwordLogin: true, limits: {}, isWarrensUser: true };
    const perms = ['a', 'b'].map((vhost) => ({ user: 'alice', vhost, configure: '', write: '', read: '' }));
    const topics = [{ user: 'alice', vhost: 'a', exchange: 'amq.topic', write: '', read: '' }];
    expect(userDeleteQuestion(user, perms, topics)).toBe(
      'User alice is deleted with its permissions in 2 virtual hosts and 1 topic permission; programs logged in as it are disconnected. Warren is connected as this user: it will lose its connection and cannot log in again as it.',
    );
  });

  it('limits, tags and patterns read as a person writes them', () => {
    expect(limitsText({ maxConnections: 5, maxQueues: 10_000 })).toBe('max 5 connections · max 10,000 queues');
    expect(limitsText({ maxConnections: undefined })).toBe('none');
    expect(tagList(' monitoring, ,management ')).toEqual(['monitoring', 'management']);
    expect(tagList(['administrator', ' '])).toEqual(['administrator']);
    expect(tagList(undefined)).toEqual([]);
    expect(patternText('')).toBe('(nothing)');
    expect(limitFromText('', 'maxQueues', 'Max queues')).toBeNull();
    expect(limitFromText('12', 'maxQueues', 'Max queues')).toBe(12);
    expect(limitFromText('lots', 'maxQueues', 'Max queues')).toMatchObject({ code: 'BAD_INPUT', field: 'maxQueues' });
  });
});

describe('AccessStore', () => {
  it('a change that succeeds says so and reads the lists again; one that fails leaves them as they were', async () => {
    let users = ['guest'];
    const bridge = new FakeBridge({
      'access.list': () => ok(lists(users)),
      'access.user.save': (input) => {
        users = [...users, input.name];
        return ok({ summary: `Created user ${input.name}` });
      },
      'access.user.delete': () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'Not found: Object Not Found', hint: 'h' } }),
    });
    const store = new AccessStore(bridge);
    await store.load();
    expect(store.getSnapshot().lists?.users.map((u) => u.name)).toEqual(['guest']);
    await store.saveUser({ name: 'alice', password: 'pw' });
    expect(store.getSnapshot()).toMatchObject({ lastChange: 'Created user alice' });
    expect(store.getSnapshot().lists?.users.map((u) => u.name)).toEqual(['guest', 'alice']);
    const refused = await store.deleteUser('nobody');
    expect(refused.ok).toBe(false);
    expect(bridge.callsOf('access.list')).toHaveLength(2);
    expect(store.getSnapshot().lastChange).toBe('Created user alice');
  });
});
