/** Binding and unbinding queues and exchanges: one AMQP command each, refusals in the user's terms. */
import type { z } from 'zod';
import type { bindInput } from '../../../shared/topology/contract';
import { parseTypedArgs } from '../../../shared/topology/arguments';
import type { BindResult } from '../../../shared/topology/types';
import type { AmqpSession } from '../broker/session';
import { WarrenFailure, fail } from '../errors';
import { vhostPath, type ManagementClient } from '../broker/management';
import { refusal } from './refusals';

type BindInput = z.output<typeof bindInput>;

export function bindingArguments(input: BindInput): Record<string, unknown> {
  const parsed = parseTypedArgs(input.arguments);
  if (!parsed.ok) throw new WarrenFailure(parsed.error);
  if (input.xMatch !== undefined) {
    if (Object.hasOwn(parsed.value, 'x-match')) {
      fail('BAD_INPUT', 'x-match is set both by the form and as an argument', { field: 'arguments.x-match', hint: 'Remove the argument row.' });
    }
    return { 'x-match': input.xMatch, ...parsed.value };
  }
  return parsed.value;
}

export async function bind(session: AmqpSession, vhost: string, input: BindInput): Promise<BindResult> {
  const args = bindingArguments(input);
  try {
    await session.withChannel((ch) =>
      input.destinationType === 'queue'
        ? ch.bindQueue(input.destination, input.source, input.routingKey, args)
        : ch.bindExchange(input.destination, input.source, input.routingKey, args),
    );
  } catch (err) {
    throw new WarrenFailure(refusal(err, 'bind', input.source));
  }
  return bindResult(input, args, vhost);
}

/**
 * With the management API's properties key (from a table row) the exact binding is removed,
 * whatever its arguments; otherwise the AMQP unbind with the given key and arguments.
 */
export async function unbind(
  session: AmqpSession,
  management: ManagementClient | undefined,
  vhost: string,
  input: BindInput & { propertiesKey?: string },
): Promise<BindResult> {
  if (input.propertiesKey !== undefined && management) {
    const d = input.destinationType === 'queue' ? 'q' : 'e';
    const path = `/bindings/${vhostPath(vhost)}/e/${encodeURIComponent(input.source)}/${d}/${encodeURIComponent(input.destination)}/${encodeURIComponent(input.propertiesKey)}`;
    try {
      await management.delete(path);
    } catch (err) {
      const error = refusal(err, 'unbind', input.source);
      if (error.code === 'NOT_FOUND') {
        throw new WarrenFailure({ ...error, message: `The binding from ${input.source} to ${input.destination} no longer exists`, hint: 'Someone removed it meanwhile; the table will refresh.' });
      }
      throw new WarrenFailure(error);
    }
    return bindResult(input, {}, vhost);
  }
  const args = bindingArguments(input);
  try {
    await session.withChannel((ch) =>
      input.destinationType === 'queue'
        ? ch.unbindQueue(input.destination, input.source, input.routingKey, args)
        : ch.unbindExchange(input.destination, input.source, input.routingKey, args),
    );
  } catch (err) {
    throw new WarrenFailure(refusal(err, 'unbind', input.source));
  }
  return bindResult(input, args, vhost);
}

/** What bind and unbind report back: the binding as asked, in the vhost it was made in. */
function bindResult(input: BindInput, args: BindResult['arguments'], vhost: string): BindResult {
  return { source: input.source, destination: input.destination, destinationType: input.destinationType, routingKey: input.routingKey, arguments: args, vhost };
}
