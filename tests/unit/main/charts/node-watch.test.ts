import { describe, expect, it } from 'vitest';
import { NodeWatch } from '../../../../main/service/charts/node-watch';

describe('NodeWatch', () => {
  it('names each node that went down or came back, by its short name; the first reading and no change say nothing', () => {
    const watch = new NodeWatch();
    const nodes = (c2: boolean) => [
      { name: 'warren-c1@localhost', running: true },
      { name: 'warren-c2@localhost', running: c2 },
    ];
    expect(watch.changes(nodes(true))).toEqual([]);
    expect(watch.changes(nodes(true))).toEqual([]);
    expect(watch.changes(nodes(false))).toEqual(['warren-c2 down']);
    expect(watch.changes(nodes(true))).toEqual(['warren-c2 up']);
    watch.forget();
    expect(watch.changes(nodes(false))).toEqual([]);
  });
});
