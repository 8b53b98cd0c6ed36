/**
 * The frames one fuzz batch sends, generated from a seed: calls of every operation with inputs
 * from and around its schema, malformed JSON, invalid UTF-8, binary frames, deep nesting,
 * prototype keys, unknown operations, wrong ids, and ids reused across concurrent calls.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { operations, type OperationName } from '../../../shared/contract';
import { MAX_INPUT_DEPTH, inputShapeProblem } from '../../../shared/validation/input-shape';
import { hostileValue, inputArbitraries } from './from-schema';

/** What a frame is expected to get back. */
export type Expect =
  | { kind: 'refused' } // BAD_INPUT or UNKNOWN_OPERATION
  | { kind: 'answered' } // anything well-formed, but never INTERNAL
  | { kind: 'unchecked' }; // a reused id: the answer cannot be told apart

export interface Frame {
  data: string | Buffer;
  binary: boolean;
  /** The id to match the answer by (unique), or undefined when the answer has id -1 or a reused one. */
  id?: number;
  expect: Expect;
  label: string;
}

/**
 * Operations run only with inputs their schema refuses: valid ones would start or kill brokers or
 * demo programs, open connections to arbitrary hosts, drop Warren's connection, publish millions,
 * or change the broker every other test shares (vhosts, users, permissions, policies, definitions,
 * messages moved out of queues).
 */
export const NOT_RUN_WITH_VALID_INPUT: ReadonlySet<OperationName> = new Set<OperationName>([
  'sandbox.start',
  'sandbox.stop',
  'sandbox.setKeepRunning',
  'connection.connect',
  'brokers.open',
  'connection.disconnect',
  'profiles.test',
  'messaging.repeat',
  'demos.run',
  'demos.step',
  'demos.action',
  'demos.failure',
  'demos.setOptions',
  'demos.reset',
  'cluster.start',
  'cluster.stop',
  'cluster.startNode',
  'cluster.stopNode',
  'cluster.killNode',
  'access.vhost.save',
  'access.vhost.delete',
  'access.user.save',
  'access.user.delete',
  'access.permission.set',
  'access.permission.clear',
  'access.topicPermission.set',
  'access.topicPermission.clear',
  'messages.move',
  'definitions.apply',
  'policies.save',
  'policies.delete',
]);

const OPS = Object.keys(operations) as OperationName[];
const arbitraries = new Map(OPS.map((op) => [op, inputArbitraries(operations[op].input as z.ZodType)]));

/** Whether the dispatcher must refuse `input` for `op` (checked here the same way, shape first). */
export function refusedLocally(op: OperationName, input: unknown): boolean {
  if (inputShapeProblem(input)) return true;
  return !(operations[op].input as z.ZodType).safeParse(input ?? {}).success;
}

const opCall = fc.constantFrom(...OPS).chain((op) => {
  const { validish, around } = arbitraries.get(op)!;
  const input = NOT_RUN_WITH_VALID_INPUT.has(op)
    ? around.filter((value) => refusedLocally(op, JSON.parse(JSON.stringify({ value })).value))
    : fc.oneof(validish, around);
  return fc.record({ op: fc.constant(op), input, reuse: fc.integer({ min: 0, max: 9 }) });
});

const malformedJson = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('null', 'true', '1', '"x"', '[]', '{', '{"id":', '{"id":1,"op":"app.info"', '{}', '{"id":1}', '{"id":"1","op":"app.info"}', '{"id":1e400,"op":"app.info"}', '{"id":-1,"op":1}'),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
);

const invalidUtf8 = fc
  .uint8Array({ minLength: 1, maxLength: 32 })
  .map((bytes) => Buffer.concat([Buffer.from('{"id":1,"op":"'), Buffer.from(bytes), Buffer.from([0xe0, 0xa4]), Buffer.from('"}')]));

const deepFrame = fc.integer({ min: MAX_INPUT_DEPTH + 1, max: 5000 }).map((depth) => `{"id":7,"op":"messaging.publish","input":${'['.repeat(depth)}${']'.repeat(depth)}}`);

