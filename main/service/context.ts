/**
 * What every feature of the service is built from. Features (foundation, topology, messaging,
 * charts, demos) each get this and return the handlers for their slice of the contract.
 */
import type { ConnectionState } from '../../shared/connections/types';
import type { BrokerConnection } from './broker/connection';
import type { BrokerSet } from './brokers/set';
import type { ProfileCatalog } from './connections/profiles/catalog';
import type { ProfileStore } from './connections/profiles/store';
import type { SandboxBroker } from './connections/sandbox/sandbox';
import type { ClusterSandbox } from './connections/sandbox/cluster';
import type { Emit, ServiceOptions } from './options';

export interface ServiceContext {
  options: ServiceOptions;
  emit: Emit;
  log: (line: string) => void;
  sandbox: SandboxBroker;
  /** The sandbox cluster: three local nodes, started on request. */
  cluster: ClusterSandbox;
  store: ProfileStore;
  catalog: ProfileCatalog;
  /** The current broker: AMQP session (`requireSession()`) and management client (`requireManagement()`). */
  connection: BrokerConnection;
  /** Every broker Warren is connected to: the main connection and those opened beside it. */
  brokers: BrokerSet;
  connectTo: (profileId: string) => Promise<ConnectionState>;
  /** Registers work to do when Warren quits (before the connection closes). */
  onShutdown: (hook: () => Promise<void> | void) => void;
}
