/** The demo runner through the real service and dispatcher: vhost isolation, steps, failure toggle, reset, its charts. */
import axios from 'axios';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DemoState } from '../../../shared/demos/types';
import { createTestVhost, testBroker, waitFor } from '../../support/broker';
import { connectToRunBroker, makeService, payloadsOf } from '../../support/service';

describe('demo runner', () => {
  let remove: () => Promise<void>;
  let ctx: ReturnType<typeof makeService>;
  const api = () => {
    const b = testBroker();
    return axios.create({ baseURL: `${b.managementUrl}/api`, auth: { username: 'guest', password: 'guest' }, validateStatus: () => true });
  };
  const state = async (): Promise<DemoState> => {
    const r = await ctx.dispatch('demos.state', {});
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const idle = () => waitFor(async () => (await state()).status === 'running', 30_000);

  beforeEach(async () => {
    let vhost: string;
    ({ vhost, remove } = await createTestVhost('demo-runner'));
    ctx = makeService();
    await connectToRunBroker(ctx, vhost);
  });
  afterEach(async () => {
    await ctx.dispatch('demos.reset', {});
    await ctx.service.shutdown();
    await remove();
  });

  it('refuses the node-failure demo on a broker that is not Warren’s sandbox cluster, saying what to do, and leaves the running demo and the broker alone', async () => {
    expect((await ctx.dispatch('demos.run', { name: 'hello' })).ok).toBe(true);
    await idle();
    const refused = await ctx.dispatch('demos.run', { name: 'ecomnow-cluster' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('SANDBOX_UNAVAILABLE');
    expect(refused.error.message).toContain('sandbox cluster');
    expect(refused.error.hint).toContain('Connect to the sandbox cluster');
    expect((await state())).toMatchObject({ name: 'hello', status: 'running' });
    expect((await api().get('/vhosts/warren-demo-ecomnow-cluster')).status).toBe(404);
  });

  it('runs Hello World in its own vhost step by step, pushes state events, and reset deletes the vhost', async () => {
    const run = await ctx.dispatch('demos.run', { name: 'hello' });
    expect(run.ok).toBe(true);
    await idle();
    expect((await state()).isolation).toEqual({ mode: 'vhost', vhost: 'warren-demo-hello', prefix: '' });
    expect((await api().get('/vhosts/warren-demo-hello')).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const step = await ctx.dispatch('demos.step', {});
      expect(step.ok).toBe(true);
      await idle();
    }
    const s = await state();
    expect(s.nextStep).toBe(3);
    expect(s.actors[0]).toMatchObject({ label: 'receive.py', receivedCount: 1, ackedCount: 1 });
    expect(s.narration.some((l) => l.text.includes('✔ receive.py received “Hello World!”'))).toBe(true);
    const more = await ctx.dispatch('demos.step', {});
    expect(!more.ok && more.error.code).toBe('BAD_INPUT');
    expect(ctx.events.some((e) => e.event === 'demos.state')).toBe(true);

    const code = await ctx.dispatch('demos.code', { name: 'hello' });
    expect(code.ok && JSON.stringify(code.value)).toContain("virtual_host='warren-demo-hello'");

    await ctx.dispatch('demos.reset', {});
    expect((await api().get('/vhosts/warren-demo-hello')).status).toBe(404);
    expect((await state()).status).toBe('idle');
  });

  it('EcomNow: take email down, a burst of 5 → email_queue 5; bring it back → 0; bad input is refused with its field', async () => {
    expect((await ctx.dispatch('demos.run', { name: 'ecomnow', options: { emailMs: 20 } })).ok).toBe(true);
    await idle();
    expect((await ctx.dispatch('demos.failure', { on: true })).ok).toBe(true);
    await waitFor(async () => (await state()).actors.find((a) => a.id === 'email')?.status === 'down');
    expect((await ctx.dispatch('demos.action', { action: 'burst', count: 5 })).ok).toBe(true);
    // The depths as the app's chart sampler charts them (the demo's vhost, sampled every second).
    const vhost = 'warren-demo-ecomnow';
    const depth = async (queue: string) => {
      const h = await ctx.dispatch('charts.history', { queues: [{ vhost, queue }] });
      if (!h.ok) throw new Error(h.error.message);
      return h.value.queues[0]?.rows.at(-1)?.[0];
    };
    expect((await state()).charted.map((c) => c.ref)).toEqual(['email_queue', 'inventory_queue', 'analytics_queue'].map((queue) => ({ vhost, queue })));
    const status = await ctx.dispatch('charts.status', {});
    expect(status.ok && status.value.watched).toEqual(expect.arrayContaining([{ vhost, queue: 'email_queue' }, { vhost, queue: 'analytics_queue' }]));
    await waitFor(async () => (await depth('email_queue')) === 5);
    await waitFor(async () => (await depth('inventory_queue')) === 0 && (await depth('analytics_queue')) === 0);
    expect((await ctx.dispatch('demos.failure', {})).ok).toBe(true);
    await waitFor(async () => (await depth('email_queue')) === 0);
    await waitFor(async () => (await state()).reconcile?.emailedOnce === 5);
    expect((await state()).reconcile).toMatchObject({ placed: 5, missing: [], duplicates: [] });

    const bad = await ctx.dispatch('demos.action', { action: 'burst', count: 0 });
    expect(!bad.ok && bad.error.code).toBe('BAD_INPUT');
    const unknown = await ctx.dispatch('demos.action', { action: 'nope' });
    expect(!unknown.ok && unknown.error.field).toBe('action');

    // Markers on the demo's charts: each step, the failure toggle both ways, the burst; reset unwatches.
    await ctx.dispatch('demos.reset', {});
    const labels = payloadsOf(ctx.events, 'charts.markers')
      .flat()
      .filter((m) => m.kind === 'demo' && m.ref?.vhost === vhost && m.ref.queue === 'email_queue')
      .map((m) => m.label);
    expect(labels).toEqual(['Step 1: Start the three services', 'Take email down', 'Place a burst (5)', 'Bring email back', 'EcomNow orders reset']);
    const after = await ctx.dispatch('charts.status', {});
    expect(after.ok && after.value.watched.filter((r) => r.vhost === vhost)).toEqual([]);
  });

  it('EcomNow at-least-once: a crash after sending makes a duplicate, shown; the idempotency toggle skips it', async () => {
    expect((await ctx.dispatch('demos.run', { name: 'ecomnow', options: { emailMs: 20 } })).ok).toBe(true);
    await idle();
    await ctx.dispatch('demos.action', { action: 'crash-after-send' });
    await ctx.dispatch('demos.action', { action: 'order' });
    await waitFor(async () => ((await state()).reconcile?.duplicates.length ?? 0) === 1);
    await ctx.dispatch('demos.setOptions', { idempotent: true });
    await ctx.dispatch('demos.action', { action: 'crash-after-send' });
    await ctx.dispatch('demos.action', { action: 'order' });
    await waitFor(async () => (await state()).reconcile?.skipped === 1);
    const r = (await state()).reconcile!;
    expect(r.duplicates).toHaveLength(1); // only the first, from before the toggle
    expect(r.missing).toEqual([]);
  });
});
