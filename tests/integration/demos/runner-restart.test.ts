/**
 * In the app, EcomNow's restart step never restarts the broker Warren and others use: Warren is
 * connected to its own sandbox (as a new user is), a bystander holds a connection to it (as
 * the tutorial's scripts would), and all seven steps run. The step starts a node of its own;
 * Warren's connection never drops to reconnecting, the bystander is never cut, and the
 * sandbox keeps its port.
 */
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionState, SandboxState } from '../../../shared/connections/types';
import type { DemoState } from '../../../shared/demos/types';
import { waitFor } from '../../support/broker';
import { makeService } from '../../support/service';

describe('EcomNow in the app, connected to the sandbox', () => {
  let ctx: ReturnType<typeof makeService>;
  beforeAll(async () => {
    ctx = makeService();
    const started = await ctx.dispatch('sandbox.start', {});
    if (!started.ok || (started.value as SandboxState).status !== 'ready') throw new Error(`sandbox: ${JSON.stringify(started)}`);
    const connected = await ctx.dispatch('connection.connect', { id: 'sandbox' });
    if (!connected.ok) throw new Error(connected.error.message);
  }, 120_000);
  afterAll(async () => {
    await ctx.dispatch('demos.reset', {});
    await ctx.dispatch('sandbox.stop', {});
    await ctx.service.shutdown();
  }, 60_000);

  const state = async (): Promise<DemoState> => {
    const r = await ctx.dispatch('demos.state', {});
    if (!r.ok) throw new Error(r.error.message);
    return r.value as DemoState;
  };

  it('runs all seven steps; the restart happens on a node of its own: no reconnecting, no connection of others cut, the sandbox keeps its port', async () => {
    const sandbox = (await ctx.dispatch('sandbox.state', {})) as { ok: true; value: SandboxState };
    const port = sandbox.value.amqpPort!;
    const bystander = await amqp.connect({ hostname: '127.0.0.1', port, username: 'guest', password: 'guest' });
    let cut = false;
    bystander.on('close', () => (cut = true));
    bystander.on('error', () => undefined);

    expect((await ctx.dispatch('demos.run', { name: 'ecomnow', options: { emailMs: 20, syncScale: 0.02, burst: 3 } })).ok).toBe(true);
    for (let step = 2; step <= 7; step++) {
      await waitFor(async () => (await state()).status === 'running' && (await state()).nextStep === step - 1, 60_000);
      expect((await ctx.dispatch('demos.step', {})).ok).toBe(true);
    }
    await waitFor(async () => (await state()).status === 'running' && (await state()).nextStep === 7, 180_000);
    const s = await state();
    const said = s.narration.map((l) => l.text);
    expect(s.error).toBeUndefined();
    const privatePort = Number(/Private node up on port (\d+)/.exec(said.join('\n'))?.[1]);
    expect(privatePort).toBeGreaterThan(0);
    expect(privatePort).not.toBe(port);
    expect(said).toContain('✔ a broker restart keeps persistent messages in durable queues: email_queue 3 of 3');
    expect(said.some((l) => l.startsWith('✔ order_events is gone after the restart'))).toBe(true);

    const statuses = ctx.events.filter((e) => e.event === 'connection.state').map((e) => (e.payload as ConnectionState).status);
    expect(statuses).not.toContain('reconnecting');
    expect(((await ctx.dispatch('connection.state', {})) as { ok: true; value: ConnectionState }).value.status).toBe('connected');
    expect(cut).toBe(false);
    const after = (await ctx.dispatch('sandbox.state', {})) as { ok: true; value: SandboxState };
    expect(after.value).toMatchObject({ status: 'ready', amqpPort: port });
    await bystander.close();
  }, 300_000);
});
