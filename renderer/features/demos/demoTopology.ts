/**
 * The part of a vhost's topology that belongs to a demo, as the graph draws it. In its own vhost that is everything;
 * with prefixed names (no right to create vhosts) it is what carries the prefix, plus the
 * server-named queues bound to the demo's exchanges (the EcomNow pitfall's exclusive queue). Pure.
 */
import type { TopologySnapshot } from '../../../shared/topology/types';

export function demoTopology(snapshot: TopologySnapshot, prefix: string, names: ReadonlyMap<string, string> = new Map()): TopologySnapshot {
  return nameQueues(prefix === '' ? snapshot : ownPart(snapshot, prefix), names);
}

/**
 * Server-named queues (amq.gen-…) drawn under the name of the program that owns them
 * ("Consumer 1 (*.error)"): the generated name tells an audience nothing.
 */
function nameQueues(snapshot: TopologySnapshot, names: ReadonlyMap<string, string>): TopologySnapshot {
  if (names.size === 0) return snapshot;
  const rename = (name: string) => names.get(name) ?? name;
  return {
    ...snapshot,
    queues: snapshot.queues.map((q) => ({ ...q, name: rename(q.name) })),
    bindings: snapshot.bindings.map((b) => (b.destinationType === 'queue' ? { ...b, destination: rename(b.destination) } : b)),
  };
}

function ownPart(snapshot: TopologySnapshot, prefix: string): TopologySnapshot {
  const ours = (name: string) => name.startsWith(prefix);
  const exchanges = snapshot.exchanges.filter((x) => ours(x.name));
  const exchangeNames = new Set(exchanges.map((x) => x.name));
  const fromOurs = snapshot.bindings.filter((b) => exchangeNames.has(b.source));
  const boundQueues = new Set(fromOurs.filter((b) => b.destinationType === 'queue').map((b) => b.destination));
  const queues = snapshot.queues.filter((q) => ours(q.name) || boundQueues.has(q.name));
  const queueNames = new Set(queues.map((q) => q.name));
  const bindings = snapshot.bindings.filter(
    (b) => (b.source === '' || exchangeNames.has(b.source)) && (b.destinationType === 'queue' ? queueNames.has(b.destination) : exchangeNames.has(b.destination)),
  );
  return { ...snapshot, exchanges, queues, bindings };
}

/** Queue name → label for the server-named queues of the demo's programs. */
export function serverNamedQueues(actors: readonly { label: string; queue?: string }[]): Map<string, string> {
  return new Map(actors.filter((a) => a.queue?.startsWith('amq.gen-')).map((a) => [a.queue!, a.label]));
}
