import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenBroker } from '../../../../shared/brokers/types';
import { BrokersStore } from '../../../../renderer/features/brokers/store';
import { FakeBridge, ok } from '../../../support/fake-bridge';

const broker = (id: string, main: boolean): OpenBroker => ({ id, name: id.toUpperCase(), main, state: { status: 'connected', since: 1, profileId: id } });

describe('BrokersStore', () => {
  // The window's storage, as a browser has it (the unit tests run in Node).
  beforeEach(() => {
    const items = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => items.set(k, v) });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('a page’s port names its chosen broker in operations that take one, and leaves the others alone', async () => {
    const bridge = new FakeBridge({ 'topology.list': () => ok({} as never), 'messaging.publish': () => ok({} as never) });
    const store = new BrokersStore(bridge);
    bridge.emit('brokers.state', [broker('a', true), broker('b', false)]);
    store.choose('topology', 'b');
    const port = store.port('topology', bridge);

    await port.call('topology.list', { kind: 'queues' });
    await port.call('messaging.publish', { exchange: '', routingKey: 'q', body: { encoding: 'utf8', data: 'x' } } as never);
    await store.port('overview', bridge).call('topology.list', { kind: 'queues' });

    expect(bridge.calls.map((c) => c.input)).toEqual([
      { kind: 'queues', broker: 'b' },
      { exchange: '', routingKey: 'q', body: { encoding: 'utf8', data: 'x' } },
      { kind: 'queues' },
    ]);
  });

  it('a choice whose broker is closed falls back to the main connection, and the choice is remembered per page across windows', () => {
    const bridge = new FakeBridge();
    const store = new BrokersStore(bridge);
    bridge.emit('brokers.state', [broker('a', true), broker('b', false)]);
    store.choose('policies', 'b');
    expect(store.besideFor('policies')?.id).toBe('b');

    bridge.emit('brokers.state', [broker('a', true)]);
    expect(store.besideFor('policies')).toBeUndefined();

    const again = new BrokersStore(new FakeBridge());
    expect(again.getSnapshot().choice).toEqual({ policies: 'b' });
  });

  it('an input that names its own broker keeps it', async () => {
    const bridge = new FakeBridge({ 'vhosts.list': () => ok([]) });
    const store = new BrokersStore(bridge);
    bridge.emit('brokers.state', [broker('a', true), broker('b', false), broker('c', false)]);
    store.choose('definitions', 'b');

    await store.port('definitions', bridge).call('vhosts.list', { broker: 'c' });

    expect(bridge.callsOf('vhosts.list')).toEqual([{ broker: 'c' }]);
  });
});
