/** Operations and events of connections: the app, profiles, the connection and the sandbox broker. */
import { z } from 'zod';
import type {
  AppInfo,
  ClusterState,
  ConnectionState,
  ProfileSummary,
  SandboxState,
  TestConnectionResult,
} from './types';
import { empty, idInput, profileDraft, shortText } from '../schemas';
import type { ParsedProfileDraft } from '../schemas';
import { op, stateEvent } from '../spec';

const clusterNode = z.object({ node: shortText(64).min(1, 'name the node (c1, c2, c3)') });

export const connectionsOperations = {
  'app.info': op<AppInfo>()(empty, 'Which host and data folder this Warren runs with'),

  'profiles.list': op<ProfileSummary[]>()(empty, 'List connection profiles (never with passwords)'),
  'profiles.save': op<ProfileSummary>()(
    profileDraft.extend({ rememberPassword: z.boolean().optional() }),
    'Create or update a connection profile',
  ),
  'profiles.delete': op<{ deleted: string }>()(idInput, 'Delete a connection profile'),
  'profiles.test': op<TestConnectionResult>()(
    z.union([idInput.strict(), profileDraft]),
    'Open and close a connection with a saved profile or a draft',
  ),
  'profiles.parseUrl': op<ParsedProfileDraft>()(
    z.object({ url: shortText(4096).min(1, 'paste an amqp:// or amqps:// URL'), name: shortText(100).optional() }),
    'Turn an amqp:// or amqps:// URL into a profile draft',
  ),

  'connection.connect': op<ConnectionState>()(idInput, 'Connect to the broker of a profile'),
  'connection.disconnect': op<ConnectionState>()(empty, 'Close the current connection'),
  'connection.state': op<ConnectionState>()(empty, 'The current connection state'),

  'sandbox.state': op<SandboxState>()(empty, 'The sandbox broker state'),
  'sandbox.start': op<SandboxState>()(empty, 'Start the sandbox broker'),
  'sandbox.stop': op<SandboxState>()(empty, 'Stop the sandbox broker'),
  'sandbox.setKeepRunning': op<SandboxState>()(
    z.object({ keepRunning: z.boolean() }),
    'Keep the sandbox running after Warren quits',
  ),

  'cluster.state': op<ClusterState>()(empty, 'The sandbox cluster (three local nodes) and each node’s state'),
  'cluster.start': op<ClusterState>()(empty, 'Start the sandbox cluster: three nodes joined into one cluster'),
  'cluster.stop': op<ClusterState>()(empty, 'Stop every node of the sandbox cluster'),
  'cluster.startNode': op<ClusterState>()(clusterNode, 'Start one node of the sandbox cluster (it rejoins)'),
  'cluster.stopNode': op<ClusterState>()(clusterNode, 'Stop one node of the sandbox cluster gracefully'),
  'cluster.killNode': op<ClusterState>()(clusterNode, 'Kill one node of the sandbox cluster (kill -9 of its VM)'),
} as const;

export const connectionsEvents = {
  'connection.state': stateEvent<ConnectionState>(),
  'sandbox.state': stateEvent<SandboxState>(),
  'cluster.state': stateEvent<ClusterState>(),
} as const;
