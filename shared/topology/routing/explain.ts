// The route explainer: replays, over a topology snapshot, the routing the
// broker performs for one publish, and records why each queue was reached
// (or why nothing was). Mirrors RabbitMQ 3.10's rabbit_exchange:route/2 and
// route1/3 (deps/rabbit/src/rabbit_exchange.erl). Pure: no I/O.

import { headersMatch } from './headers';
import { splitTopicKey, topicMatches } from './topic';

export interface ExchangeInfo {
  name: string;
  type: string;
  alternateExchange?: string;
  internal?: boolean;
}

export interface BindingInfo {
  source: string;
  destination: string;
  destinationType: 'queue' | 'exchange';
  routingKey: string;
  arguments: Record<string, unknown>;
}

export interface Topology {
  exchanges: ExchangeInfo[];
  queues: { name: string }[];
  bindings: BindingInfo[];
}

/** One hop: leaving `exchange` through `binding`, the default exchange's
 * implicit queue lookup, or the exchange's alternate exchange. */
export interface RouteStep {
  exchange: string;
  binding?: BindingInfo;
  via: 'binding' | 'default-exchange' | 'alternate-exchange';
}

/**
 * `queues`: every queue the message reaches, once each, with the first path
 * found (breadth-first, so a shortest one).
 * `unroutable`: true only when the simulation is conclusive that no queue is
 * reached — i.e. no queue was found and no unsimulated exchange type was on
 * the way (such an exchange might have delivered somewhere).
 * `reasons`: plain-language notes on every dead end met, so it can be
 * non-empty even for a routed message (e.g. why an alternate exchange was
 * used, or why one branch of a fanout went nowhere).
 */
export interface RouteResult {
  queues: { queue: string; path: RouteStep[] }[];
  unroutable: boolean;
  reasons: string[];
}

/** The exchange types whose routing is simulated here. */
const SIMULATED_TYPES = new Set(['direct', 'fanout', 'topic', 'headers']);

export function explainRoute(
  topology: Topology,
  exchange: string,
  routingKey: string,
  headers: Record<string, unknown> = {},
): RouteResult {
  const queueNames = new Set(topology.queues.map((q) => q.name));

  // The default exchange is special-cased by the broker before any binding
  // lookup: it delivers to the queue named by the routing key, if that queue
  // exists. Its implicit bindings (which the management API does list) are
  // never consulted, and it has no alternate exchange.
  if (exchange === '') {
    if (queueNames.has(routingKey)) {
      return {
        queues: [{ queue: routingKey, path: [{ exchange: '', via: 'default-exchange' }] }],
        unroutable: false,
        reasons: [],
      };
    }
    const closest = closestBindingKey(routingKey, [...queueNames]);
    return unroutable(
      `no queue named '${routingKey}' exists; the default exchange delivers only to the queue ` +
        `whose name equals the routing key` +
        (closest === undefined ? '' : `; closest: '${closest}'`),
    );
  }

  const exchanges = new Map(topology.exchanges.map((x) => [x.name, x]));
  const start = exchanges.get(exchange);
  if (start === undefined) return unroutable(`exchange '${exchange}' does not exist`);
  // rabbit_channel:check_internal_exchange/1 refuses the publish outright.
  if (start.internal === true) {
    return unroutable(`exchange '${exchange}' is internal; the broker refuses publishes to it`);
  }

  const bindingsBySource = groupBySource(topology.bindings);
  const reached = new Map<string, RouteStep[]>();
  const reasons: string[] = [];
  let inconclusive = false;

  // The broker routes each exchange at most once per publish (route1's
  // SeenXs set), which is also what makes exchange cycles terminate.
  const seen = new Set<string>([start.name]);
  const work: { x: ExchangeInfo; path: RouteStep[] }[] = [{ x: start, path: [] }];

  // Queues the next exchange: dropped silently by the broker if it does not
  // exist (cons_if_present/2) or if it has already been routed.
  const enqueue = (name: string, path: RouteStep[], missingReason: string): void => {
    if (seen.has(name)) return;
    const next = exchanges.get(name);
    if (next === undefined) {
      reasons.push(missingReason);
      return;
    }
    seen.add(name);
    work.push({ x: next, path });
  };

  for (let item = work.shift(); item !== undefined; item = work.shift()) {
    const { x, path } = item;

    if (!SIMULATED_TYPES.has(x.type)) {
      reasons.push(`exchange type ${x.type} is not simulated (exchange ${x.name})`);
      inconclusive = true;
      continue;
    }

    const bindings = bindingsBySource.get(x.name) ?? [];
    const matched = bindings.filter((b) => bindingMatches(x.type, b, routingKey, headers));

    for (const binding of matched) {
      const step: RouteStep = { exchange: x.name, binding, via: 'binding' };
      if (binding.destinationType === 'queue') {
        if (!queueNames.has(binding.destination)) {
          // Only possible with an inconsistent snapshot: the broker deletes
          // a queue's bindings together with the queue.
          reasons.push(`binding on ${x.name} points to missing queue '${binding.destination}'`);
        } else if (!reached.has(binding.destination)) {
          reached.set(binding.destination, [...path, step]);
        }
      } else {
        enqueue(
          binding.destination,
          [...path, step],
          `binding on ${x.name} points to missing exchange '${binding.destination}'`,
        );
      }
    }

    // process_alternate/2: the alternate exchange is used when this
    // exchange's own bindings matched nothing — not when matched bindings
    // merely lead on to exchanges that route nowhere.
    if (matched.length === 0) {
      reasons.push(deadEndReason(x, bindings, routingKey));
      if (x.alternateExchange !== undefined) {
        enqueue(
          x.alternateExchange,
          [...path, { exchange: x.name, via: 'alternate-exchange' }],
          `alternate exchange '${x.alternateExchange}' of ${x.name} does not exist`,
        );
      }
    }
  }

  const queues = [...reached].map(([queue, path]) => ({ queue, path }));
  if (queues.length === 0 && reasons.length === 0) {
    // Every match led back to an exchange already routed, e.g. A -> B -> A.
    reasons.push(`bindings from ${exchange} only lead back to exchanges already visited (a cycle)`);
  }
  return { queues, unroutable: queues.length === 0 && !inconclusive, reasons };
}

