/**
 * The network cut and restored by a real TCP proxy between Warren and the broker (issue 10,
 * point 3): blackholed, the dead connection is noticed within twice the heartbeat; reset and
 * restored, Warren reconnects by itself and its consumer is attached again and receives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestVhost } from '../../support/broker';
import { networkCut } from '../../support/faults';

const HEARTBEAT_S = 3;
let vhost: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ vhost, remove } = await createTestVhost('netcut'));
});
afterAll(async () => {
  await remove?.();
});

describe('a network cut between Warren and the broker', () => {
  it(`blackholed: dead within 2 × heartbeat (${HEARTBEAT_S} s); reset and restored: reconnected, consumer attached again and receiving`, async () => {
    const outcome = await networkCut(vhost, HEARTBEAT_S);
    console.log(`[faults] network cut: ${JSON.stringify(outcome)}`);
    // The one time bound of this file: the "within twice the heartbeat" (+1 s for a busy machine).
    expect(outcome.detectedMs).toBeLessThan(HEARTBEAT_S * 2000 + 1000);
    expect(outcome.stateShown).toMatch(/^reconnecting/);
    expect(outcome.consumerBack).toBe(true);
    expect(outcome.receivedAfter).toBe(true);
  }, 120_000);
});
