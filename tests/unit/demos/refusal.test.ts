/** A 406 from a demo's declare, said in the demo's terms with its fix; anything else passes through. */
import { describe, expect, it } from 'vitest';
import { DemoRefusal, explainRefusal, parseInequivalent } from '../../../demos/refusal';
import { isWarrenError } from '../../../shared/errors';

const BROKER =
  'Operation failed: ExchangeDeclare; 406 (PRECONDITION-FAILED) with message "PRECONDITION_FAILED - inequivalent arg \'durable\' for exchange \'order_events\' in vhost \'shop\': received \'false\' but current is \'true\'"';

describe('a demo’s refused declare', () => {
  it('reads the broker’s sentence: which argument, which object, what exists, what was asked', () => {
    expect(parseInequivalent(BROKER)).toEqual({ arg: 'durable', kind: 'exchange', name: 'order_events', vhost: 'shop', received: 'false', current: 'true' });
    expect(parseInequivalent('NOT_FOUND - no queue')).toBeUndefined();
  });

  it('becomes a WarrenError naming what exists and what the demo declares, with the fix; it serializes with its message', () => {
    const err = Object.assign(new Error(BROKER), { code: 406 });
    const refusal = explainRefusal(err);
    expect(refusal).toBeInstanceOf(DemoRefusal);
    expect(isWarrenError(refusal)).toBe(true);
    const json = JSON.parse(JSON.stringify(refusal)) as Record<string, unknown>;
    expect(json).toMatchObject({ code: 'PRECONDITION_FAILED', status: 406 });
    expect(json.message).toContain('the exchange order_events already exists in vhost shop with durable=true; this demo declares it with durable=false');
    expect(json.hint).toContain('rabbitmqadmin -V shop delete exchange name=order_events');
    expect(json.hint).toContain('--durable-exchange');
  });

  it('shows the demo’s name of a prefixed object, and the queue’s own delete command', () => {
    const err = Object.assign(new Error(BROKER.replace("exchange 'order_events'", "queue 'warren-demo-hello.hello'")), { code: 406 });
    const refusal = explainRefusal(err, (n) => n.replace('warren-demo-hello.', '')) as DemoRefusal;
    expect(refusal.message).toContain('the queue hello already exists');
    expect(refusal.hint).toContain('rabbitmqctl delete_queue -p shop warren-demo-hello.hello');
    expect(refusal.hint).not.toContain('--durable-exchange');
  });

  it('leaves every other error as it was', () => {
    const other = Object.assign(new Error('NOT_FOUND - no exchange'), { code: 404 });
    expect(explainRefusal(other)).toBe(other);
    const unparsed = Object.assign(new Error('PRECONDITION_FAILED - unknown delivery tag 3'), { code: 406 });
    expect(explainRefusal(unparsed)).toBe(unparsed);
  });
});
