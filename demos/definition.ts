/** The shape of one scenario: its steps (narrated), its buttons, its failure toggle, its expected outcome. */
import type { DemoActionInfo, DemoName, DemoOutcome, DemoStepInfo, DemoToggle } from '../shared/demos/types';
import type { DemoRuntime } from './runtime';

export interface ActionInput {
  routingKey?: string;
  count?: number;
  rate?: number;
}

export interface DemoStep extends DemoStepInfo {
  run: (rt: DemoRuntime) => Promise<void>;
}

export interface DemoAction extends DemoActionInfo {
  run: (rt: DemoRuntime, input: ActionInput) => Promise<void>;
}

export interface DemoDefinition {
  name: DemoName;
  title: string;
  summary: string;
  /** Declares the topology and starts the scenario's programs. */
  setup: (rt: DemoRuntime) => Promise<void>;
  steps: DemoStep[];
  actions: DemoAction[];
  failure?: { on: string; off: string; set: (rt: DemoRuntime, on: boolean) => Promise<void> };
  toggles: DemoToggle[];
  /** It kills a node of a cluster: in the app it runs on Warren's connected sandbox cluster only (main/service/demos/connected-cluster.ts). */
  needsCluster?: boolean;
  /** What presenter mode's one chart per queue draws: the rates for a demo whose story is throughput. */
  presenterChart?: 'counts' | 'rates';
  /** Releases what the scenario started outside the broker (a cluster of its own): after the last step, on a failure and on reset. */
  teardown?: (rt: DemoRuntime) => Promise<void>;
  /** The tutorial's expected outcome, checked against what happened. */
  outcome: (rt: DemoRuntime) => Pick<DemoOutcome, 'checks' | 'facts'>;
}

export function check(name: string, ok: boolean, detail: string): DemoOutcome['checks'][number] {
  return { name, ok, detail };
}

/** Counts the dots of a task, as `message.count('.')` does in worker.py. */
export function dots(text: string): number {
  return [...text].filter((c) => c === '.').length;
}
