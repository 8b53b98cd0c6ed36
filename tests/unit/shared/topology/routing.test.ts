import { describe, it, expect } from 'vitest';
import {
  amqpValuesEqual,
  closestBindingKey,
  explainRoute,
  headersMatch,
  splitTopicKey,
  topicMatches,
  xMatchMode,
} from '../../../../shared/topology/routing';
import type { BindingInfo, Topology } from '../../../../shared/topology/routing';

// [pattern, routing key, expected] — semantics of RabbitMQ 3.10's
// rabbit_exchange_type_topic.erl (split_topic_key/1 + trie_match/4).
const TOPIC_CASES: [string, string, boolean][] = [
  // RabbitMQ tutorial 5 (topic_logs) bindings against its emitted keys.
  ['*.error', 'kernel.error', true],
  ['*.error', 'auth.info', false],
  ['*.error', 'payment.error', true],
  ['kernel.*', 'kernel.error', true],
  ['kernel.*', 'auth.info', false],
  ['kernel.*', 'payment.error', false],
  ['#', 'kernel.error', true],
  ['#', 'auth.info', true],
  ['#', 'payment.error', true],
  // Tutorial 5's animal examples.
  ['*.orange.*', 'quick.orange.rabbit', true],
  ['*.*.rabbit', 'quick.orange.rabbit', true],
  ['lazy.#', 'lazy.orange.elephant', true],
  ['*.orange.*', 'quick.orange.fox', true],
  ['lazy.#', 'lazy.brown.fox', true],
  ['*.*.rabbit', 'lazy.pink.rabbit', true],
  ['lazy.#', 'lazy.pink.rabbit', true],
  ['*.orange.*', 'quick.brown.fox', false],
  ['*.*.rabbit', 'quick.brown.fox', false],
  ['lazy.#', 'quick.brown.fox', false],
  ['*.orange.*', 'orange', false],
  ['*.orange.*', 'quick.orange.male.rabbit', false],
  ['*.*.rabbit', 'quick.orange.male.rabbit', false],
  ['lazy.#', 'lazy.orange.male.rabbit', true],
  ['*.*.rabbit', 'lazy.orange.male.rabbit', false],
  // Literal patterns.
  ['a', 'a', true],
  ['a', 'b', false],
  ['a.b.c', 'a.b.c', true],
  ['a.b.c', 'a.b', false],
  ['a.b', 'a.b.c', false],
  ['a.b.c', 'a.b.d', false],
  ['A', 'a', false],
  ['a*', 'ab', false],
  ['a*', 'a*', true],
  ['a#', 'abc', false],
  ['#a', '#a', true],
  // The empty routing key is ZERO words (split_topic_key(<<>>) -> []).
  ['', '', true],
  ['#', '', true],
  ['#.#', '', true],
  ['*', '', false],
  ['', 'a', false],
  ['a', '', false],
  ['#.a', '', false],
  ['*.#', '', false],
  // Empty words are real words.
  ['*', '.', false],
  ['*.*', '.', true],
  ['.', '.', true],
  ['', '.', false],
  ['#', '.', true],
  ['a..b', 'a..b', true],
  ['a.*.b', 'a..b', true],
  ['a.b', 'a..b', false],
  ['a.#.b', 'a..b', true],
  ['a.*', 'a.', true],
  ['a', 'a.', false],
  ['a.', 'a', false],
  ['a.', 'a.', true],
  ['*.a', '.a', true],
  ['#.', 'a.', true],
  ['#.', '', false],
  ['#.', '.', true],
  ['*', 'a', true],
  ['*', 'a.b', false],
  // '#' matches zero or more words, anywhere.
  ['a.#', 'a', true],
  ['a.#', 'a.b', true],
  ['a.#', 'a.b.c', true],
  ['a.#', 'b.a', false],
  ['#.a', 'a', true],
  ['#.a', 'x.y.a', true],
  ['#.a', 'a.x', false],
  ['a.#.b', 'a.b', true],
  ['a.#.b', 'a.x.b', true],
  ['a.#.b', 'a.x.y.b', true],
  ['a.#.b', 'a.b.c', false],
  ['a.#.b', 'a.b.b', true],
  ['a.#.b', 'b.a.b', false],
  ['#.#', 'a', true],
  ['#.#', 'a.b.c', true],
  ['#.#.#', 'a.b', true],
  ['a.#.#', 'a', true],
  ['#.a.#', 'a', true],
  ['#.a.#', 'x.a.y', true],
  ['#.a.#', 'x.b.y', false],
  ['*.#', 'a', true],
  ['*.#', 'a.b.c', true],
  ['#.*', 'a', true],
  ['#.*.*', 'a', false],
  ['#.*.*', 'a.b', true],
  ['*.*.#', 'a', false],
  ['*.#.*', 'a.b', true],
  ['*.#.*', 'a', false],
  ['#.b.#.d', 'a.b.c.d', true],
  ['#.b.#.d', 'a.b.c.d.e', false],
  ['#.x.#', 'a.b.c', false],
  // Wildcards in the routing key are plain words: only the pattern's count.
  ['a', '*', false],
  ['a.b', '#', false],
  ['*', '#', true],
  ['#', '*.#', true],
];

