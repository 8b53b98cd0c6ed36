/**
 * Declaring exchanges and queues over AMQP (one command each, so nothing is half-created), with
 * every argument checked before the broker sees it, and a 406 explained as existing vs requested
 * settings read from the management API.
 */
import type { z } from 'zod';
import type { declareExchangeInput, declareQueueInput } from '../../../shared/topology/contract';
import { warrenError, type WarrenError } from '../../../shared/errors';
import { checkKnownArgs, formatArgValue, parseTypedArgs } from '../../../shared/topology/arguments';
import type { DeclareResult } from '../../../shared/topology/types';
import type { AmqpSession } from '../broker/session';
import { WarrenFailure, fail } from '../errors';
import { vhostPath, type ManagementClient } from '../broker/management';
import { refusal } from './refusals';

type ExchangeInput = z.output<typeof declareExchangeInput>;
type QueueInput = z.output<typeof declareQueueInput>;

/** The arguments a queue declare sends: the form's named options, then the free-form ones. */
export function queueArguments(input: QueueInput): Record<string, unknown> {
  const parsed = parseTypedArgs(input.arguments);
  if (!parsed.ok) throw new WarrenFailure(parsed.error);
  const named: Record<string, unknown> = {};
  if (input.type !== 'classic') named['x-queue-type'] = input.type;
  if (input.messageTtl !== undefined) named['x-message-ttl'] = input.messageTtl;
  if (input.expires !== undefined) named['x-expires'] = input.expires;
  if (input.maxLength !== undefined) named['x-max-length'] = input.maxLength;
  if (input.maxLengthBytes !== undefined) named['x-max-length-bytes'] = input.maxLengthBytes;
  if (input.overflow !== undefined) named['x-overflow'] = input.overflow;
  if (input.deadLetterExchange !== undefined && input.deadLetterExchange !== '') named['x-dead-letter-exchange'] = input.deadLetterExchange;
  if (input.deadLetterRoutingKey !== undefined && input.deadLetterRoutingKey !== '') named['x-dead-letter-routing-key'] = input.deadLetterRoutingKey;
  if (input.singleActiveConsumer) named['x-single-active-consumer'] = true;
  if (input.lazy) named['x-queue-mode'] = 'lazy';
  if (input.maxPriority !== undefined) named['x-max-priority'] = input.maxPriority;
  if (input.initialGroupSize !== undefined) named['x-quorum-initial-group-size'] = input.initialGroupSize;
  if (input.deliveryLimit !== undefined) named['x-delivery-limit'] = input.deliveryLimit;
  if (input.deadLetterStrategy !== undefined) named['x-dead-letter-strategy'] = input.deadLetterStrategy;
  if (input.maxAge !== undefined) named['x-max-age'] = input.maxAge;
  if (input.streamMaxSegmentSizeBytes !== undefined) named['x-stream-max-segment-size-bytes'] = input.streamMaxSegmentSizeBytes;
  for (const key of Object.keys(named)) {
    if (Object.hasOwn(parsed.value, key)) {
      fail('BAD_INPUT', `${key} is set both by the form and as a free-form argument`, { field: `arguments.${key}`, hint: 'Remove the free-form one.' });
    }
  }
  const args = { ...named, ...parsed.value };
  const problem = checkKnownArgs(args);
  if (problem) throw new WarrenFailure(problem);
  if (input.type !== 'classic' && (!input.durable || input.exclusive || input.autoDelete)) {
    fail('BAD_INPUT', `A ${input.type} queue must be durable, not exclusive and not auto-delete`, {
      field: 'type',
      hint: 'Tick durable and untick exclusive and auto-delete, or choose a classic queue.',
    });
  }
  return args;
}

export function exchangeArguments(input: ExchangeInput): Record<string, unknown> {
  const parsed = parseTypedArgs(input.arguments);
  if (!parsed.ok) throw new WarrenFailure(parsed.error);
  const args = { ...parsed.value };
  if (input.alternateExchange) args['alternate-exchange'] = input.alternateExchange;
  const problem = checkKnownArgs(args);
  if (problem) throw new WarrenFailure(problem);
  return args;
}

