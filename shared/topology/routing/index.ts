// Public surface of the pure AMQP routing matcher used by the route explainer.
export { splitTopicKey, topicMatches } from './topic';
export { amqpValuesEqual, headersMatch, xMatchMode } from './headers';
export type { XMatchMode } from './headers';
export { closestBindingKey, explainRoute } from './explain';
export type {
  BindingInfo,
  ExchangeInfo,
  RouteResult,
  RouteStep,
  Topology,
} from './explain';
