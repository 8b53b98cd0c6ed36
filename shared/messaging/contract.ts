/**
 * Operations and events of messaging: publish (once or repeated), consumers and taps,
 * settling deliveries, peeking and getting. Inputs are bounded; values a field table cannot carry are
 * refused here with the field named.
 */
import { z } from 'zod';
import type {
  ConsumerInfo,
  DeliveryBatch,
  FieldEntry,
  FieldValue,
  PublishOutcome,
  ReceivedMessage,
  RepeatProgress,
  SettleChange,
  TopologyHints,
} from './types';
import { KEEP_DEFAULT, KEEP_MAX, KEEP_MIN } from './types';
import { shortText } from '../schemas';
import { amqpName, requiredAmqpName, tableKey } from '../validation/name-schemas';
import { op, stateEvent, streamEvent } from '../spec';
import { GET_ACK_MODES, GET_ENCODINGS } from './get-modes';

const MAX_INT64 = 2 ** 63;
const base64 = z.string().max(24 * 1024 * 1024).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not valid base64');

export const fieldValue: z.ZodType<FieldValue> = z.lazy(() =>
  z.discriminatedUnion('t', [
    z.object({ t: z.literal('string'), v: z.string().max(1024 * 1024) }),
    z.object({
      t: z.literal('int'),
      v: z
        .number()
        .int('an integer header has no fraction; choose the float type')
        .refine((n) => Math.abs(n) < MAX_INT64, 'an AMQP integer is at most 64 bits')
        .refine((n) => Number.isSafeInteger(n), 'integers beyond ±2^53 lose precision in JavaScript; send it as a string'),
    }),
    z.object({ t: z.literal('float'), v: z.number().refine(Number.isFinite, 'an AMQP double cannot be NaN or infinite') }),
    z.object({ t: z.literal('bool'), v: z.boolean() }),
    z.object({ t: z.literal('null') }),
    z.object({ t: z.literal('bytes'), v: base64 }),
    z.object({ t: z.literal('timestamp'), v: z.number().int().min(0, 'an AMQP timestamp is unsigned').max(Number.MAX_SAFE_INTEGER) }),
    z.object({ t: z.literal('decimal'), places: z.number().int().min(0).max(255), digits: z.number().int().min(0).max(0xffffffff) }),
    z.object({ t: z.literal('array'), v: z.array(fieldValue).max(10_000) }),
    z.object({ t: z.literal('table'), v: z.array(fieldEntry).max(10_000) }),
  ]),
);

/** Keys are AMQP short strings: at most 255 bytes of UTF-8. */
export const fieldEntry: z.ZodType<FieldEntry> = z.lazy(() =>
  z.object({
    key: tableKey('A header name'),
    value: fieldValue,
  }),
);

export const fieldTable = z
  .array(fieldEntry)
  .max(10_000)
  .refine((entries) => new Set(entries.map((e) => e.key)).size === entries.length, 'two headers have the same name');

/** A short string property (AMQP shortstr: 255 bytes). */
const shortstr = (what: string) =>
  z.string().refine((s) => new TextEncoder().encode(s).length <= 255, `${what} is at most 255 bytes (AMQP short string)`);

export const messageProperties = z
  .object({
    contentType: shortstr('content type').optional(),
    contentEncoding: shortstr('content encoding').optional(),
    deliveryMode: z.union([z.literal(1), z.literal(2)]).optional(),
    priority: z.number().int('priority is a whole number').min(0, 'priority is 0..255').max(255, 'priority is 0..255').optional(),
    correlationId: shortstr('correlation id').optional(),
    replyTo: shortstr('reply-to').optional(),
    expiration: z
      .string()
      .regex(/^\d+$/, 'expiration is a number of milliseconds written as digits, e.g. "60000"')
      .max(20)
      .refine((s) => Number(s) <= 0xffffffff, 'expiration is at most 4294967295 ms')
      .optional(),
    messageId: shortstr('message id').optional(),
    timestamp: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    type: shortstr('type').optional(),
    userId: shortstr('user id').optional(),
    appId: shortstr('app id').optional(),
    headers: fieldTable.optional(),
  })
  .strict();

/** The body as the composer has it: `json` is validated, `hex`/`base64` are bytes. */
export const composedBody = z.object({
  mode: z.enum(['text', 'json', 'base64', 'hex']),
  data: z.string().max(24 * 1024 * 1024),
});

export const publishInput = z.object({
  exchange: amqpName('Exchange'),
  routingKey: amqpName('Routing key'),
  properties: messageProperties.default({}),
  body: composedBody,
  mandatory: z.boolean().default(true),
});

export const repeatInput = publishInput.extend({
  count: z.number().int().min(1).max(10_000_000),
  /** Messages per second; 0 means as fast as the broker takes them. */
  ratePerSecond: z.number().min(0).max(1_000_000).default(0),
  confirm: z.boolean().default(true),
  /** Answer only when the run ends (tests, benches); the UI follows progress events instead. */
  wait: z.boolean().default(false),
  /** Carry on an interrupted run: messages 1..resumeFrom were confirmed, send resumeFrom+1..count. */
  resumeFrom: z.number().int().min(0).max(10_000_000).default(0),
}).refine((r) => r.resumeFrom < r.count, { path: ['resumeFrom'], message: 'resumeFrom is below count (the messages already confirmed)' });

