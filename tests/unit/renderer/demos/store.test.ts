/** The Demos page's store on a fake bridge: attach/detach with its readers, the newest state wins, refusals where they belong. */
import { describe, expect, it } from 'vitest';
import type { DemoState, DemoSummary } from '../../../../shared/demos/types';
import type { Result } from '../../../../shared/errors';
import { warrenError } from '../../../../shared/errors';
import { createDemosStore, type DemosBridge } from '../../../../renderer/features/demos/store';

const idle = (updatedAt: number): DemoState => ({ status: 'idle', nextStep: 0, stepCount: 0, options: {}, failureOn: false, actors: [], queues: [], charted: [], narration: [], measured: {}, updatedAt });
const hello: DemoSummary = { name: 'hello', title: 'Hello World', summary: '', steps: [], actions: [], toggles: [] };

/** Answers each call from `answers` (a function of the input, or a promise the test resolves). */
function fakeBridge(answers: Record<string, (input: unknown) => Promise<Result<unknown>>>) {
  const calls: { op: string; input: unknown }[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const bridge = {
    call: (op: string, input: unknown) => {
      calls.push({ op, input });
      return answers[op]?.(input) ?? Promise.resolve({ ok: true, value: undefined });
    },
    on: (event: string, listener: (payload: unknown) => void) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)!.delete(listener);
    },
  };
  const push = (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  return { bridge: bridge as unknown as DemosBridge, calls, push, listening: (event: string) => listeners.get(event)?.size ?? 0 };
}

const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the demos store', () => {
  it('attaches when the first reader subscribes, reads the state and the list once, and detaches after the last', async () => {
    const fake = fakeBridge({ 'demos.state': () => ok(idle(1)), 'demos.list': () => ok([hello]) });
    const store = createDemosStore(fake.bridge);
    expect(fake.calls).toEqual([]);
    let seen = 0;
    const a = store.subscribe(() => (seen += 1));
    const b = store.subscribe(() => undefined);
    await tick();
    expect(fake.calls.map((c) => c.op)).toEqual(['demos.state', 'demos.list']);
    expect(fake.listening('demos.state')).toBe(1);
    expect(store.getSnapshot()).toMatchObject({ demos: [hello], state: { updatedAt: 1 } });
    expect(seen).toBe(2);
    // Unchanged between changes: useSyncExternalStore needs the same object.
    expect(store.getSnapshot()).toBe(store.getSnapshot());
    a();
    expect(fake.listening('demos.state')).toBe(1);
    b();
    expect(fake.listening('demos.state')).toBe(0);
    // A later reader attaches again, and the list is not fetched twice.
    store.subscribe(() => undefined);
    await tick();
    expect(fake.calls.map((c) => c.op)).toEqual(['demos.state', 'demos.list', 'demos.state']);
  });

  it('keeps a pushed state that arrived while its first question was on the way (the event is newer)', async () => {
    let answer!: (r: Result<DemoState>) => void;
    const fake = fakeBridge({ 'demos.state': () => new Promise((r) => (answer = r)), 'demos.list': () => ok([]) });
    const store = createDemosStore(fake.bridge);
    store.subscribe(() => undefined);
    fake.push('demos.state', idle(5));
    answer({ ok: true, value: idle(2) });
    await tick();
    expect(store.getSnapshot().state?.updatedAt).toBe(5);
  });

  it('shows a refused run, step, reset or failure toggle on the page until the next success or a dismiss; a button’s refusal goes back to its field', async () => {
    const refusal = warrenError('BAD_INPUT', 'No demo is running', { hint: 'Press Run on a demo first.' });
    const fake = fakeBridge({
      'demos.step': () => Promise.resolve({ ok: false, error: refusal }),
      'demos.run': () => ok(idle(3)),
      'demos.action': () => Promise.resolve({ ok: false, error: { ...refusal, field: 'count' } }),
    });
    const store = createDemosStore(fake.bridge);
    await store.step();
    expect(store.getSnapshot().error).toEqual(refusal);
    await store.run('ecomnow', { emailMs: 20 });
    expect(store.getSnapshot().error).toBeUndefined();
    expect(fake.calls.find((c) => c.op === 'demos.run')?.input).toEqual({ name: 'ecomnow', options: { emailMs: 20 } });
    await store.failure();
    await store.step();
    store.dismissError();
    expect(store.getSnapshot().error).toBeUndefined();
    expect(await store.action('burst', { count: 0 })).toMatchObject({ field: 'count' });
    expect(store.getSnapshot().error).toBeUndefined();
    expect(fake.calls.find((c) => c.op === 'demos.action')?.input).toEqual({ action: 'burst', count: 0 });
  });
});
