/** Operations and events of topology: tables, declare/bind/delete/purge, the snapshot and the route explainer. */
import { z } from 'zod';
import type {
  BindResult,
  DeclareResult,
  DeleteResult,
  ExplainResult,
  PurgeResult,
  QueueCheck,
  TableResult,
  TopologyChanged,
  TopologySnapshot,
} from './types';
import { TABLE_KINDS, TABLE_SLICE_MAX } from './types';
import { ARG_TYPES } from './arguments';
import { empty, vhostName } from '../schemas';
import { amqpName, requiredAmqpName, tableKey } from '../validation/name-schemas';
import { op, stateEvent } from '../spec';

const objectName = (what: string) => requiredAmqpName(what);

export const typedArg = z.object({
  key: tableKey('An argument name'),
  type: z.enum(ARG_TYPES),
  value: z.string().max(65_536),
});
const typedArgs = z.array(typedArg).max(64).default([]);

const scope = z.object({
  /** A vhost to list; omitted = the connection's vhost. */
  vhost: vhostName.optional(),
  /** List every vhost (ignores `vhost`). */
  all: z.boolean().optional(),
});

const count = (max: number) => z.number().int().min(0).max(max);

export const declareExchangeInput = z.object({
  name: objectName('Exchange name'),
  type: z.string().min(1).max(64),
  durable: z.boolean().default(true),
  autoDelete: z.boolean().default(false),
  internal: z.boolean().default(false),
  alternateExchange: amqpName('Alternate exchange').optional(),
  arguments: typedArgs,
});

export const declareQueueInput = z.object({
  /** Empty lets the broker choose a name (amq.gen-…). */
  name: amqpName('Queue name'),
  type: z.enum(['classic', 'quorum', 'stream']).default('classic'),
  durable: z.boolean().default(true),
  exclusive: z.boolean().default(false),
  autoDelete: z.boolean().default(false),
  messageTtl: count(2 ** 32 - 1).optional(),
  expires: z.number().int().min(1).max(2 ** 32 - 1).optional(),
  maxLength: count(2 ** 53 - 1).optional(),
  maxLengthBytes: count(2 ** 53 - 1).optional(),
  overflow: z.enum(['drop-head', 'reject-publish', 'reject-publish-dlx']).optional(),
  deadLetterExchange: amqpName('Dead-letter exchange').optional(),
  deadLetterRoutingKey: amqpName('Dead-letter routing key').optional(),
  singleActiveConsumer: z.boolean().optional(),
  lazy: z.boolean().optional(),
  maxPriority: z.number().int().min(1).max(255).optional(),
  /** Quorum and stream queues: on how many nodes the queue starts (the rest of the cluster joins later by hand). */
  initialGroupSize: z.number().int('a whole number').min(1, 'at least 1 node').max(255).optional(),
  /** Quorum: after how many redeliveries a message is dead-lettered (or dropped). */
  deliveryLimit: count(2 ** 31 - 1).optional(),
  /** Quorum: at-least-once dead-lettering needs overflow reject-publish; at-most-once is the default. */
  deadLetterStrategy: z.enum(['at-most-once', 'at-least-once']).optional(),
  /** Streams: how long segments are kept, e.g. 7D, 12h, 30m. */
  maxAge: z.string().regex(/^\d+(Y|M|D|h|m|s)$/, 'a number and a unit: Y, M, D, h, m or s (e.g. 7D)').optional(),
  /** Streams: the size of one segment file on disk. */
  streamMaxSegmentSizeBytes: count(2 ** 53 - 1).optional(),
  arguments: typedArgs,
});

export const bindInput = z.object({
  source: objectName('Source exchange'),
  destination: objectName('Destination'),
  destinationType: z.enum(['queue', 'exchange']),
  routingKey: amqpName('Routing key').default(''),
  /** Headers exchanges: how the header arguments must match. */
  xMatch: z.enum(['all', 'any', 'all-with-x', 'any-with-x']).optional(),
  arguments: typedArgs,
});

export const topologyOperations = {
  'queues.check': op<QueueCheck>()(
    z.object({ vhost: vhostName.optional(), queue: requiredAmqpName('Queue name') }),
    'Passively check that a queue exists, with its message and consumer counts',
  ),
  'topology.list': op<TableResult>()(
    scope.extend({
      kind: z.enum(TABLE_KINDS),
      /** Only the first page (fast); the caller asks again without it for the rest. */
      firstPage: z.boolean().optional(),
      /** With firstPage: from the broker, not from what the service remembers (a refresh). */
      fresh: z.boolean().optional(),
      /** With firstPage: only rows whose name matches this filter (the tables' syntax: substring or /regex/). */
      filter: z.string().max(1024).optional(),
      /**
       * Without firstPage: only rows from..from+size of the full list, so that a big list (100,000
       * queues) crosses the bridge in parts the page reads one task at a time. Without `of` the list
       * is read from the broker; with `of` (the fetchedAt of the read being assembled) the rows come
       * from the read the service holds — a newer one if it was replaced, and the answer's fetchedAt
       * says so — or from a new read when it holds none.
       */
      slice: z
        .object({ from: z.number().int().min(0), size: z.number().int().min(1).max(TABLE_SLICE_MAX), of: z.number().optional() })
        .optional(),
    }),
    'List exchanges, queues, bindings, connections, channels or consumers (one request, columns= only)',
  ),
  'topology.snapshot': op<TopologySnapshot>()(
    z.object({ vhost: vhostName.optional() }),
    'Exchanges, queues and bindings of one vhost, for the graph and the route explainer',
  ),
  'topology.exchangeTypes': op<string[]>()(empty, 'Exchange types the broker offers (including plugin types)'),
  'topology.declareExchange': op<DeclareResult>()(declareExchangeInput, 'Declare an exchange in the connection’s vhost'),
  'topology.declareQueue': op<DeclareResult>()(declareQueueInput, 'Declare a queue in the connection’s vhost'),
  'topology.bind': op<BindResult>()(bindInput, 'Bind a queue or an exchange to an exchange'),
  'topology.unbind': op<BindResult>()(
    bindInput.extend({
      /** The management API's key of the binding (from a table row): removes exactly that binding. */
      propertiesKey: z.string().max(1024).optional(),
    }),
    'Remove a binding',
  ),
  'topology.delete': op<DeleteResult>()(
    z.object({
      kind: z.enum(['exchange', 'queue']),
      name: objectName('Name'),
      ifUnused: z.boolean().default(false),
      ifEmpty: z.boolean().default(false),
    }),
    'Delete an exchange or a queue',
  ),
  'topology.closeConnection': op<{ name: string; reason: string }>()(
    z.object({
      name: z.string().min(1, 'choose a connection').max(1024),
      reason: z.string().trim().max(255, 'the reason is at most 255 characters').default(''),
    }),
    'Close a client connection through the management API; the client is told the reason',
  ),
  'topology.purge': op<PurgeResult>()(z.object({ queue: objectName('Queue name') }), 'Remove every ready message of a queue'),
  'topology.explain': op<ExplainResult>()(
    z.object({
      vhost: vhostName.optional(),
      /** '' is the default exchange. */
      exchange: amqpName('Exchange'),
      routingKey: amqpName('Routing key').default(''),
      headers: typedArgs,
    }),
    'Which queues a message would reach, and which binding matched each (or why none did)',
  ),
} as const;

export const topologyEvents = {
  /** After Warren changed the topology (declare, bind, delete, purge): pages showing it reload. */
  'topology.changed': stateEvent<TopologyChanged>(),
} as const;
