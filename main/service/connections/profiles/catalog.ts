/**
 * Every profile the user can pick: the built-in sandbox, a broker detected on localhost:5672,
 * and the user's own. Resolves a profile id to a connect target with its password.
 */
import { CLUSTER_PROFILE_ID, type ProfileSummary } from '../../../../shared/connections/types';
import { deriveManagementUrl } from '../../../../shared/connections/amqp-url';
import type { ParsedProfileDraft } from '../../../../shared/schemas';
import type { ConnectTarget } from '../../broker/target';
import { fail, WarrenFailure } from '../../errors';
import { isHostList, parseHostList } from '../../../../shared/connections/host-list';
import { describeEndpoint, passwordEndpoint } from './endpoint';
import type { SandboxBroker } from '../sandbox/sandbox';
import type { ClusterSandbox } from '../sandbox/cluster';
import type { ProfileStore } from './store';

export const SANDBOX_PROFILE_ID = 'sandbox';
export { CLUSTER_PROFILE_ID };
export const DETECTED_PROFILE_ID = 'local';
export const ENVIRONMENT_PROFILE_ID = 'environment';

const GUEST = { username: 'guest', password: 'guest' };

export class ProfileCatalog {
  /** Set to its port when a broker that is not our sandbox answered guest/guest on localhost. */
  detectedLocalPort?: number;
  /** A broker given by WARREN_BROKER_URL (and WARREN_MANAGEMENT_URL), kept in memory only. */
  environment?: ParsedProfileDraft;

  constructor(
    private readonly store: ProfileStore,
    private readonly sandbox: SandboxBroker,
    private readonly cluster?: ClusterSandbox,
  ) {}

  list(): ProfileSummary[] {
    const builtIn: ProfileSummary[] = [this.sandboxSummary()];
    const cluster = this.clusterSummary();
    if (cluster) builtIn.push(cluster);
    if (this.detectedLocalPort) builtIn.push(this.detectedSummary(this.detectedLocalPort));
    if (this.environment) builtIn.push(this.environmentSummary(this.environment));
    return [...builtIn, ...this.store.list()];
  }

  isBuiltIn(id: string): boolean {
    return id === SANDBOX_PROFILE_ID || id === CLUSTER_PROFILE_ID || id === DETECTED_PROFILE_ID || id === ENVIRONMENT_PROFILE_ID;
  }

  target(id: string): ConnectTarget {
    if (id === SANDBOX_PROFILE_ID) {
      const endpoint = this.sandbox.endpoint();
      if (!endpoint) {
        fail('SANDBOX_UNAVAILABLE', `The sandbox broker is ${this.sandbox.state.status}`, {
          hint: 'Start the sandbox broker first (Connections → Sandbox → Start).',
        });
      }
      return {
        ...baseTarget(this.sandboxSummary(), endpoint.password),
        host: endpoint.host,
        port: endpoint.amqpPort,
        managementUrl: endpoint.managementUrl,
      };
    }
    if (id === CLUSTER_PROFILE_ID) {
      const summary = this.clusterSummary();
      if (!summary) {
        fail('SANDBOX_UNAVAILABLE', `The sandbox cluster is ${this.cluster?.state.status ?? 'unavailable'}`, {
          hint: 'Start the sandbox cluster first (Connections → Sandbox cluster → Start).',
        });
      }
      return baseTarget(summary, GUEST.password);
    }
    if (id === DETECTED_PROFILE_ID && this.detectedLocalPort) {
      return baseTarget(this.detectedSummary(this.detectedLocalPort), GUEST.password);
    }
    if (id === ENVIRONMENT_PROFILE_ID && this.environment) {
      return baseTarget(this.environmentSummary(this.environment), this.environment.password ?? '');
    }
    const stored = this.store.get(id);
    if (!stored) fail('NOT_FOUND', `No profile with id ${id}`, { hint: 'Reload the list of profiles.' });
    if (stored.password === undefined && stored.passwordForOtherEndpoint) {
      fail('BAD_INPUT', `The address of “${stored.name}” changed since its password was saved`, {
        field: 'password',
        hint: `Enter the password for ${describeEndpoint(stored)} (Warren sends a saved password only to the address it was saved for).`,
      });
    }
    if (stored.password === undefined) {
      fail('BAD_INPUT', `The profile “${stored.name}” has no password in this session`, {
        field: 'password',
        hint: 'Edit the profile and enter its password (the browser host keeps passwords in memory unless you tick “Remember”).',
      });
    }
    return baseTarget(stored, stored.password);
  }