const protoFrame = fc
  .constantFrom(
    '{"id":%ID%,"op":"topology.declareQueue","input":{"name":"q","__proto__":{"durable":false}}}',
    '{"id":%ID%,"op":"messaging.publish","input":{"exchange":"","routingKey":"k","body":{"mode":"text","data":"x"},"properties":{"headers":[{"key":"__proto__","value":{"t":"string","v":"x"}}]}}}',
    '{"id":%ID%,"op":"topology.declareQueue","input":{"name":"q","arguments":[{"key":"constructor","type":"string","value":"x"}]}}',
    '{"id":%ID%,"op":"charts.watch","input":{"queues":["a"],"constructor":{"prototype":{"x":1}}}}',
    '{"id":%ID%,"op":"queues.check","input":{"queue":"bad\\ud800"}}',
  )
  .map((template) => template);

const unknownOp = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'app.info '));

/** The frames of one batch (deterministic for a seed). */
export function batchFrames(seed: number, calls: number, nextId: () => number): Frame[] {
  const frames: Frame[] = [];
  for (const call of fc.sample(opCall, { seed, numRuns: calls })) {
    const reused = call.reuse === 0;
    const id = reused ? 1 + (frames.length % 5) : nextId();
    const data = JSON.stringify({ id, op: call.op, input: call.input });
    // Judged as the server sees it: JSON turns Infinity into null, drops undefined, keeps __proto__ as a key.
    const refused = refusedLocally(call.op, (JSON.parse(data) as { input?: unknown }).input);
    frames.push({
      data,
      binary: false,
      id: reused ? undefined : id,
      expect: reused ? { kind: 'unchecked' } : refused ? { kind: 'refused' } : { kind: 'answered' },
      label: `${call.op} ${refused ? '(invalid)' : '(valid)'}`,
    });
  }
  const refusedFrame = (data: string | Buffer, label: string, binary = false, id?: number): Frame => ({ data, binary, id, expect: { kind: 'refused' }, label });
  for (const text of fc.sample(malformedJson, { seed: seed + 1, numRuns: calls / 5 })) {
    // Some malformed frames are in fact well-formed calls of unknown shape; they are refused too.
    frames.push(refusedFrame(text, 'malformed JSON'));
  }
  for (const bytes of fc.sample(invalidUtf8, { seed: seed + 2, numRuns: calls / 10 })) frames.push(refusedFrame(bytes, 'invalid UTF-8'));
  for (const bytes of fc.sample(fc.uint8Array({ maxLength: 64 }), { seed: seed + 3, numRuns: calls / 20 })) frames.push(refusedFrame(Buffer.from(bytes), 'binary frame', true));
  for (const text of fc.sample(deepFrame, { seed: seed + 4, numRuns: calls / 20 })) frames.push(refusedFrame(text, 'deep nesting'));
  for (const template of fc.sample(protoFrame, { seed: seed + 5, numRuns: calls / 20 })) {
    const id = nextId();
    frames.push(refusedFrame(template.replace('%ID%', String(id)), 'prototype key / lone surrogate', false, id));
  }
  for (const op of fc.sample(unknownOp, { seed: seed + 6, numRuns: calls / 20 })) {
    const id = nextId();
    frames.push(refusedFrame(JSON.stringify({ id, op, input: {} }), 'unknown operation', false, id));
  }
  const hostileId = hostileValue.filter((v) => !(typeof v === 'number' && Number.isSafeInteger(v)));
  for (const value of fc.sample(hostileId, { seed: seed + 7, numRuns: calls / 20 })) {
    frames.push(refusedFrame(JSON.stringify({ id: value, op: 'app.info' }) ?? 'null', 'hostile id'));
  }
  // Interleave deterministically so kinds arrive mixed, as concurrent calls.
  return fc.sample(fc.shuffledSubarray(frames, { minLength: frames.length, maxLength: frames.length }), { seed: seed + 8, numRuns: 1 })[0]!;
}
