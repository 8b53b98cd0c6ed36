/**
 * Where a demo runs, built from a connect target: its own vhost `warren-demo-<name>` when the
 * user may create vhosts (management API), otherwise the current vhost with prefixed names.
 */
import type { ConnectTarget } from '../broker/target';
import { demoClientProperties, openConnection } from '../broker/target';
import { ManagementClient, vhostPath } from '../broker/management';
import type { DemoName, DemoState } from '../../../shared/demos/types';
import type { DemoBroker, DemoCluster, PrivateNode } from '../../../demos/runtime';

export type Isolation = NonNullable<DemoState['isolation']>;

/**
 * The broker a demo runs on. `current` is read at every open (a profile's port may change);
 * `privateNode` starts a node of the demo's own for a step that restarts one. Each program's
 * connection reports the demo and the program (never Warren: they stand for the tutorial's services).
 */
export function demoBroker(demo: DemoName, current: () => ConnectTarget, privateNode?: () => Promise<PrivateNode>, cluster?: () => Promise<DemoCluster>): DemoBroker {
  const target = current();
  return {
    open: (program) => openConnection(current(), demoClientProperties(demo, program)),
    ...(privateNode ? { privateNode } : {}),
    ...(cluster ? { cluster } : {}),
    describe: { host: target.host, port: target.port, vhost: target.vhost, username: target.username, tls: target.tls.enabled },
  };
}

export function demoVhost(name: DemoName): string {
  return `warren-demo-${name}`;
}

/**
 * Tries to create the demo's vhost and give the user full rights on it. Returns the isolation
 * chosen and the target to connect with; `created` says whether reset should delete the vhost.
 */
export async function isolate(name: DemoName, target: ConnectTarget): Promise<{ isolation: Isolation; target: ConnectTarget; created: boolean }> {
  const vhost = demoVhost(name);
  if (target.managementUrl) {
    const api = new ManagementClient({ url: target.managementUrl, username: target.username, password: target.password }, 5000);
    try {
      let existed = true;
      await api.get(`/vhosts/${vhostPath(vhost)}`, { columns: 'name' }).catch(() => (existed = false));
      if (!existed) await api.put(`/vhosts/${vhostPath(vhost)}`, { description: 'Warren demo (deleted by the demo reset)' });
      await api.put(`/permissions/${vhostPath(vhost)}/${encodeURIComponent(target.username)}`, { configure: '.*', write: '.*', read: '.*' });
      return { isolation: { mode: 'vhost', vhost, prefix: '' }, target: { ...target, vhost }, created: !existed };
    } catch {
      // No right to create vhosts (or no management API): prefixed names in the current vhost.
    }
  }
  return { isolation: { mode: 'prefix', vhost: target.vhost, prefix: `${vhost}.` }, target, created: false };
}

export async function removeVhost(target: ConnectTarget, vhost: string): Promise<void> {
  const api = new ManagementClient({ url: target.managementUrl, username: target.username, password: target.password }, 5000);
  await api.delete(`/vhosts/${vhostPath(vhost)}`);
}