  /** A connect target for a draft that is not saved (the "Test" button of the form). */
  draftTarget(draft: ParsedProfileDraft): ConnectTarget {
    let password = draft.password;
    if (password === undefined && draft.id) {
      // The saved password goes only where it was saved for: a changed address needs it typed again.
      password = this.store.passwordFor(draft.id, passwordEndpoint(draft));
      const saved = this.store.get(draft.id);
      if (password === undefined && saved && (saved.password !== undefined || saved.passwordForOtherEndpoint)) {
        fail('BAD_INPUT', `The saved password of “${saved.name}” is for ${describeEndpoint(saved)}, not ${describeEndpoint(draft)}`, {
          field: 'password',
          hint: 'Enter the password again to test this address (Warren sends a saved password only to the address it was saved for).',
        });
      }
    }
    return baseTarget({ ...draft, id: draft.id ?? 'draft', vhost: draft.vhost || '/' }, password ?? '');
  }

  private sandboxSummary(): ProfileSummary {
    const s = this.sandbox.state;
    return {
      id: SANDBOX_PROFILE_ID,
      kind: 'sandbox',
      name: 'Sandbox broker',
      host: '127.0.0.1',
      port: s.amqpPort ?? 5672,
      vhost: '/',
      username: GUEST.username,
      hasPassword: true,
      passwordRemembered: false,
      tls: { enabled: false, verifyPeer: true },
      managementUrl: s.managementPort ? `http://127.0.0.1:${s.managementPort}` : '',
      heartbeat: 30,
    };
  }

  /**
   * The sandbox cluster as one profile naming its three nodes (the running ones first known by
   * their last ports), listed once the cluster has been started.
   */
  private clusterSummary(): ProfileSummary | undefined {
    const nodes = (this.cluster?.nodePorts() ?? []).filter((n) => n.amqpPort && n.managementPort);
    if (nodes.length === 0) return undefined;
    return {
      id: CLUSTER_PROFILE_ID,
      kind: 'sandbox',
      name: 'Sandbox cluster',
      host: nodes.map((n) => `127.0.0.1:${n.amqpPort}`).join(','),
      port: nodes[0]!.amqpPort!,
      vhost: '/',
      username: GUEST.username,
      hasPassword: true,
      passwordRemembered: false,
      tls: { enabled: false, verifyPeer: true },
      managementUrl: nodes.map((n) => `http://127.0.0.1:${n.managementPort}`).join(','),
      heartbeat: 30,
    };
  }

  private environmentSummary(draft: ParsedProfileDraft): ProfileSummary {
    return {
      ...draft,
      id: ENVIRONMENT_PROFILE_ID,
      kind: 'environment',
      name: 'WARREN_BROKER_URL',
      vhost: draft.vhost || '/',
      hasPassword: draft.password !== undefined,
      passwordRemembered: false,
    };
  }

  private detectedSummary(port: number): ProfileSummary {
    return {
      id: DETECTED_PROFILE_ID,
      kind: 'detected',
      name: 'RabbitMQ on localhost',
      host: 'localhost',
      port,
      vhost: '/',
      username: GUEST.username,
      hasPassword: true,
      passwordRemembered: false,
      tls: { enabled: false, verifyPeer: true },
      managementUrl: '',
      heartbeat: 30,
    };
  }
}

function baseTarget(
  p: Pick<ProfileSummary, 'id' | 'name' | 'host' | 'port' | 'vhost' | 'username' | 'tls' | 'managementUrl' | 'heartbeat'>,
  password: string,
): ConnectTarget {
  const single = {
    profileId: p.id,
    profileName: p.name,
    host: p.host,
    port: p.port,
    vhost: p.vhost,
    username: p.username,
    password,
    tls: p.tls,
    heartbeat: p.heartbeat,
    managementUrl: p.managementUrl || deriveManagementUrl(p.host, p.tls.enabled),
  };
  if (!isHostList(p.host)) return single;
  // Several nodes of one cluster: the first that answers is connected to, the others are the way out.
  const hosts = parseHostList(p.host, p.port, p.managementUrl, p.tls.enabled);
  if (!hosts.ok) throw new WarrenFailure(hosts.error);
  const [first] = hosts.value;
  return { ...single, host: first!.host, port: first!.port, managementUrl: first!.managementUrl, hosts: hosts.value };
}
