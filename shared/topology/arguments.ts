/**
 * Typed arguments as the user enters them (key, type, text) turned into the values AMQP sends,
 * and the checks that refuse bad ones before anything reaches the broker. Pure.
 */
import { invalid, type Checked, type Invalid } from '../errors';

export const ARG_TYPES = ['string', 'number', 'boolean', 'null', 'list'] as const;
export type ArgType = (typeof ARG_TYPES)[number];

export interface TypedArg {
  key: string;
  type: ArgType;
  /** The text the user typed; ignored for 'null'. 'list' is a JSON array. */
  value: string;
}

export type ArgsParse = Checked<Record<string, unknown>>;

/** AMQP names are measured in one place (shared/validation/names.ts); re-exported for the topology feature. */
export { MAX_NAME_BYTES, utf8Length } from '../validation/names';

/** Queue arguments RabbitMQ checks, with the JS type the broker accepts (rabbit_amqqueue:declare_args/0). */
const KNOWN_ARGS: Record<string, { kind: 'non-negative integer' | 'positive integer' | 'string' | 'boolean'; what: string; values?: readonly string[] }> = {
  'x-message-ttl': { kind: 'non-negative integer', what: 'milliseconds a message may wait in the queue' },
  'x-expires': { kind: 'positive integer', what: 'milliseconds an unused queue lives' },
  'x-max-length': { kind: 'non-negative integer', what: 'the most messages the queue holds' },
  'x-max-length-bytes': { kind: 'non-negative integer', what: 'the most message bytes the queue holds' },
  'x-max-priority': { kind: 'non-negative integer', what: 'the highest message priority (1–255)' },
  'x-delivery-limit': { kind: 'non-negative integer', what: 'redeliveries before a quorum queue drops or dead-letters a message' },
  'x-dead-letter-exchange': { kind: 'string', what: 'the exchange rejected or expired messages go to' },
  'x-dead-letter-routing-key': { kind: 'string', what: 'the routing key dead-lettered messages get' },
  'x-overflow': { kind: 'string', what: 'what happens when the queue is full', values: ['drop-head', 'reject-publish', 'reject-publish-dlx'] },
  'x-queue-mode': { kind: 'string', what: 'lazy keeps messages on disk', values: ['default', 'lazy'] },
  'x-queue-type': { kind: 'string', what: 'classic, quorum or stream', values: ['classic', 'quorum', 'stream'] },
  'x-single-active-consumer': { kind: 'boolean', what: 'only one consumer at a time' },
  'alternate-exchange': { kind: 'string', what: 'where unroutable messages go' },
};

/** Turns the user's typed arguments into values; the first problem names its field (arguments.<key>). */
export function parseTypedArgs(args: readonly TypedArg[], fieldPrefix = 'arguments'): ArgsParse {
  const value: Record<string, unknown> = {};
  for (const [index, arg] of args.entries()) {
    const key = arg.key.trim();
    const field = `${fieldPrefix}.${key || index}`;
    if (key === '') {
      if (arg.value.trim() === '') continue; // an empty row of the form
      return bad(field, 'An argument has a value but no name', 'Give it a name (e.g. x-message-ttl) or clear the row.');
    }
    if (Object.hasOwn(value, key)) return bad(field, `Argument ${key} is given twice`, 'Keep one of them.');
    const parsed = parseOne(arg, field);
    if (!parsed.ok) return parsed;
    value[key] = parsed.value;
  }
  return { ok: true, value };
}

function parseOne(arg: TypedArg, field: string): Checked<unknown> {
  const text = arg.value.trim();
  switch (arg.type) {
    case 'string':
      return { ok: true, value: arg.value };
    case 'null':
      return { ok: true, value: null };
    case 'boolean':
      if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' };
      return bad(field, `${arg.key} is typed boolean but "${text}" is neither true nor false`, 'Type true or false, or change its type.');
    case 'number': {
      const n = Number(text);
      if (text === '' || !Number.isFinite(n)) {
        return bad(field, `${arg.key} is typed number but "${text}" is not a number`, 'Type digits (e.g. 60000), or change its type to string.');
      }
      return { ok: true, value: n };
    }
    case 'list': {
      try {
        const parsed: unknown = JSON.parse(text);
        if (Array.isArray(parsed)) return { ok: true, value: parsed };
      } catch {
        // reported below
      }
      return bad(field, `${arg.key} is typed list but is not a JSON array`, 'Write it as a JSON array, e.g. ["a", 1].');
    }
  }
}

/** Refuses values the broker would refuse for the arguments it knows (e.g. a string for x-message-ttl). */
export function checkKnownArgs(args: Record<string, unknown>, fieldPrefix = 'arguments'): Invalid | undefined {
  for (const [key, value] of Object.entries(args)) {
    const known = KNOWN_ARGS[key];
    if (!known) continue;
    const field = `${fieldPrefix}.${key}`;
    const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
    switch (known.kind) {
      case 'non-negative integer':
      case 'positive integer': {
        const min = known.kind === 'positive integer' ? 1 : 0;
        if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
          return invalid(`${key} must be a whole number ${min === 1 ? 'above 0' : 'of 0 or more'} (${known.what}); got ${typeof value === 'number' ? 'a' : 'the ' + typeOf(value)} ${shown}`, {
            field,
            hint: `Type it as a number, e.g. ${key} = 60000.`,
          });
        }
        if (key === 'x-max-priority' && value > 255) {
          return invalid(`x-max-priority must be between 0 and 255; got ${value}`, { field, hint: 'Use 10 or less: each priority level costs memory.' });
        }
        break;
      }
      case 'string':
        if (typeof value !== 'string') {
          return invalid(`${key} must be a string (${known.what}); got the ${typeOf(value)} ${shown}`, { field, hint: `Change its type to string.` });
        }
        if (known.values && !known.values.includes(value)) {
          return invalid(`${key} must be one of ${known.values.join(', ')}; got "${value}"`, { field, hint: `Pick one of ${known.values.join(', ')}.` });
        }
        break;
      case 'boolean':
        if (typeof value !== 'boolean') {
          return invalid(`${key} must be true or false (${known.what}); got the ${typeOf(value)} ${shown}`, { field, hint: 'Change its type to boolean.' });
        }
        break;
    }
  }
  return undefined;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value;
}

function bad(field: string, message: string, hint: string): { ok: false; error: Invalid } {
  return { ok: false, error: invalid(message, { field, hint }) };
}

/**
 * The management API shows an AMQP void value (amqplib's null) as the string "undefined"
 * (rabbit_mgmt_format formats the Erlang atom `undefined`); turn it back into null so headers
 * matching sees a presence-only argument. A genuine string "undefined" is indistinguishable.
 */
export function voidArgsFromManagement(args: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args ?? {})) out[key] = value === 'undefined' ? null : value;
  return out;
}

/** "x-message-ttl = 60000, durable = true" — for messages that compare settings. */
export function formatArgValue(value: unknown): string {
  if (value === null) return 'void';
  if (typeof value === 'string') return `"${value}"`;
  return JSON.stringify(value) ?? String(value);
}
