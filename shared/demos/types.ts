/** What a running demo looks like from outside: the UI, the headless CLI and the tests read this. */
import type { QueueRef } from '../charts/types';

export const DEMO_NAMES = ['hello', 'work-queues', 'topics', 'ecomnow', 'best-practices', 'ecomnow-cluster'] as const;
export type DemoName = (typeof DEMO_NAMES)[number];

export function isDemoName(value: string): value is DemoName {
  return (DEMO_NAMES as readonly string[]).includes(value);
}

/** Knobs a demo reads; all optional so the tutorial's values are the defaults. */
export interface DemoOptions {
  /** Work Queues: how long a worker sleeps per dot (tutorial: 1000 ms). */
  dotMs?: number;
  /** Work Queues: prefetch 1 (fair dispatch) or unlimited (0). */
  prefetch?: number;
  /** Topics: which exchange type the logging example uses. */
  variant?: 'topic' | 'direct' | 'fanout';
  /** EcomNow: how long the email service takes to send one email (tutorial: 1000 ms). */
  emailMs?: number;
  /** EcomNow: simulated synchronous call times are multiplied by this (1 = ~1.5 s per order). */
  syncScale?: number;
  /** EcomNow: the email service skips order ids it has already emailed. */
  idempotent?: boolean;
  /**
   * EcomNow: declare order_events durable. Off by default, as the tutorial declares it (pika's
   * default): its scripts then run beside the demo; on, they are refused with 406.
   */
  durableExchange?: boolean;
  /** Best practices: messages sent in the connection-per-message comparison. */
  rateMessages?: number;
  /** Orders in a burst / orders placed while the email service is down. */
  burst?: number;
}

export interface DemoStepInfo {
  title: string;
  /** What happens, why, and what to look at. */
  narration: string;
}

export interface DemoActionInfo {
  id: string;
  label: string;
  /** Actions that take a routing key or a count say so; the UI shows a field. */
  input?: 'routingKey' | 'count' | 'rate';
  /** A short explanation shown as the button's description. */
  help?: string;
}

export interface DemoSummary {
  name: DemoName;
  title: string;
  summary: string;
  steps: DemoStepInfo[];
  actions: DemoActionInfo[];
  /** What the F key toggles (e.g. "Take the email service down"); absent when nothing fails. */
  failure?: { on: string; off: string };
  /** Options the UI offers as toggles. */
  toggles: DemoToggle[];
  /** It kills a node of a cluster: the app runs it on Warren's sandbox cluster, connected, only. */
  needsCluster?: boolean;
  /** What presenter mode draws per queue: ready/unacked counts (default) or the rates. */
  presenterChart?: 'counts' | 'rates';
}

export interface DemoToggle {
  option: 'prefetch' | 'variant' | 'idempotent' | 'durableExchange';
  label: string;
  choices: { value: string; label: string }[];
}

export interface ActorDelivery {
  /** Body as text (truncated for the UI). */
  body: string;
  routingKey: string;
  redelivered: boolean;
  at: number;
}

export interface ActorState {
  id: string;
  label: string;
  /** Which queue it consumes (the broker's name, prefixed when the demo runs with prefixes). */
  queue?: string;
  status: 'up' | 'down' | 'busy';
  /** Latest deliveries, newest last (bounded). */
  received: ActorDelivery[];
  /** Bodies acknowledged, newest last (bounded). */
  acked: string[];
  receivedCount: number;
  ackedCount: number;
  /** Deliveries held and not yet acknowledged. */
  unacked: number;
  /** The most deliveries it ever held at once (fair dispatch keeps this at the prefetch). */
  maxInFlight: number;
  /** Lines as the tutorial's program would print them. */
  log: string[];
}

export interface NarrationLine {
  at: number;
  text: string;
  tone?: 'info' | 'good' | 'bad' | 'step';
}

export interface RouteExplanation {
  exchange: string;
  exchangeType: string;
  routingKey: string;
  /** Queue display names the explainer predicts, each with the binding key that matched. */
  predicted: { queue: string; bindingKey: string }[];
  reasons: string[];
  /** Filled once the message arrived: which consumers got it. */
  delivered?: string[];
}

export interface DemoState {
  name?: DemoName;
  status: 'idle' | 'starting' | 'running' | 'busy' | 'resetting' | 'failed';
  /** When this run started (epoch ms): its chart markers are the ones after it. */
  startedAt?: number;
  /** Index of the next step to run; steps.length when all have run. */
  nextStep: number;
  stepCount: number;
  /** Where it runs: its own vhost, or the current vhost with prefixed names. */
  isolation?: { mode: 'vhost' | 'prefix' | 'as-is'; vhost: string; prefix: string };
  /** Connection details for the code panel (never a password). */
  broker?: { host: string; port: number; vhost: string; username: string; tls: boolean };
  options: DemoOptions;
  failureOn: boolean;
  actors: ActorState[];
  /** Queue display names in the order to draw them. */
  queues: string[];
  /**
   * The same queues as the chart sampler knows them (the demo's vhost, the broker's names):
   * the service watches them while the demo runs and unwatches them on reset.
   */
  charted: { label: string; ref: QueueRef }[];
  narration: NarrationLine[];
  route?: RouteExplanation;
  /** Numbers the demo measured, by label (e.g. "sync ms", "async ms"). */
  measured: Record<string, number>;
  /** Reconciliation of ids (EcomNow): placed, emailed once, duplicates, missing. */
  reconcile?: { placed: number; emailedOnce: number; duplicates: number[]; missing: number[]; skipped: number };
  error?: { code: string; message: string; hint?: string };
  updatedAt: number;
}

/** The JSON line a headless run ends with. */
export interface DemoOutcome {
  demo: DemoName;
  /** True when the tutorial's expected outcome held. */
  holds: boolean;
  /** Why it could not hold when the run stopped early (e.g. a 406 from objects that exist), with the fix. */
  reason?: { code: string; message: string; hint?: string };
  /** Each expectation checked, with what was measured. */
  checks: { name: string; ok: boolean; detail: string }[];
  /** Queue depths after each step. */
  depthsByStep: { step: string; depths: Record<string, number | null> }[];
  facts: Record<string, unknown>;
}
