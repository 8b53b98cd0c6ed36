/**
 * Hosts that do not exist in a cluster profile (issue 14, faults): a name no resolver knows before
 * a real node is passed over and Warren says which node it is on; a profile of such names only is
 * refused in the user's terms, naming each host, with what to do — never a crash or a hang.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { clusterFor, clusterProfile } from '../../support/cluster';
import { makeService, valueCaller } from '../../support/service';

const cluster = clusterFor(import.meta.url);

// RFC 6761: names under .invalid never resolve.
const NOWHERE = ['no-such-node.invalid', 'rabbit-9.invalid:5673'];

const svc = makeService();
afterAll(() => svc.service.shutdown());

describe.skipIf(!cluster)('a cluster profile naming hosts that do not exist', () => {
  it('passes over a host no resolver knows to the next node, and says which node Warren is on', async () => {
    const call = valueCaller(svc);
    const base = clusterProfile(cluster!);
    const c2 = cluster!.nodes[1]!;
    const profile = await call('profiles.save', {
      ...base,
      name: 'Unknown first',
      host: `${NOWHERE[0]}:${c2.amqpPort},127.0.0.1:${c2.amqpPort}`,
      managementUrl: `http://127.0.0.1:${c2.managementPort},http://127.0.0.1:${c2.managementPort}`,
    });
    const state = await call('connection.connect', { id: profile.id });
    expect(state.status).toBe('connected');
    expect(state.endpoint).toBe(`127.0.0.1:${c2.amqpPort}`);
    expect(state.server?.node).toBe(c2.nodeName);
    await call('connection.disconnect', {});
  });

  it('refuses a profile whose hosts all do not exist, naming each, with what to do', async () => {
    const call = valueCaller(svc);
    const profile = await call('profiles.save', { ...clusterProfile(cluster!), name: 'Nowhere', host: NOWHERE.join(','), managementUrl: '' });
    const connected = await svc.dispatch('connection.connect', { id: profile.id });
    const error = connected.ok ? connected.value.error : connected.error;
    expect(connected.ok && connected.value.status).not.toBe('connected');
    expect(error?.code).toBe('UNREACHABLE');
    expect(error?.message).toContain('None of the 2 hosts answered');
    for (const host of ['no-such-node.invalid:', 'rabbit-9.invalid:5673']) expect(error?.message).toContain(host);
    expect(error?.hint).toMatch(/host names and ports/);
  });
});
