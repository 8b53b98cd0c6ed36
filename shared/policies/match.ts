/**
 * Which policy applies to which queue or exchange, by RabbitMQ's rules (rabbit_policy): a policy
 * applies when its apply-to takes the object's kind and its pattern (a regular expression) matches
 * the whole name or a part of it; of those, the highest priority wins. An operator policy is
 * chosen the same way among operator policies and merged in: for a key both set, the stricter
 * (smaller) number wins. Pure; the Policies page runs it on every keystroke.
 *
 * Patterns are read as JavaScript regular expressions; RabbitMQ uses Erlang's PCRE. They agree on
 * the patterns policies use (anchors, classes, alternation, quantifiers); Warren refuses a pattern
 * JavaScript cannot read rather than guess — with the one check permission patterns use
 * (shared/access/patterns.ts).
 */
import { patternProblem } from '../access/patterns';
import { invalid, type Checked } from '../errors';
import type { ApplyTo, Effective, Policy, PolicyTarget } from './types';

/** Keys whose operator value caps the user's (rabbit_policy's conflict resolution: the smaller). */
const STRICTER_IS_SMALLER = new Set(['max-length', 'max-length-bytes', 'message-ttl', 'expires', 'delivery-limit', 'max-in-memory-length', 'max-in-memory-bytes']);

export function compilePattern(pattern: string): Checked<RegExp> {
  const problem = patternProblem(pattern);
  if (problem !== undefined) {
    return {
      ok: false,
      error: invalid(`The pattern ${problem}`, {
        field: 'pattern',
        hint: 'A policy’s pattern is a regular expression: ^orders\\. matches names that start with “orders.”, .* matches everything.',
      }),
    };
  }
  return { ok: true, value: new RegExp(pattern) };
}

function regexOf(pattern: string): RegExp | undefined {
  const c = compilePattern(pattern);
  return c.ok ? c.value : undefined;
}

export function appliesToKind(applyTo: ApplyTo, target: PolicyTarget): boolean {
  switch (applyTo) {
    case 'all':
      return true;
    case 'exchanges':
      return target.kind === 'exchange';
    case 'queues':
      return target.kind === 'queue';
    case 'classic_queues':
      return target.kind === 'queue' && (target.queueType ?? 'classic') === 'classic';
    case 'quorum_queues':
      return target.kind === 'queue' && target.queueType === 'quorum';
    case 'streams':
      return target.kind === 'queue' && target.queueType === 'stream';
  }
}

/** Whether `policy` applies to `target` (an invalid pattern applies to nothing). */
export function matches(policy: Pick<Policy, 'pattern' | 'applyTo'>, target: PolicyTarget, compiled?: RegExp): boolean {
  if (!appliesToKind(policy.applyTo, target)) return false;
  const re = compiled ?? regexOf(policy.pattern);
  return re !== undefined && re.test(target.name);
}

/** The matching policies of one kind (user or operator), highest priority first, then by name. */
function ranked(target: PolicyTarget, policies: readonly Policy[], compiled: Map<Policy, RegExp | undefined>): Policy[] {
  return policies
    .filter((p) => {
      const re = compiled.get(p);
      return re !== undefined && appliesToKind(p.applyTo, target) && re.test(target.name);
    })
    .sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name));
}

function compileAll(policies: readonly Policy[]): Map<Policy, RegExp | undefined> {
  return new Map(policies.map((p) => [p, regexOf(p.pattern)]));
}

/** The effective policy of each target. */
export function effectivePolicies(targets: readonly PolicyTarget[], policies: readonly Policy[]): Effective[] {
  const compiled = compileAll(policies);
  const users = policies.filter((p) => !p.operator);
  const operators = policies.filter((p) => p.operator);
  return targets.map((target) => {
    const [winner, ...rest] = ranked(target, users, compiled);
    const [op] = ranked(target, operators, compiled);
    const keys = new Map<string, { key: string; value: unknown; from: string }>();
    for (const [key, value] of Object.entries(winner?.definition ?? {})) keys.set(key, { key, value, from: winner!.name });
    for (const [key, value] of Object.entries(op?.definition ?? {})) {
      const mine = keys.get(key);
      const stricter = !mine || (STRICTER_IS_SMALLER.has(key) && typeof value === 'number' && typeof mine.value === 'number' && value < mine.value);
      if (stricter) keys.set(key, { key, value, from: op!.name });
    }
    return {
      target,
      ...(winner ? { policy: winner.name } : {}),
      tiedWith: winner ? rest.filter((p) => p.priority === winner.priority).map((p) => p.name) : [],
      ...(op ? { operatorPolicy: op.name } : {}),
      keys: [...keys.values()].sort((a, b) => a.key.localeCompare(b.key)),
    };
  });
}

export interface PreviewRow {
  target: PolicyTarget;
  /** What applies now. */
  before: Effective;
  /** What would apply with the draft saved (it replaces a policy of its name). */
  after: Effective;
  /** Whether the draft would be the winning policy (or operator policy) of this object. */
  wins: boolean;
}

/**
 * What saving `draft` would do: for every object its pattern matches, what applies now and what
 * would apply then. A pattern that is not a regular expression is refused, naming why.
 */
export function previewPolicy(draft: Policy, targets: readonly PolicyTarget[], policies: readonly Policy[]): Checked<PreviewRow[]> {
  const compiled = compilePattern(draft.pattern);
  if (!compiled.ok) return compiled;
  const matched = targets.filter((t) => matches(draft, t, compiled.value));
  const others = policies.filter((p) => !(p.name === draft.name && p.operator === draft.operator));
  const before = effectivePolicies(matched, policies);
  const after = effectivePolicies(matched, [...others, draft]);
  return {
    ok: true,
    value: matched.map((target, i) => ({
      target,
      before: before[i]!,
      after: after[i]!,
      wins: draft.operator ? after[i]!.operatorPolicy === draft.name : after[i]!.policy === draft.name,
    })),
  };
}
