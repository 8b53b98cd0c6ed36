/**
 * EcomNow's broker restart on a sandbox of its own (never the run's shared node): durable queues
 * keep persistent messages; the non-durable variant loses its queue.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectTarget } from '../../../main/service/broker/target';
import { SandboxBroker } from '../../../main/service/connections/sandbox/sandbox';
import { demoBroker } from '../../../main/service/demos/isolation';
import { runHeadless } from '../../../main/service/demos/headless';

describe('EcomNow broker restart', () => {
  let sandbox: SandboxBroker;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'demo-restart-'));
    sandbox = new SandboxBroker({ dir, preferDefaultPorts: false });
    const state = await sandbox.start();
    if (state.status !== 'ready') throw new Error(`own sandbox failed: ${state.error?.message}`);
  }, 120_000);
  afterAll(async () => {
    await sandbox?.stop();
  }, 60_000);

  it('keeps persistent messages in the durable email_queue and loses the non-durable queue', async () => {
    const target = (): ConnectTarget => {
      const e = sandbox.endpoint()!;
      return { profileId: 'sandbox', profileName: 'own sandbox', host: e.host, port: e.amqpPort, vhost: '/', username: e.username, password: e.password, tls: { enabled: false, verifyPeer: true }, heartbeat: 10, managementUrl: e.managementUrl };
    };
    const restart = async () => {
      await sandbox.stop();
      const state = await sandbox.start();
      if (state.status !== 'ready') throw new Error('sandbox did not come back');
    };
    const o = await runHeadless('ecomnow', { broker: demoBroker(target, restart), options: { emailMs: 20, syncScale: 0.02, burst: 3 } });
    expect(o.checks.filter((c) => !c.ok)).toEqual([]);
    expect(o.facts.restart).toEqual({ durableKept: 3, transientQueue: null, placed: 3 });
    expect(o.facts.ordersLost).toBe(0);
    expect(o.checks.map((c) => c.name)).toContain('a broker restart keeps persistent messages in durable queues');
  }, 180_000);
});
