/**
 * Where one message goes and whether it is taken at all: the filter, and for a replay the
 * exchange and routing key of its newest death. Pure, so the rules are unit-tested.
 */
import type { GetMessage, Options } from 'amqplib';
import type { MoveDestination, MoveFilter } from '../../../shared/move/types';
import { readXDeath } from '../../../shared/messaging/x-death';
import { decodeTable } from '../messaging/codec';

export type Route = { exchange: string; routingKey: string } | { skip: string };

export function matches(filter: MoveFilter, message: Pick<GetMessage, 'content' | 'properties'>): boolean {
  if (filter.header) {
    const value = (message.properties.headers as Record<string, unknown> | undefined)?.[filter.header.key];
    const text = Buffer.isBuffer(value) ? value.toString('utf8') : value === undefined || value === null ? undefined : String(value);
    if (text !== filter.header.value) return false;
  }
  if (filter.bodyContains !== undefined && !message.content.includes(filter.bodyContains)) return false;
  return true;
}

export function routeOf(destination: MoveDestination, message: Pick<GetMessage, 'properties'>): Route {
  if (destination.kind === 'queue') return { exchange: '', routingKey: destination.queue };
  if (destination.kind === 'exchange') return { exchange: destination.exchange, routingKey: destination.routingKey };
  const newest = readXDeath(decodeTable(message.properties.headers as Record<string, unknown> | undefined))?.[0];
  if (!newest) return { skip: 'it was never dead-lettered (no x-death header)' };
  return { exchange: newest.exchange, routingKey: newest.routingKeys[0] ?? '' };
}

/**
 * The message's own properties, to publish it again unchanged. A user-id the broker would refuse
 * (it must equal the publishing connection's user) is left out rather than failing the run.
 */
export function republishOptions(properties: GetMessage['properties'], connectionUser: string | undefined): Options.Publish {
  const { contentType, contentEncoding, headers, deliveryMode, priority, correlationId, replyTo, expiration, messageId, timestamp, type, userId, appId } = properties;
  const options: Options.Publish = { mandatory: true };
  const set = <K extends keyof Options.Publish>(key: K, value: Options.Publish[K] | undefined) => {
    if (value !== undefined && value !== null) options[key] = value;
  };
  set('contentType', contentType as string | undefined);
  set('contentEncoding', contentEncoding as string | undefined);
  set('headers', headers as Record<string, unknown> | undefined);
  set('deliveryMode', deliveryMode as number | undefined);
  set('priority', priority as number | undefined);
  set('correlationId', correlationId as string | undefined);
  set('replyTo', replyTo as string | undefined);
  set('expiration', expiration as string | undefined);
  set('messageId', messageId as string | undefined);
  set('timestamp', timestamp as number | undefined);
  set('type', type as string | undefined);
  set('appId', appId as string | undefined);
  if (userId !== undefined && userId === connectionUser) options.userId = userId as string;
  return options;
}
