/**
 * Runs a scenario from start to end without a window: setup, every step in order (narrated),
 * the queue depths after each, the tutorial's expected outcome checked, then reset.
 */
import type { DemoName, DemoOptions, DemoOutcome, NarrationLine } from '../../../shared/demos/types';
import { createDemo } from '../../../demos/registry';
import { DemoRuntime, type DemoBroker } from '../../../demos/runtime';

export interface HeadlessOptions {
  broker: DemoBroker;
  prefix?: string;
  options?: DemoOptions;
  onLine?: (line: NarrationLine) => void;
  /** Leave what the demo declared in place (default: delete it, as reset does). */
  keep?: boolean;
  /** Called with the runtime before setup (tests use it to interleave their own programs). */
  beforeStep?: (index: number, rt: DemoRuntime) => Promise<void> | void;
}

export async function runHeadless(name: DemoName, opts: HeadlessOptions): Promise<DemoOutcome & { deleted: string[] }> {
  const def = createDemo(name);
  const rt = new DemoRuntime(opts.broker, opts.prefix ?? '', { ...opts.options }, () => undefined);
  rt.onLine = opts.onLine;
  let result: DemoOutcome;
  try {
    rt.say(`${def.title}: ${def.summary}`, 'step');
    await def.setup(rt);
    for (const [index, step] of def.steps.entries()) {
      await opts.beforeStep?.(index, rt);
      rt.say(`Step ${index + 1}/${def.steps.length}: ${step.title} — ${step.narration}`, 'step');
      await step.run(rt);
      rt.stepDepths.push({ step: step.title, depths: await rt.depths() });
    }
    const { checks, facts } = def.outcome(rt);
    for (const c of checks) rt.say(`${c.ok ? 'PASS' : 'FAIL'} ${c.name}: ${c.detail}`, c.ok ? 'good' : 'bad');
    result = { demo: name, holds: checks.every((c) => c.ok), checks, depthsByStep: rt.stepDepths, facts: { ...facts, measured: rt.measured } };
  } catch (err) {
    await rt.cleanup().catch(() => undefined);
    throw err;
  }
  if (opts.keep) {
    await rt.close();
    return { ...result, deleted: [] };
  }
  return { ...result, deleted: await rt.cleanup() };
}