describe('splitTopicKey', () => {
  it('splits like rabbit_exchange_type_topic:split_topic_key/1', () => {
    expect(splitTopicKey('')).toEqual([]);
    expect(splitTopicKey('a')).toEqual(['a']);
    expect(splitTopicKey('.')).toEqual(['', '']);
    expect(splitTopicKey('a..b')).toEqual(['a', '', 'b']);
    expect(splitTopicKey('a.')).toEqual(['a', '']);
  });
});

describe('topicMatches', () => {
  it('has a table of at least 70 cases', () => {
    expect(TOPIC_CASES.length).toBeGreaterThanOrEqual(70);
  });

  it.each(TOPIC_CASES)('pattern %j vs key %j -> %s', (pattern, key, expected) => {
    expect(topicMatches(pattern, key)).toBe(expected);
  });

  it('stays polynomial on pathological # patterns', () => {
    const pattern = '#.#.#.#.#.#.#.#.#.#.#.#.z';
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    expect(topicMatches(pattern, words.join('.'))).toBe(false);
    expect(topicMatches(pattern, [...words, 'z'].join('.'))).toBe(true);
    expect(topicMatches('#.#.#.#.#.#.#.#.#.#.#.#', words.join('.'))).toBe(true);
  });
});

// [description, binding args, headers, expected]
const HEADERS_CASES: [string, Record<string, unknown>, Record<string, unknown>, boolean][] = [
  // x-match all (also the default)
  ['all: every arg matches', { 'x-match': 'all', a: 1, b: 'x' }, { a: 1, b: 'x' }, true],
  ['all: extra headers are fine', { 'x-match': 'all', a: 1 }, { a: 1, c: true }, true],
  ['all: one value differs', { 'x-match': 'all', a: 1, b: 'x' }, { a: 1, b: 'y' }, false],
  ['all: one key missing', { 'x-match': 'all', a: 1, b: 'x' }, { a: 1 }, false],
  ['all: no headers at all', { 'x-match': 'all', a: 1 }, {}, false],
  ['default is all (match)', { a: 1, b: 2 }, { a: 1, b: 2 }, true],
  ['default is all (miss)', { a: 1, b: 2 }, { a: 1 }, false],
  ['all: nothing to compare matches everything', { 'x-match': 'all' }, {}, true],
  ['empty args match everything', {}, { a: 1 }, true],
  ['all: x- args are ignored', { 'x-match': 'all', 'x-foo': 'bar', a: 1 }, { a: 1 }, true],
  ['all: only x- args -> matches', { 'x-match': 'all', 'x-foo': 'bar' }, {}, true],
  ['all: x- headers are irrelevant', { a: 1 }, { a: 1, 'x-foo': 'baz' }, true],
  ['invalid x-match falls back to all', { 'x-match': 'most', a: 1, b: 2 }, { a: 1 }, false],
  ['non-string x-match falls back to all', { 'x-match': 1, a: 1 }, { a: 1 }, true],
  ['x-match is case-sensitive', { 'x-match': 'ANY', a: 1, b: 2 }, { a: 1 }, false],
  // x-match any
  ['any: one of two matches', { 'x-match': 'any', a: 1, b: 2 }, { a: 1, b: 3 }, true],
  ['any: none match', { 'x-match': 'any', a: 1, b: 2 }, { a: 2, b: 3 }, false],
  ['any: key present with wrong value', { 'x-match': 'any', a: 1 }, { a: 2 }, false],
  ['any: no headers', { 'x-match': 'any', a: 1 }, {}, false],
  ['any: nothing to compare matches nothing', { 'x-match': 'any' }, { a: 1 }, false],
  ['any: x- args ignored even if they match', { 'x-match': 'any', 'x-k': 'v' }, { 'x-k': 'v' }, false],
  ['any: x- arg ignored, plain arg matches', { 'x-match': 'any', 'x-k': 'v', a: 1 }, { a: 1 }, true],
  // x-match all-with-x
  ['all-with-x: x- arg compared and matches', { 'x-match': 'all-with-x', 'x-k': 'v', a: 1 }, { 'x-k': 'v', a: 1 }, true],
  ['all-with-x: x- arg missing', { 'x-match': 'all-with-x', 'x-k': 'v', a: 1 }, { a: 1 }, false],
  ['all-with-x: x- arg differs', { 'x-match': 'all-with-x', 'x-k': 'v' }, { 'x-k': 'w' }, false],
  ['all-with-x: x-match itself is never compared', { 'x-match': 'all-with-x', a: 1 }, { a: 1 }, true],
  ['all-with-x: nothing to compare matches everything', { 'x-match': 'all-with-x' }, {}, true],
  // x-match any-with-x
  ['any-with-x: only the x- arg matches', { 'x-match': 'any-with-x', 'x-k': 'v', a: 1 }, { 'x-k': 'v', a: 2 }, true],
  ['any-with-x: nothing matches', { 'x-match': 'any-with-x', 'x-k': 'v', a: 1 }, { 'x-k': 'w' }, false],
  ['any-with-x: nothing to compare matches nothing', { 'x-match': 'any-with-x' }, { 'x-match': 'any-with-x' }, false],
  ['any-with-x: x-match header is not a match', { 'x-match': 'any-with-x' , b: 1 }, { 'x-match': 'any-with-x' }, false],
  // void (null) args: presence only
  ['all: void arg needs presence only', { a: null }, { a: 'anything' }, true],
  ['all: void arg with absent header', { a: null }, { b: 1 }, false],
  ['all: void arg with void header', { a: null }, { a: null }, true],
  ['any: void arg present', { 'x-match': 'any', a: null, b: 1 }, { a: 0 }, true],
  ['any: void arg absent', { 'x-match': 'any', a: null }, {}, false],
  ['all-with-x: void x- arg present', { 'x-match': 'all-with-x', 'x-a': null }, { 'x-a': [1] }, true],
  ['void header does not equal a value', { a: 1 }, { a: null }, false],
  // undefined is absent (amqplib drops undefined table entries)
  ['undefined arg is not required', { a: undefined, b: 1 }, { b: 1 }, true],
  ['undefined header is absent', { a: null }, { a: undefined }, false],
  ['any: only undefined args matches nothing', { 'x-match': 'any', a: undefined }, { a: 1 }, false],
  // value comparison
  ['number vs numeric string differs', { a: 1 }, { a: '1' }, false],
  ['string vs number differs', { a: '1' }, { a: 1 }, false],
  ['boolean vs number differs', { a: true }, { a: 1 }, false],
  ['booleans compare', { a: false }, { a: false }, true],
  ['float equal to integer value', { a: 1.0 }, { a: 1 }, true],
  ['bigint equals number by value', { a: 5n }, { a: 5 }, true],
  ['bigint differs from number', { a: 5n }, { a: 6 }, false],
  ['strings are case-sensitive', { a: 'X' }, { a: 'x' }, false],
  ['arrays compare deeply', { a: [1, 'two', [3]] }, { a: [1, 'two', [3]] }, true],
  ['arrays are ordered', { a: [1, 2] }, { a: [2, 1] }, false],
  ['arrays differ in length', { a: [1, 2] }, { a: [1, 2, 3] }, false],
  ['array vs scalar', { a: [1] }, { a: 1 }, false],
  ['nested tables compare deeply', { a: { x: 1, y: { z: [true] } } }, { a: { y: { z: [true] }, x: 1 } }, true],
  ['nested tables differ', { a: { x: 1 } }, { a: { x: 1, y: 2 } }, false],
  ['byte arrays compare by content', { a: new Uint8Array([1, 2]) }, { a: new Uint8Array([1, 2]) }, true],
  ['byte arrays differ', { a: new Uint8Array([1, 2]) }, { a: new Uint8Array([1, 3]) }, false],
  ['header keys are case-sensitive', { A: 1 }, { a: 1 }, false],
];

