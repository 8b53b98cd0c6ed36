/**
 * Operations of several brokers at once: open a profile's broker beside the main connection, list
 * and close them. Pages scoped to one broker name it in their operations' `broker` field
 * (shared/brokers/scope.ts).
 */
import { empty, idInput } from '../schemas';
import { op, stateEvent } from '../spec';
import type { OpenBroker } from './types';

export const brokersOperations = {
  'brokers.list': op<OpenBroker[]>()(empty, 'The brokers Warren is connected to: the main connection first, then those opened beside it'),
  'brokers.open': op<OpenBroker[]>()(idInput, 'Connect to a profile’s broker beside the main connection (the main connection stays)'),
  'brokers.close': op<OpenBroker[]>()(idInput, 'Close a broker opened beside the main connection'),
} as const;

export const brokersEvents = {
  'brokers.state': stateEvent<OpenBroker[]>(),
} as const;
