/**
 * The one contract between the renderer and the main process: every operation (request →
 * Result) and every event (pushed in batches). Hosts and the dispatcher are generic over it;
 * adding an operation is one entry here, one method in the service and one call in the UI.
 */
import { z } from 'zod';
import type {
  AppInfo,
  ConnectionState,
  Overview,
  ProfileSummary,
  QueueCheck,
  SandboxState,
  TestConnectionResult,
} from './domain';
import { empty, idInput, profileDraft, shortText, vhostInput, vhostName } from './schemas';
import type { ParsedProfileDraft } from './schemas';

/** An operation's input schema plus a phantom of its output type. */
export interface OperationSpec<I extends z.ZodType, O> {
  input: I;
  /** Never read at runtime; carries the output type. */
  output?: O;
  /** A short description, shown in errors and docs. */
  summary: string;
}

function op<O>() {
  return <I extends z.ZodType>(input: I, summary: string): OperationSpec<I, O> => ({ input, summary });
}

export const operations = {
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

  'overview.get': op<Overview>()(vhostInput, 'Broker overview: versions, nodes, totals and rates'),
  'vhosts.list': op<string[]>()(empty, 'Virtual hosts the user can see'),
  'queues.check': op<QueueCheck>()(
    z.object({ vhost: vhostName.optional(), queue: shortText().min(1) }),
    'Passively check that a queue exists, with its message and consumer counts',
  ),
} as const;

export const events = {
  'connection.state': {} as ConnectionState,
  'sandbox.state': {} as SandboxState,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type InputOf<K extends OperationName> = z.input<Operations[K]['input']>;
export type ParsedInputOf<K extends OperationName> = z.output<Operations[K]['input']>;
export type OutputOf<K extends OperationName> = NonNullable<Operations[K]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = Events[K];
export interface EventMessage<K extends EventName = EventName> {
  event: K;
  payload: EventPayload<K>;
}

/** What the service must implement: one method per operation, taking the parsed input. */
export type ServiceHandlers = {
  [K in OperationName]: (input: ParsedInputOf<K>) => Promise<OutputOf<K>>;
};

/** Largest message accepted over the bridge, in bytes; bigger ones are refused as BAD_INPUT. */
export const MAX_BRIDGE_MESSAGE_BYTES = 16 * 1024 * 1024;

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);
}

/** Wire format of the browser host (WebSocket) — the Electron host uses IPC with the same shapes. */
export interface CallRequest {
  id: number;
  op: string;
  input: unknown;
}
export interface CallResponse {
  id: number;
  result: import('./errors').Result<unknown>;
}
export interface EventBatch {
  events: EventMessage[];
}

/** Fixed channel names (never built at runtime). */
export const IPC_CALL_CHANNEL = 'warren:call';
export const IPC_EVENTS_CHANNEL = 'warren:events';
