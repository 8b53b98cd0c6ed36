/**
 * A demo's declare refused by the broker because the object already exists with other settings
 * (406 PRECONDITION_FAILED): typically the tutorial's scripts, or an earlier run with another
 * option, declared it first. Said in the demo's terms — what exists, what the demo declares,
 * what the tutorial declares — with the fix. It carries the WarrenError shape (code, message,
 * hint), so the runner and the CLI pass it on as it is. Pure apart from the Error.
 */
import type { WarrenError } from '../shared/errors';

export class DemoRefusal extends Error implements WarrenError {
  readonly code = 'PRECONDITION_FAILED' as const;
  readonly status = 406;
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }

  /** Crosses the bridge as a plain WarrenError (an Error's message is not enumerable). */
  toJSON(): WarrenError {
    return { code: this.code, message: this.message, hint: this.hint, status: this.status };
  }
}

/** The broker's sentence: inequivalent arg 'durable' for exchange 'order_events' in vhost 'v': received 'false' but current is 'true'. */
const INEQUIVALENT = /inequivalent arg '([^']+)' for (exchange|queue) '([^']*)' in vhost '([^']*)': received '([^']*)' but current is '([^']*)'/;

export interface Inequivalent {
  arg: string;
  kind: 'exchange' | 'queue';
  name: string;
  vhost: string;
  received: string;
  current: string;
}

export function parseInequivalent(message: string): Inequivalent | undefined {
  const m = INEQUIVALENT.exec(message);
  if (!m) return undefined;
  return { arg: m[1]!, kind: m[2] as 'exchange' | 'queue', name: m[3]!, vhost: m[4]!, received: m[5]!, current: m[6]! };
}

/** A 406 from a declare as a DemoRefusal; anything else is returned unchanged. */
export function explainRefusal(err: unknown, displayName: (name: string) => string = (n) => n): unknown {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  if (code !== 406 && !/PRECONDITION[_-]FAILED/.test(message)) return err;
  const found = parseInequivalent(message);
  if (!found) return err;
  const name = displayName(found.name);
  const text =
    `406 PRECONDITION_FAILED: the ${found.kind} ${name} already exists in vhost ${found.vhost} with ${found.arg}=${found.current}; ` +
    `this demo declares it with ${found.arg}=${found.received}. RabbitMQ refuses to redeclare an object with other settings.`;
  const option = found.arg === 'durable' && found.kind === 'exchange' ? ' (or run the demo with the option that matches it, e.g. --durable-exchange)' : '';
  const how =
    found.kind === 'queue'
      ? `rabbitmqctl delete_queue -p ${found.vhost} ${found.name}`
      : `rabbitmqadmin -V ${found.vhost} delete exchange name=${found.name}`;
  const hint =
    `Delete the ${found.kind} ${name} in vhost ${found.vhost} (Warren's Topology page, or ${how}) and run again${option}. ` +
    'Whoever declares first decides its settings: every program must declare it the same way.';
  return new DemoRefusal(text, hint);
}