const consumerOptions = z.object({
  prefetch: z.number().int().min(0, 'prefetch is 0 (unlimited) or more').max(65535, 'prefetch is at most 65535').default(10),
  ackMode: z.enum(['manual', 'auto', 'simulated']).default('manual'),
  simulate: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('fixed'), ms: z.number().int().min(0).max(600_000) }),
      z.object({ kind: z.literal('dots') }),
    ])
    .optional(),
  exclusive: z.boolean().default(false),
  consumerTag: shortstr('consumer tag').optional(),
  arguments: fieldTable.optional(),
  keep: z.number().int().min(KEEP_MIN).max(KEEP_MAX).default(KEEP_DEFAULT),
  show: z.enum(['every', 'newest']).default('every'),
});

const consumerId = z.object({ consumerId: shortText(64).min(1) });

export const messagingOperations = {
  'messaging.publish': op<PublishOutcome>()(publishInput, 'Publish one message (confirmed; mandatory returns explained)'),
  'messaging.repeat': op<RepeatProgress>()(repeatInput, 'Publish N messages at a rate, with {{seq}}/{{uuid}}/{{now}} templates'),
  'messaging.repeatCancel': op<RepeatProgress>()(z.object({ runId: shortText(64).min(1) }), 'Cancel a repeat run'),
  'messaging.topology': op<TopologyHints>()(z.object({}).strict(), 'Exchanges, queues and binding keys for autocomplete'),

  'consumers.attach': op<ConsumerInfo>()(
    consumerOptions.extend({ queue: requiredAmqpName('Queue name', 'name the queue to consume from') }),
    'Attach a consumer to a queue on its own channel',
  ),
  'consumers.tap': op<ConsumerInfo>()(
    consumerOptions.extend({ exchange: requiredAmqpName('Exchange', 'the default exchange cannot be tapped; consume its queue instead'), bindingKey: amqpName('Binding key').default('#'), bindingArguments: fieldTable.optional() }),
    'Tap an exchange through a temporary exclusive queue bound with a key',
  ),
  'consumers.list': op<ConsumerInfo[]>()(z.object({}).strict(), 'The consumers Warren attached'),
  'consumers.pause': op<ConsumerInfo>()(consumerId, 'Pause a consumer (basic.cancel; unacked stay unacked)'),
  'consumers.resume': op<ConsumerInfo>()(consumerId, 'Resume a paused or crashed consumer'),
  'consumers.detach': op<ConsumerInfo>()(consumerId, 'Detach a consumer (unacked go back to the queue; a tap queue is deleted)'),
  'consumers.crash': op<ConsumerInfo>()(consumerId, 'Close the consumer’s channel with its messages unacked'),
  'consumers.settle': op<{ settled: number; missing: number }>()(
    consumerId.extend({
      ids: z.array(z.number().int().min(1)).max(100_000).optional(),
      /** Every unacked message of the consumer. */
      all: z.boolean().default(false),
      action: z.enum(['ack', 'nack', 'reject']),
      requeue: z.boolean().default(false),
    }),
    'Ack, nack or reject deliveries by id',
  ),
  'consumers.messages': op<{ messages: ReceivedMessage[]; dropped: number }>()(
    consumerId.extend({ limit: z.number().int().min(1).max(10_000).default(500) }),
    'The newest kept messages of a consumer (previews), newest last',
  ),
  'consumers.message': op<ReceivedMessage>()(consumerId.extend({ id: z.number().int().min(1) }), 'One kept message with its whole body'),
  'consumers.clear': op<ConsumerInfo>()(consumerId, 'Forget the kept messages of a consumer (settled ones only)'),

  'messaging.peek': op<ReceivedMessage[]>()(
    z.object({ queue: requiredAmqpName('Queue name'), count: z.number().int().min(1).max(100).default(10) }),
    'Look at messages through the management API (get with requeue: they come back redelivered)',
  ),
  'messaging.get': op<ReceivedMessage[]>()(
    z.object({
      queue: requiredAmqpName('Queue name'),
      count: z.number().int().min(1, 'get at least 1 message').max(100, 'get at most 100 messages at a time').default(1),
      ackMode: z.enum(GET_ACK_MODES),
      encoding: z.enum(GET_ENCODINGS).default('auto'),
    }),
    'Get messages through the management API: requeue them, ack them (removed) or reject them without requeue',
  ),
} as const;

export const messagingEvents = {
  /** New deliveries, batched: at most one update per UPDATE_MS, arrays of previews per consumer. */
  'consumers.deliveries': streamEvent<DeliveryBatch[]>(),
  /** Deliveries whose state changed (acked, nacked, requeued by a crash …). */
  'consumers.settled': streamEvent<SettleChange[]>(),
  'consumers.state': stateEvent<ConsumerInfo[]>(),
  'messaging.repeatProgress': streamEvent<RepeatProgress>(),
} as const;
