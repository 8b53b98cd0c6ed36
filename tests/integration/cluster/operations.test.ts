/**
 * The cluster operations across the bridge on a service whose cluster was never started (no node
 * is started here: the run's cluster is the other files' business). Bad input is refused with
 * what to do.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { makeService } from '../../support/service';

const svc = makeService();
afterAll(() => svc.service.shutdown());

describe('the cluster operations', () => {
  it('tell a stopped cluster of three named nodes, and list no cluster profile before it starts', async () => {
    const state = await svc.dispatch('cluster.state', {});
    expect(state.ok && state.value.status).toBe('stopped');
    expect(state.ok && state.value.nodes.map((n) => [n.name, n.status])).toEqual([
      ['c1', 'stopped'],
      ['c2', 'stopped'],
      ['c3', 'stopped'],
    ]);
    expect(state.ok && state.value.nodes.every((n) => /^warren-c\d-[0-9a-f]{8}@localhost$/.test(n.nodeName))).toBe(true);
    const profiles = await svc.dispatch('profiles.list', {});
    expect(profiles.ok && profiles.value.some((p) => p.id === 'sandbox-cluster')).toBe(false);
  });

  it('refuse an unknown node, a kill of a node that is not running and an empty name, with a hint', async () => {
    const unknown = await svc.dispatch('cluster.killNode', { node: 'c9' });
    expect(unknown.ok || unknown.error).toMatchObject({ code: 'BAD_INPUT', message: 'There is no node c9 in the sandbox cluster', hint: 'Its nodes are c1, c2, c3.' });
    const stopped = await svc.dispatch('cluster.killNode', { node: 'c1' });
    expect(stopped.ok || stopped.error).toMatchObject({ code: 'BAD_INPUT', message: 'Node c1 is not running' });
    const empty = await svc.raw('cluster.stopNode', { node: '' });
    expect(empty.ok || empty.error).toMatchObject({ code: 'BAD_INPUT', field: 'node' });
    expect(empty.ok || empty.error.message).toMatch(/name the node/);
  });

  it('refuse to save a profile with a malformed host list, naming the host field', async () => {
    const bad = await svc.dispatch('profiles.save', { name: 'Bad list', host: 'a,,b', port: 5672, vhost: '/', username: 'guest', password: 'guest' });
    expect(bad.ok || bad.error).toMatchObject({ code: 'BAD_INPUT', field: 'host' });
  });
});
