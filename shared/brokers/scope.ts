/**
 * Broker-scoped operations: those a page with a broker picker sends. Each takes an optional
 * `broker` (a profile id); without it, or with the main connection's, the main connection answers.
 * The slices declare their inputs as usual; the contract adds the field here, in one place.
 */
import { z } from 'zod';
import { shortText } from '../schemas';
import type { OperationSpec } from '../spec';

const brokerField = { broker: shortText(64).min(1, 'name the broker (a profile id)').optional() };

type BrokerShape = typeof brokerField;

type WithBroker<S> = {
  [K in keyof S]: S[K] extends OperationSpec<z.ZodObject<infer Shape, infer Config>, infer O>
    ? OperationSpec<z.ZodObject<z.core.util.Extend<Shape, BrokerShape>, Config>, O> & { brokerScoped: true }
    : never;
};

/** The slice's operations, each also accepting `broker`. */
export function onAnyBroker<S extends Record<string, OperationSpec<z.ZodObject, unknown>>>(slice: S): WithBroker<S> {
  const scoped: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(slice)) {
    scoped[name] = { ...spec, input: spec.input.safeExtend(brokerField), brokerScoped: true };
  }
  return scoped as WithBroker<S>;
}

/** Whether an operation takes a `broker` (a page's picker adds it only to these). */
export function isBrokerScoped(spec: object): boolean {
  return 'brokerScoped' in spec && spec.brokerScoped === true;
}
