/**
 * A node that refuses to join (issue 14, faults): a real RabbitMQ node whose Erlang cookie is not
 * the cluster's, given the run's cluster nodes as its peers. It runs on its own, the cluster's
 * member lists leave it out, and Warren names why in the user's terms with what to do — read
 * from the lines real nodes wrote (the unit test has made-up ones).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axios from 'axios';
import { afterAll, describe, expect, it } from 'vitest';
import { explainJoinFailure } from '../../../main/service/connections/sandbox/cluster-faults';
import { clusterNodes, joinedNodes, peerDiscoveryConfig } from '../../../main/service/connections/sandbox/cluster-layout';
import { folderTag, sandboxLayout, tailOfFile } from '../../../main/service/connections/sandbox/node-files';
import { SandboxBroker } from '../../../main/service/connections/sandbox/sandbox';
import { waitFor } from '../../support/broker';
import { clusterFor, nodesSeenBy } from '../../support/cluster';

const cluster = clusterFor(import.meta.url);

const parent = path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'cluster-faults');
let stranger: SandboxBroker | undefined;
let dir: string | undefined;

afterAll(async () => {
  await stranger?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!cluster)('a node that refuses to join', () => {
  it('with another Erlang cookie, runs alone outside the cluster’s member lists, and is explained as a cookie mismatch with what to do', async () => {
    mkdirSync(parent, { recursive: true });
    dir = mkdtempSync(path.join(parent, 'stranger-'));
    const members = clusterNodes(cluster!.dir);
    const nodeName = `warren-stranger-${folderTag(dir)}@localhost`;
    stranger = new SandboxBroker({
      dir,
      nodeName,
      label: 'Node stranger',
      // The run's cluster as its peers, under the cluster's name; only the cookie differs.
      extraConfig: peerDiscoveryConfig([...members, { name: 'stranger', nodeName, dir }], cluster!.clusterName),
      cookie: () => 'STRANGERCOOKIEZZZZZZ',
      preferDefaultPorts: false,
    });
    const state = await stranger.start();
    expect(state.status, (state.logTail ?? []).join('\n')).toBe('ready');

    // What each node says its cluster is: the stranger is alone, the three agree without it.
    const views: Record<string, string[]> = {};
    for (const node of cluster!.nodes) views[node.nodeName] = (await nodesSeenBy(node.managementPort)).map((n) => n.name);
    const own = await axios.get<{ name: string }[]>(`http://127.0.0.1:${state.managementPort}/api/nodes`, { auth: { username: 'guest', password: 'guest' }, params: { columns: 'name' } });
    views[nodeName] = own.data.map((n) => n.name);
    expect(views[nodeName]).toEqual([nodeName]);
    const joined = joinedNodes(views);
    expect([...joined].sort()).toEqual(members.map((m) => m.nodeName).sort());
    expect(joined.has(nodeName)).toBe(false);

    // Why, from the real log lines of the cluster's nodes and the stranger (as the cluster engine reads them).
    const logLines = () => [...members.flatMap((m) => tailOfFile(path.join(sandboxLayout(m.dir, m.nodeName).logDir, `${m.nodeName}.log`), 200)), ...tailOfFile(stranger!.nodeLog(), 200)];
    await waitFor(() => logLines().some((l) => /challenge/i.test(l)), 15_000, 250);
    const why = explainJoinFailure('stranger', logLines());
    expect(why.code).toBe('SANDBOX_UNAVAILABLE');
    expect(why.message).toBe("Node stranger was refused by the others: its Erlang cookie is not the cluster's");
    expect(why.hint).toContain('share one cookie');
  }, 120_000);
});
