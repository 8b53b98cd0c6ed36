import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_INTERVAL_MS, EventHub } from '../../../../main/bridge/events';
import type { ConnectionState } from '../../../../shared/connections/types';

const state = (status: ConnectionState['status']): ConnectionState => ({ status, since: 0 });

describe('the event hub', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends events in batches, never one message per event', () => {
    const hub = new EventHub();
    const batches: unknown[][] = [];
    hub.subscribe((b) => batches.push(b));
    for (let i = 0; i < 100; i++) hub.emit('sandbox.state', { status: 'starting', dataDir: `/d${i}`, keepRunning: false });
    expect(batches).toHaveLength(0);
    vi.advanceTimersByTime(BATCH_INTERVAL_MS);
    expect(batches).toHaveLength(1);
  });

  it('sends the first batch after a quiet spell on the next turn, and then at most one per interval', () => {
    const hub = new EventHub();
    const batches: unknown[][] = [];
    hub.subscribe((b) => batches.push(b));
    hub.emit('connection.state', state('connecting'));
    vi.advanceTimersByTime(0);
    expect(batches).toHaveLength(1);
    hub.emit('connection.state', state('connected'));
    vi.advanceTimersByTime(BATCH_INTERVAL_MS - 1);
    expect(batches).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(batches).toHaveLength(2);
  });

  it('keeps only the latest state of each kind within a batch, in order', () => {
    const hub = new EventHub();
    const batches: { event: string; payload: unknown }[][] = [];
    hub.subscribe((b) => batches.push(b));
    hub.emit('connection.state', state('connecting'));
    hub.emit('sandbox.state', { status: 'ready', dataDir: '/d', keepRunning: false });
    hub.emit('connection.state', state('connected'));
    vi.advanceTimersByTime(BATCH_INTERVAL_MS);
    expect(batches[0]!.map((m) => m.event)).toEqual(['sandbox.state', 'connection.state']);
    expect((batches[0]![1]!.payload as ConnectionState).status).toBe('connected');
  });

  it('gives a new window the present through snapshot()', () => {
    const hub = new EventHub();
    hub.emit('connection.state', state('reconnecting'));
    expect(hub.snapshot()).toEqual([{ event: 'connection.state', payload: state('reconnecting') }]);
  });

  it('stops sending to a listener that unsubscribed', () => {
    const hub = new EventHub();
    const listener = vi.fn();
    const unsubscribe = hub.subscribe(listener);
    unsubscribe();
    hub.emit('connection.state', state('idle'));
    vi.advanceTimersByTime(BATCH_INTERVAL_MS);
    expect(listener).not.toHaveBeenCalled();
  });
});
