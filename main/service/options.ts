/**
 * What a host gives the service: its folders, secret cipher, event sink and start-up choices.
 * Kept apart from service.ts so that the context and every feature can name these types without
 * importing the service that builds them.
 */
import type { EventName, EventPayload } from '../../shared/contract';
import type { HostKind } from '../../shared/connections/types';
import type { SecretCipher } from './connections/profiles/secrets';
import type { DeliveryFlow } from './messaging/flow';

export type Emit = <K extends EventName>(event: K, payload: EventPayload<K>) => void;

export interface ServiceOptions {
  host: HostKind;
  version: string;
  /** Sandbox data lives in `${dataDir}/sandbox`. */
  dataDir: string;
  /** profiles.json lives here. */
  configDir: string;
  /** Seals passwords for disk; undefined keeps every password in memory. */
  cipher?: SecretCipher;
  /** Seal every password (desktop keychain) rather than only those the user asks to remember. */
  alwaysSeal: boolean;
  emit: Emit;
  preferDefaultPorts?: boolean;
  /** Where to look for a broker already running on this machine (5672; tests use the run's broker). */
  localProbePort?: number;
  /** A broker to connect to at start instead of the sandbox (WARREN_BROKER_URL). */
  brokerUrl?: string;
  /** Start the sandbox cluster and connect to it (WARREN_SANDBOX=cluster, `npm start -- --cluster`). */
  startCluster?: boolean;
  /**
   * The sandbox cluster's folder (WARREN_CLUSTER_DIR); `${dataDir}/cluster` when absent. Nodes are
   * named after their folder, so a test run points it at the run's cluster and Warren adopts it.
   */
  clusterDir?: string;
  /** Its management API (WARREN_MANAGEMENT_URL); derived from the host when absent. */
  managementUrl?: string;
  reconnectBackoffMs?: number[];
  log?: (line: string) => void;
  /** Delivery flow control fed by the host's clients (a page that stops reading pauses consumers). */
  flow?: DeliveryFlow;
}
