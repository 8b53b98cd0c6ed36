import { describe, expect, it } from 'vitest';
import type { MoveProgress } from '../../../../shared/move/types';
import { MoveStore, moveReport } from '../../../../renderer/features/move/store';
import { FakeBridge, ok } from '../../../support/fake-bridge';

const progress = (over: Partial<MoveProgress>): MoveProgress => ({
  runId: 'move-1', source: 'dead', mode: 'move', limit: 3000, examined: 0, moved: 0, skipped: 0, unroutable: 0, possibleDuplicates: 0, rate: 0, elapsedMs: 0, state: 'running', ...over,
});

describe('the Move page', () => {
  it('reports how far it read, what moved, what stayed and why, and what may be twice', () => {
    expect(moveReport(progress({ state: 'done', examined: 3000, moved: 300, skipped: 2700, rate: 1234 }))).toBe('Done: 3,000 of 3,000 read · 300 moved · 2,700 skipped (left in dead) · 1,234 msg/s');
    expect(moveReport(progress({ state: 'interrupted', mode: 'copy', examined: 800, moved: 600, unroutable: 2, possibleDuplicates: 0 }))).toBe('Interrupted: 800 of 3,000 read · 600 copied · 2 routed nowhere (left in dead) · 0 msg/s');
    expect(moveReport(progress({ state: 'interrupted', examined: 400, moved: 400, possibleDuplicates: 12 }))).toContain('up to 12 may be duplicated');
  });

  it('follows the progress of the run it started, not a late event of an older one', async () => {
    const bridge = new FakeBridge({ 'messages.move': () => ok(progress({ runId: 'move-2' })) });
    const store = new MoveStore(bridge);
    await store.start({ source: 'dead', destination: { kind: 'replay' } });
    bridge.emit('messages.moveProgress', progress({ runId: 'move-1', state: 'done', moved: 9 }));
    expect(store.getSnapshot().progress?.runId).toBe('move-2');
    bridge.emit('messages.moveProgress', progress({ runId: 'move-2', moved: 200 }));
    expect(store.getSnapshot().progress?.moved).toBe(200);
  });
});
