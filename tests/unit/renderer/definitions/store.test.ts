/** The Definitions store with a fake bridge: what is ticked first, and that an apply sends the diff's source and the ticks. */
import { describe, expect, it } from 'vitest';
import { DefinitionsStore } from '../../../../renderer/features/definitions/store';
import type { DefinitionChange, DefinitionsDiff } from '../../../../shared/definitions/types';
import { FakeBridge, ok } from '../../../support/fake-bridge';

const change = (id: string, kind: DefinitionChange['kind'], refused = false): DefinitionChange => ({
  id,
  type: 'queues',
  kind,
  key: id,
  label: `queue ${id}`,
  object: {},
  fields: [],
  ...(refused ? { refusal: { code: 'PRECONDITION_FAILED', message: 'other arguments' } } : {}),
});
const diff = (changes: DefinitionChange[]) => ({ changes, counts: {}, ignoredKeys: [], notCarried: [] }) as unknown as DefinitionsDiff;

describe('DefinitionsStore', () => {
  it('ticks additions and changes at first, never a refused change or a removal', async () => {
    const bridge = new FakeBridge({ 'definitions.diff': () => ok(diff([change('a', 'added'), change('c', 'changed'), change('r', 'changed', true), change('x', 'removed')])) });
    const store = new DefinitionsStore(bridge);
    await store.compare({ kind: 'file', text: '{}', name: 'f.json' }, 'shop');
    expect(store.getSnapshot().selected).toEqual(['a', 'c']);
    expect(bridge.callsOf('definitions.diff')).toEqual([{ source: { kind: 'file', text: '{}' }, vhost: 'shop' }]);
  });

  it('a dry run sends the same source and the ticks with dryRun, and keeps the diff; a refusal is kept to show', async () => {
    let refuse = false;
    const bridge = new FakeBridge({
      'definitions.diff': () => ok(diff([change('a', 'added'), change('x', 'removed')])),
      'definitions.apply': (input) => (refuse ? { ok: false, error: { code: 'PRECONDITION_FAILED', message: 'no', hint: 'Nothing was applied.' } } : ok({ dryRun: input.dryRun ?? false, applied: [], requests: [] })),
    });
    const store = new DefinitionsStore(bridge);
    await store.compare({ kind: 'vhost', vhost: 'a', name: 'vhost a' }, 'b');
    store.toggle('x', true);
    await store.apply(true);
    expect(bridge.callsOf('definitions.apply')).toEqual([{ source: { kind: 'vhost', vhost: 'a' }, vhost: 'b', accept: ['a', 'x'], dryRun: true }]);
    expect(store.getSnapshot().report?.dryRun).toBe(true);
    refuse = true;
    await store.apply(false);
    expect(store.getSnapshot()).toMatchObject({ error: { code: 'PRECONDITION_FAILED' }, busy: undefined });
  });
});
