import { describe, expect, it } from 'vitest';
import { DeliveryFlow } from '../../../../main/service/messaging/flow';

describe('DeliveryFlow', () => {
  it('is paused while any sink is behind, and tells only the changes', () => {
    const flow = new DeliveryFlow();
    const seen: boolean[] = [];
    flow.onChange((paused) => seen.push(paused));
    const a = {};
    const b = {};
    flow.report(a, true);
    flow.report(a, true);
    flow.report(b, true);
    flow.report(a, false);
    expect(flow.paused).toBe(true);
    flow.report(b, false);
    flow.report(b, false);
    expect(flow.paused).toBe(false);
    expect(seen).toEqual([true, false]);
  });
});