export async function declareQueue(session: AmqpSession, management: ManagementClient | undefined, vhost: string, input: QueueInput): Promise<DeclareResult> {
  const args = queueArguments(input);
  try {
    const reply = await session.withChannel((ch) =>
      ch.assertQueue(input.name, { durable: input.durable, exclusive: input.exclusive, autoDelete: input.autoDelete, arguments: args }),
    );
    return { kind: 'queue', name: reply.queue, vhost, messageCount: reply.messageCount, consumerCount: reply.consumerCount };
  } catch (err) {
    const error = refusal(err, 'declare-queue', input.name);
    if (error.code === 'PRECONDITION_FAILED' && /inequivalent arg/.test(error.message)) {
      throw new WarrenFailure(
        await explainInequivalent(management, 'queue', vhost, input.name, {
          type: input.type,
          durable: input.durable,
          exclusive: input.exclusive,
          auto_delete: input.autoDelete,
          arguments: args,
        }, error),
      );
    }
    throw new WarrenFailure(error);
  }
}

export async function declareExchange(session: AmqpSession, management: ManagementClient | undefined, vhost: string, input: ExchangeInput): Promise<DeclareResult> {
  const args = exchangeArguments(input);
  try {
    await session.withChannel((ch) =>
      ch.assertExchange(input.name, input.type, { durable: input.durable, autoDelete: input.autoDelete, internal: input.internal, arguments: args }),
    );
    return { kind: 'exchange', name: input.name, vhost };
  } catch (err) {
    const error = refusal(err, 'declare-exchange', input.name);
    if (error.code === 'PRECONDITION_FAILED' && /inequivalent arg/.test(error.message)) {
      throw new WarrenFailure(
        await explainInequivalent(management, 'exchange', vhost, input.name, {
          type: input.type,
          durable: input.durable,
          auto_delete: input.autoDelete,
          internal: input.internal,
          arguments: args,
        }, error),
      );
    }
    if (error.code === 'COMMAND_INVALID' || /unknown exchange type|invalid exchange type/i.test(error.message)) {
      throw new WarrenFailure({ ...error, field: 'type', hint: 'Pick one of the exchange types the broker lists (plugin types need their plugin enabled).' });
    }
    throw new WarrenFailure(error);
  }
}

interface Settings {
  type: string;
  durable: boolean;
  auto_delete: boolean;
  exclusive?: boolean;
  internal?: boolean;
  arguments: Record<string, unknown>;
}

/** Reads the existing object and lists every setting that differs: "x-message-ttl: existing 60000, requested 30000". */
export async function explainInequivalent(
  management: ManagementClient | undefined,
  kind: 'queue' | 'exchange',
  vhost: string,
  name: string,
  requested: Settings,
  brokerError: WarrenError,
): Promise<WarrenError> {
  let existing: (Settings & { messages?: number }) | undefined;
  try {
    if (management) {
      const columns = kind === 'queue' ? 'type,durable,auto_delete,exclusive,arguments,messages' : 'type,durable,auto_delete,internal,arguments';
      existing = await management.get<Settings & { messages?: number }>(`/${kind}s/${vhostPath(vhost)}/${encodeURIComponent(name)}`, { columns });
    }
  } catch {
    // Fall back to the broker's own sentence, which names one differing setting.
  }
  if (!existing) {
    return { ...brokerError, message: `${cap(kind)} '${name}' already exists with different settings: ${brokerError.message}` };
  }
  const differences: string[] = [];
  const compare = (label: string, have: unknown, want: unknown) => {
    if (JSON.stringify(have ?? null) !== JSON.stringify(want ?? null)) {
      differences.push(`${label}: existing ${have === undefined ? 'none' : formatArgValue(have)}, requested ${want === undefined ? 'none' : formatArgValue(want)}`);
    }
  };
  compare('type', existing.type ?? (kind === 'queue' ? 'classic' : undefined), requested.type);
  compare('durable', existing.durable, requested.durable);
  compare('auto-delete', existing.auto_delete, requested.auto_delete);
  if (kind === 'queue') compare('exclusive', existing.exclusive, requested.exclusive);
  else compare('internal', existing.internal, requested.internal);
  const have = existing.arguments ?? {};
  const keys = [...new Set([...Object.keys(have), ...Object.keys(requested.arguments)])].filter((k) => k !== 'x-queue-type').sort();
  for (const key of keys) compare(key, have[key], requested.arguments[key]);
  const lost = kind === 'queue' && existing.messages ? ` (its ${existing.messages} message${existing.messages === 1 ? '' : 's'} would be lost)` : '';
  return warrenError('PRECONDITION_FAILED', `${cap(kind)} '${name}' already exists with different settings — ${differences.join('; ') || brokerError.message}`, {
    status: 406,
    field: 'name',
    hint: `Declare it with the existing settings, or delete '${name}'${lost} and declare it again.`,
  });
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
