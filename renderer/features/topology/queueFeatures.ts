/**
 * The Features column of the queue table, as the management UI draws it: one short tag per
 * feature (D, AD, Excl, TTL, DLX, Lim, Pri, Args …), each with a tooltip in the user's words.
 * A feature set by a policy counts too (the management UI shows the policy beside them).
 */
import type { QueueRow } from '../../../shared/topology/types';

export interface Feature {
  tag: string;
  title: string;
}

/** Queue arguments the management UI shows as their own tag; the rest are "Args". */
const NAMED: { key: string; tag: string; title: (v: unknown) => string }[] = [
  { key: 'message-ttl', tag: 'TTL', title: (v) => `Message TTL: messages expire after ${String(v)} ms` },
  { key: 'expires', tag: 'Exp', title: (v) => `Auto-expire: the queue is deleted after ${String(v)} ms unused` },
  { key: 'max-length', tag: 'Lim', title: (v) => `Max length: at most ${String(v)} messages` },
  { key: 'max-length-bytes', tag: 'Lim B', title: (v) => `Max length in bytes: at most ${String(v)} bytes of bodies` },
  { key: 'overflow', tag: 'Ovfl', title: (v) => `Overflow: when full, ${String(v)}` },
  { key: 'dead-letter-exchange', tag: 'DLX', title: (v) => `Dead-letter exchange: rejected and expired messages go to ${String(v) || 'the default exchange'}` },
  { key: 'dead-letter-routing-key', tag: 'DLK', title: (v) => `Dead-letter routing key: dead letters are published with key ${String(v)}` },
  { key: 'max-priority', tag: 'Pri', title: (v) => `Priorities: messages carry a priority from 0 to ${String(v)}` },
  { key: 'single-active-consumer', tag: 'SAC', title: () => 'Single active consumer: one consumer at a time receives' },
  { key: 'queue-mode', tag: 'Lazy', title: (v) => `Queue mode: ${String(v)} (messages kept on disk)` },
];

export function queueFeatures(q: QueueRow): Feature[] {
  const features: Feature[] = [];
  if (q.durable) features.push({ tag: 'D', title: 'Durable: the queue survives a broker restart' });
  if (q.autoDelete) features.push({ tag: 'AD', title: 'Auto-delete: the queue is deleted when its last consumer goes' });
  if (q.exclusive) features.push({ tag: 'Excl', title: 'Exclusive: only the connection that declared it may use it; deleted when it closes' });
  const args = q.arguments;
  const policy = q.policyDefinition ?? {};
  const known = new Set<string>(['x-queue-type']);
  for (const named of NAMED) {
    const argKey = `x-${named.key}`;
    known.add(argKey);
    if (named.key === 'queue-mode' && args[argKey] !== 'lazy' && policy[named.key] !== 'lazy') continue;
    if (argKey in args) features.push({ tag: named.tag, title: named.title(args[argKey]) });
    else if (named.key in policy) features.push({ tag: named.tag, title: `${named.title(policy[named.key])} (set by policy ${q.policy})` });
  }
  const others = Object.keys(args).filter((k) => !known.has(k));
  if (others.length > 0) features.push({ tag: 'Args', title: `Other arguments: ${others.map((k) => `${k} = ${JSON.stringify(args[k])}`).join(', ')}` });
  return features;
}
