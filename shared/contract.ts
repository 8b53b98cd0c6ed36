/**
 * The one contract between the renderer and the main process: every operation (request →
 * Result) and every event (pushed in batches). Each feature declares its slice in
 * shared/<feature>/contract.ts; this file joins them. Hosts and the dispatcher are generic
 * over it; adding an operation is one entry in a slice, one method in the service and one
 * call in the UI.
 */
import type { z } from 'zod';
import { accessOperations } from './access/contract';
import { moveEvents, moveOperations } from './move/contract';
import { chartsEvents, chartsOperations } from './charts/contract';
import { demoEvents, demoOperations } from './demos/contract';
import { definitionsOperations } from './definitions/contract';
import { policiesOperations } from './policies/contract';
import { connectionsEvents, connectionsOperations } from './connections/contract';
import { overviewOperations } from './overview/contract';
import { messagingEvents, messagingOperations } from './messaging/contract';
import { topologyEvents, topologyOperations } from './topology/contract';
import { streamsOperations } from './streams/contract';
import { brokersEvents, brokersOperations } from './brokers/contract';
import { isBrokerScoped, onAnyBroker } from './brokers/scope';

export type { EventSpec, OperationSpec } from './spec';

export const operations = {
  ...connectionsOperations,
  ...brokersOperations,
  // The pages with a broker picker: each of their operations can name the broker that answers it.
  ...onAnyBroker(overviewOperations),
  ...onAnyBroker(topologyOperations),
  ...onAnyBroker(accessOperations),
  ...onAnyBroker(definitionsOperations),
  ...onAnyBroker(policiesOperations),
  ...messagingOperations,
  ...chartsOperations,
  ...demoOperations,
  ...moveOperations,
  ...streamsOperations,
} as const;

export const events = {
  ...connectionsEvents,
  ...brokersEvents,
  ...topologyEvents,
  ...messagingEvents,
  ...chartsEvents,
  ...demoEvents,
  ...moveEvents,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type InputOf<K extends OperationName> = z.input<Operations[K]['input']>;
export type ParsedInputOf<K extends OperationName> = z.output<Operations[K]['input']>;
export type OutputOf<K extends OperationName> = NonNullable<Operations[K]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = NonNullable<Events[K]['payload']>;
export interface EventMessage<K extends EventName = EventName> {
  event: K;
  payload: EventPayload<K>;
}

/** What the service must implement: one method per operation, taking the parsed input. */
export type ServiceHandlers = HandlersFor<Operations>;

/** Handlers for one slice of the contract (each feature of the service implements its own). */
export type HandlersFor<S extends Record<string, { input: z.ZodType; output?: unknown }>> = {
  [K in keyof S]: (input: z.output<S[K]['input']>) => Promise<NonNullable<S[K]['output']>>;
};

/** The operations that take a `broker` (the pages with a broker picker send them). */
export type BrokerScopedName = { [K in OperationName]: Operations[K] extends { brokerScoped: true } ? K : never }[OperationName];

/** Whether an operation takes a `broker`, naming which of the open brokers answers it. */
export function takesBroker(name: OperationName): boolean {
  return isBrokerScoped(operations[name]);
}

export function isStateEvent(name: EventName): boolean {
  return events[name].kind === 'state';
}

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);
}