describe('headersMatch', () => {
  it.each(HEADERS_CASES)('%s', (_description, args, headers, expected) => {
    expect(headersMatch(args, headers)).toBe(expected);
  });

  it('reads the x-match mode', () => {
    expect(xMatchMode({})).toBe('all');
    expect(xMatchMode({ 'x-match': 'any' })).toBe('any');
    expect(xMatchMode({ 'x-match': 'any-with-x' })).toBe('any-with-x');
    expect(xMatchMode({ 'x-match': 'bogus' })).toBe('all');
  });

  it('compares values like the broker', () => {
    expect(amqpValuesEqual(1, 1.0)).toBe(true);
    expect(amqpValuesEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(amqpValuesEqual(null, null)).toBe(true);
    expect(amqpValuesEqual(null, {})).toBe(false);
    expect(amqpValuesEqual([], {})).toBe(false);
  });
});

// ---------------------------------------------------------------------------
// explainRoute

function qb(source: string, destination: string, routingKey = '', args: Record<string, unknown> = {}): BindingInfo {
  return { source, destination, destinationType: 'queue', routingKey, arguments: args };
}

function xb(source: string, destination: string, routingKey = '', args: Record<string, unknown> = {}): BindingInfo {
  return { source, destination, destinationType: 'exchange', routingKey, arguments: args };
}

function queueNames(result: { queues: { queue: string }[] }): string[] {
  return result.queues.map((q) => q.queue).sort();
}

const TOPOLOGY: Topology = {
  exchanges: [
    { name: '', type: 'direct' },
    { name: 'amq.direct', type: 'direct' },
    { name: 'direct_logs', type: 'direct' },
    { name: 'logs', type: 'fanout' },
    { name: 'empty_fanout', type: 'fanout' },
    { name: 'topic_logs', type: 'topic' },
    { name: 'all_logs', type: 'topic' },
    { name: 'hdrs', type: 'headers' },
    { name: 'hashed', type: 'x-consistent-hash' },
    { name: 'internal_x', type: 'fanout', internal: true },
    { name: 'front', type: 'direct', alternateExchange: 'unrouted' },
    { name: 'unrouted', type: 'fanout' },
    { name: 'ae_dead', type: 'direct', alternateExchange: 'ae_empty' },
    { name: 'ae_empty', type: 'fanout' },
    { name: 'ae_missing', type: 'direct', alternateExchange: 'nope' },
    { name: 'chain1', type: 'topic' },
    { name: 'chain2', type: 'direct' },
    { name: 'chain3', type: 'fanout' },
    { name: 'cycle_a', type: 'fanout' },
    { name: 'cycle_b', type: 'fanout' },
    { name: 'loop_only_a', type: 'fanout' },
    { name: 'loop_only_b', type: 'fanout' },
    { name: 'to_internal', type: 'fanout' },
    { name: 'fwd_empty', type: 'direct', alternateExchange: 'unrouted' },
    { name: 'to_hashed', type: 'fanout' },
  ],
  queues: [
    'q1', 'q2', 'q3', 'errors', 'warnings', 'hq_all', 'hq_any', 'unrouted_q',
    'chain_q', 'cycle_q', 'internal_q', 'fanout_q1', 'fanout_q2',
  ].map((name) => ({ name })),
  bindings: [
    // Implicit default-exchange bindings, as the management API lists them.
    qb('', 'q1', 'q1'),
    qb('', 'q2', 'q2'),
    qb('direct_logs', 'errors', 'error'),
    qb('direct_logs', 'warnings', 'warning'),
    qb('direct_logs', 'q3', 'error'),
    qb('logs', 'fanout_q1'),
    qb('logs', 'fanout_q2', 'ignored'),
    qb('topic_logs', 'q1', '*.error'),
    qb('topic_logs', 'q2', 'kernel.*'),
    qb('all_logs', 'q1', '*.error'),
    qb('all_logs', 'q2', 'kernel.*'),
    qb('all_logs', 'q3', '#'),
    qb('hdrs', 'hq_all', '', { 'x-match': 'all', format: 'pdf', type: 'report' }),
    qb('hdrs', 'hq_any', 'routing key is ignored', { 'x-match': 'any', format: 'zip', type: 'log' }),
    qb('hashed', 'q1', '1'),
    qb('internal_x', 'internal_q'),
    qb('front', 'q1', 'known'),
    qb('unrouted', 'unrouted_q'),
    xb('chain1', 'chain2', 'orders.#'),
    xb('chain2', 'chain3', 'orders.eu.new'),
    qb('chain2', 'q1', 'orders.us.new'),
    qb('chain3', 'chain_q'),
    qb('chain1', 'chain_q', '#.new'),
    xb('cycle_a', 'cycle_b'),
    xb('cycle_b', 'cycle_a'),
    qb('cycle_b', 'cycle_q'),
    xb('loop_only_a', 'loop_only_b'),
    xb('loop_only_b', 'loop_only_a'),
    xb('to_internal', 'internal_x'),
    xb('fwd_empty', 'empty_fanout', 'go'),
    xb('to_hashed', 'hashed'),
  ],
};

describe('explainRoute', () => {
  it('default exchange delivers to the queue named by the routing key', () => {
    const r = explainRoute(TOPOLOGY, '', 'q2');
    expect(r.unroutable).toBe(false);
    expect(r.queues).toEqual([{ queue: 'q2', path: [{ exchange: '', via: 'default-exchange' }] }]);
    expect(r.reasons).toEqual([]);
  });

  it('default exchange works for queues without listed bindings', () => {
    expect(queueNames(explainRoute(TOPOLOGY, '', 'errors'))).toEqual(['errors']);
  });

  it('default exchange with no such queue is unroutable', () => {
    const r = explainRoute(TOPOLOGY, '', 'q9');
    expect(r.unroutable).toBe(true);
    expect(r.queues).toEqual([]);
    expect(r.reasons[0]).toContain("no queue named 'q9'");
  });

  it('direct: exact key equality, all matching bindings', () => {
    const r = explainRoute(TOPOLOGY, 'direct_logs', 'error');
    expect(queueNames(r)).toEqual(['errors', 'q3']);
    const errors = r.queues.find((q) => q.queue === 'errors');
    expect(errors?.path).toEqual([
      { exchange: 'direct_logs', binding: qb('direct_logs', 'errors', 'error'), via: 'binding' },
    ]);
  });

  it('direct: no partial or wildcard matching', () => {
    expect(explainRoute(TOPOLOGY, 'direct_logs', 'errors').unroutable).toBe(true);
    expect(explainRoute(TOPOLOGY, 'direct_logs', 'Error').unroutable).toBe(true);
    const r = explainRoute(TOPOLOGY, 'direct_logs', 'warn');
    expect(r.reasons).toEqual(["no binding on direct_logs matches 'warn'; closest: 'warning'"]);
  });

  it('fanout: every binding, routing key ignored', () => {
    const r = explainRoute(TOPOLOGY, 'logs', 'anything');
    expect(queueNames(r)).toEqual(['fanout_q1', 'fanout_q2']);
    expect(r.unroutable).toBe(false);
  });

  it('fanout with no bindings is unroutable', () => {
    const r = explainRoute(TOPOLOGY, 'empty_fanout', 'x');
    expect(r.unroutable).toBe(true);
    expect(r.reasons).toEqual(['exchange empty_fanout has no bindings']);
  });

  it('topic: the tutorial bindings', () => {
    expect(queueNames(explainRoute(TOPOLOGY, 'all_logs', 'kernel.error'))).toEqual(['q1', 'q2', 'q3']);
    expect(queueNames(explainRoute(TOPOLOGY, 'all_logs', 'auth.info'))).toEqual(['q3']);
    expect(queueNames(explainRoute(TOPOLOGY, 'all_logs', 'payment.error'))).toEqual(['q1', 'q3']);
    expect(queueNames(explainRoute(TOPOLOGY, 'topic_logs', 'kernel.info'))).toEqual(['q2']);
  });

  it('topic: explains a miss with the closest binding key', () => {
    const r = explainRoute(TOPOLOGY, 'topic_logs', 'payment.warning');
    expect(r.unroutable).toBe(true);
    expect(r.queues).toEqual([]);
    expect(r.reasons).toEqual(["no binding on topic_logs matches 'payment.warning'; closest: '*.error'"]);
  });

  it('headers: x-match all / any, routing key ignored', () => {
    expect(queueNames(explainRoute(TOPOLOGY, 'hdrs', '', { format: 'pdf', type: 'report' }))).toEqual([
      'hq_all',
    ]);
    expect(queueNames(explainRoute(TOPOLOGY, 'hdrs', 'zzz', { format: 'zip', type: 'report' }))).toEqual([
      'hq_any',
    ]);
    expect(queueNames(explainRoute(TOPOLOGY, 'hdrs', '', { format: 'zip', type: 'log', extra: 1 }))).toEqual([
      'hq_any',
    ]);
    expect(queueNames(explainRoute(TOPOLOGY, 'hdrs', 'x', { format: 'pdf', type: 'log' }))).toEqual(['hq_any']);
    const miss = explainRoute(TOPOLOGY, 'hdrs', 'x', { format: 'txt' });
    expect(miss.unroutable).toBe(true);
    expect(miss.reasons).toEqual(['no binding on hdrs matches the message headers']);
    expect(explainRoute(TOPOLOGY, 'hdrs', 'x').unroutable).toBe(true);
  });

  it('exchange-to-exchange chains are followed with full paths', () => {
    const r = explainRoute(TOPOLOGY, 'chain1', 'orders.eu.new');
    expect(queueNames(r)).toEqual(['chain_q']);
    // Breadth-first: the direct chain1 -> chain_q binding is the first path.
    expect(r.queues[0]?.path).toEqual([
      { exchange: 'chain1', binding: qb('chain1', 'chain_q', '#.new'), via: 'binding' },
    ]);

    const us = explainRoute(TOPOLOGY, 'chain1', 'orders.us.new');
    expect(queueNames(us)).toEqual(['chain_q', 'q1']);
    expect(us.queues.find((q) => q.queue === 'q1')?.path).toEqual([
      { exchange: 'chain1', binding: xb('chain1', 'chain2', 'orders.#'), via: 'binding' },
      { exchange: 'chain2', binding: qb('chain2', 'q1', 'orders.us.new'), via: 'binding' },
    ]);
  });

  it('three-hop chain path', () => {
    const topology: Topology = {
      ...TOPOLOGY,
      bindings: TOPOLOGY.bindings.filter((b) => !(b.source === 'chain1' && b.destination === 'chain_q')),
    };
    const deep = explainRoute(topology, 'chain1', 'orders.eu.new');
    expect(deep.unroutable).toBe(false);
    expect(deep.queues).toEqual([
      {
        queue: 'chain_q',
        path: [
          { exchange: 'chain1', binding: xb('chain1', 'chain2', 'orders.#'), via: 'binding' },
          { exchange: 'chain2', binding: xb('chain2', 'chain3', 'orders.eu.new'), via: 'binding' },
          { exchange: 'chain3', binding: qb('chain3', 'chain_q'), via: 'binding' },
        ],
      },
    ]);
  });

  it('a dead end inside a chain is explained', () => {
    const r = explainRoute(TOPOLOGY, 'chain1', 'orders.eu.old');
    expect(r.unroutable).toBe(true);
    expect(r.reasons).toEqual([
      "no binding on chain2 matches 'orders.eu.old'; closest: 'orders.eu.new'",
    ]);
  });

  it('alternate exchange is used when no binding matches', () => {
    const r = explainRoute(TOPOLOGY, 'front', 'unknown');
    expect(r.unroutable).toBe(false);
    expect(r.queues).toEqual([
      {
        queue: 'unrouted_q',
        path: [
          { exchange: 'front', via: 'alternate-exchange' },
          { exchange: 'unrouted', binding: qb('unrouted', 'unrouted_q'), via: 'binding' },
        ],
      },
    ]);
    expect(r.reasons).toEqual(["no binding on front matches 'unknown'; closest: 'known'"]);
  });

  it('alternate exchange is not used when a binding matches', () => {
    expect(queueNames(explainRoute(TOPOLOGY, 'front', 'known'))).toEqual(['q1']);
  });

  it('alternate exchange is not used when a matched binding leads nowhere (broker semantics)', () => {
    const r = explainRoute(TOPOLOGY, 'fwd_empty', 'go');
    expect(r.unroutable).toBe(true);
    expect(r.reasons).toEqual(['exchange empty_fanout has no bindings']);
    expect(queueNames(explainRoute(TOPOLOGY, 'fwd_empty', 'stop'))).toEqual(['unrouted_q']);
  });

  it('alternate exchange that routes nowhere, and a missing one', () => {
    const dead = explainRoute(TOPOLOGY, 'ae_dead', 'k');
    expect(dead.unroutable).toBe(true);
    expect(dead.reasons).toEqual(['exchange ae_dead has no bindings', 'exchange ae_empty has no bindings']);

    const missing = explainRoute(TOPOLOGY, 'ae_missing', 'k');
    expect(missing.unroutable).toBe(true);
    expect(missing.reasons).toContain("alternate exchange 'nope' of ae_missing does not exist");
  });

  it('alternate exchange cycles terminate', () => {
    const topology: Topology = {
      exchanges: [
        { name: 'a', type: 'direct', alternateExchange: 'b' },
        { name: 'b', type: 'direct', alternateExchange: 'a' },
      ],
      queues: [],
      bindings: [],
    };
    const r = explainRoute(topology, 'a', 'k');
    expect(r.unroutable).toBe(true);
    expect(r.reasons).toEqual(['exchange a has no bindings', 'exchange b has no bindings']);
  });

  it('exchange binding cycles terminate and report each queue once', () => {
    const r = explainRoute(TOPOLOGY, 'cycle_a', 'k');
    expect(r.queues).toEqual([
      {
        queue: 'cycle_q',
        path: [
          { exchange: 'cycle_a', binding: xb('cycle_a', 'cycle_b'), via: 'binding' },
          { exchange: 'cycle_b', binding: qb('cycle_b', 'cycle_q'), via: 'binding' },
        ],
      },
    ]);
    expect(r.unroutable).toBe(false);
  });

  it('a pure cycle with no queues is unroutable and explained', () => {
    const r = explainRoute(TOPOLOGY, 'loop_only_a', 'k');
    expect(r.unroutable).toBe(true);
    expect(r.reasons[0]).toContain('cycle');
  });

  it('a queue reachable twice is reported once, with the first path', () => {
    const topology: Topology = {
      exchanges: [
        { name: 'root', type: 'fanout' },
        { name: 'left', type: 'fanout' },
        { name: 'right', type: 'fanout' },
      ],
      queues: [{ name: 'q' }],
      bindings: [xb('root', 'left'), xb('root', 'right'), qb('left', 'q'), qb('right', 'q'), qb('root', 'q', 'dup')],
    };
    const r = explainRoute(topology, 'root', '');
    expect(r.queues).toEqual([
      { queue: 'q', path: [{ exchange: 'root', binding: qb('root', 'q', 'dup'), via: 'binding' }] },
    ]);
  });

  it('missing exchange', () => {
    const r = explainRoute(TOPOLOGY, 'x', 'k');
    expect(r).toEqual({ queues: [], unroutable: true, reasons: ["exchange 'x' does not exist"] });
  });

  it('publishing to an internal exchange is refused, but it can be reached via bindings', () => {
    const direct = explainRoute(TOPOLOGY, 'internal_x', 'k');
    expect(direct.unroutable).toBe(true);
    expect(direct.reasons[0]).toContain('internal');
    expect(queueNames(explainRoute(TOPOLOGY, 'to_internal', 'k'))).toEqual(['internal_q']);
  });

  it('unsimulated plugin exchange types are reported, not claimed unroutable', () => {
    const r = explainRoute(TOPOLOGY, 'hashed', 'k');
    expect(r.queues).toEqual([]);
    expect(r.unroutable).toBe(false);
    expect(r.reasons).toEqual(['exchange type x-consistent-hash is not simulated (exchange hashed)']);
    const via = explainRoute(TOPOLOGY, 'to_hashed', 'k');
    expect(via.reasons[0]).toContain('exchange type x-consistent-hash is not simulated');
  });
});

describe('closestBindingKey', () => {
  it('prefers more matching word positions', () => {
    expect(closestBindingKey('payment.error', ['kernel.*', 'auth.info', '*.error'])).toBe('*.error');
    expect(closestBindingKey('a.b.c', ['x.x.c', 'a.x.x', 'a.b.x'])).toBe('a.b.x');
    expect(closestBindingKey('a.b.c', ['a.b.c.d.e.f.g', 'zzzzz'])).toBe('a.b.c.d.e.f.g');
  });

  it('breaks ties by edit distance, then by order', () => {
    expect(closestBindingKey('orders.eu.old', ['orders.us.new', 'orders.eu.new'])).toBe('orders.eu.new');
    expect(closestBindingKey('warn', ['error', 'warning'])).toBe('warning');
    expect(closestBindingKey('zz', ['ab', 'cd'])).toBe('ab');
  });

  it('returns undefined without candidates', () => {
    expect(closestBindingKey('a', [])).toBeUndefined();
  });
});