/**
 * The candidate binding key that looks most like `routingKey`, for "closest:"
 * hints. Score: the number of word positions where the candidate's word
 * matches the key's word (equal, or a `*`/`#` wildcard); ties go to the
 * smaller character edit distance, then to the earlier candidate. Returns
 * undefined when there are no candidates.
 */
export function closestBindingKey(
  routingKey: string,
  candidates: readonly string[],
): string | undefined {
  const keyWords = splitTopicKey(routingKey);
  let best: { key: string; score: number; distance: number } | undefined;
  for (const candidate of candidates) {
    const score = matchingWordPositions(splitTopicKey(candidate), keyWords);
    const distance = editDistance(candidate, routingKey);
    if (
      best === undefined ||
      score > best.score ||
      (score === best.score && distance < best.distance)
    ) {
      best = { key: candidate, score, distance };
    }
  }
  return best?.key;
}

function bindingMatches(
  type: string,
  binding: BindingInfo,
  routingKey: string,
  headers: Record<string, unknown>,
): boolean {
  switch (type) {
    case 'direct':
      return binding.routingKey === routingKey;
    case 'fanout':
      return true;
    case 'topic':
      return topicMatches(binding.routingKey, routingKey);
    case 'headers':
      // The routing key plays no part in a headers exchange.
      return headersMatch(binding.arguments, headers);
    default:
      return false;
  }
}

function deadEndReason(x: ExchangeInfo, bindings: BindingInfo[], routingKey: string): string {
  if (bindings.length === 0) return `exchange ${x.name} has no bindings`;
  if (x.type === 'headers') return `no binding on ${x.name} matches the message headers`;
  const closest = closestBindingKey(
    routingKey,
    [...new Set(bindings.map((b) => b.routingKey))],
  );
  return (
    `no binding on ${x.name} matches '${routingKey}'` +
    (closest === undefined ? '' : `; closest: '${closest}'`)
  );
}

function unroutable(reason: string): RouteResult {
  return { queues: [], unroutable: true, reasons: [reason] };
}

function groupBySource(bindings: BindingInfo[]): Map<string, BindingInfo[]> {
  const bySource = new Map<string, BindingInfo[]>();
  for (const binding of bindings) {
    const list = bySource.get(binding.source);
    if (list === undefined) bySource.set(binding.source, [binding]);
    else list.push(binding);
  }
  return bySource;
}

function matchingWordPositions(patternWords: string[], keyWords: string[]): number {
  let count = 0;
  const length = Math.min(patternWords.length, keyWords.length);
  for (let i = 0; i < length; i++) {
    const word = patternWords[i];
    if (word === '*' || word === '#' || word === keyWords[i]) count++;
  }
  return count;
}

// Classic Levenshtein distance over UTF-16 code units, two rolling rows.
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      const deletion = (previous[j] ?? 0) + 1;
      const insertion = (current[j - 1] ?? 0) + 1;
      current.push(Math.min(substitution, deletion, insertion));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
