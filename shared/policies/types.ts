/** Policies and operator policies, and what they do to the queues and exchanges of a vhost. */

export const APPLY_TO = ['all', 'queues', 'exchanges', 'classic_queues', 'quorum_queues', 'streams'] as const;
export type ApplyTo = (typeof APPLY_TO)[number];

export interface Policy {
  vhost: string;
  name: string;
  pattern: string;
  applyTo: ApplyTo;
  priority: number;
  definition: Record<string, unknown>;
  /** An operator policy (set by the operator, merged with the user's, the stricter value wins). */
  operator: boolean;
}

/** A queue or an exchange a policy may apply to. */
export interface PolicyTarget {
  kind: 'queue' | 'exchange';
  name: string;
  /** classic, quorum or stream, for a queue. */
  queueType?: string;
}

/** Which policy applies to one object, and what it sets. */
export interface Effective {
  target: PolicyTarget;
  /** The user policy that wins (highest priority), if any. */
  policy?: string;
  /** Other user policies of the same top priority: the broker picks one of them by its own order. */
  tiedWith: string[];
  operatorPolicy?: string;
  /** The keys in force and which policy sets each. */
  keys: { key: string; value: unknown; from: string }[];
}

export interface PoliciesView {
  vhost: string;
  policies: Policy[];
  queues: PolicyTarget[];
  exchanges: PolicyTarget[];
}
