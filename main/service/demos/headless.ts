/**
 * Runs a scenario from start to end without a window: setup, every step in order (narrated),
 * the queue depths after each, the tutorial's expected outcome checked, then reset. A run that
 * stops early (a 406 from objects that exist with other settings …) still ends with an outcome:
 * holds false, and the reason with its fix.
 */
import type { DemoName, DemoOptions, DemoOutcome, NarrationLine } from '../../../shared/demos/types';
import { createDemo } from '../../../demos/registry';
import { DemoRuntime, type DemoBroker } from '../../../demos/runtime';
import { toWarrenError } from '../errors';

export interface HeadlessOptions {
  broker: DemoBroker;
  prefix?: string;
  options?: DemoOptions;
  onLine?: (line: NarrationLine) => void;
  /** Leave what the demo declared in place (default: delete it, as reset does). */
  keep?: boolean;
  /** Called with the runtime before each step (tests use it to interleave their own programs). */
  beforeStep?: (index: number, rt: DemoRuntime) => Promise<void> | void;
}

export async function runHeadless(name: DemoName, opts: HeadlessOptions): Promise<DemoOutcome & { deleted: string[]; kept: string[] }> {
  const def = createDemo(name);
  const rt = new DemoRuntime(opts.broker, opts.prefix ?? '', { ...opts.options }, () => undefined);
  rt.onLine = opts.onLine;
  let result: DemoOutcome;
  let title = 'setup';
  try {
    rt.say(`${def.title}: ${def.summary}`, 'step');
    await def.setup(rt);
    for (const [index, step] of def.steps.entries()) {
      title = `step ${index + 1} (${step.title})`;
      await opts.beforeStep?.(index, rt);
      rt.say(`Step ${index + 1}/${def.steps.length}: ${step.title} — ${step.narration}`, 'step');
      await step.run(rt);
      rt.stepDepths.push({ step: step.title, depths: await rt.depths() });
    }
    const { checks, facts } = def.outcome(rt);
    for (const c of checks) rt.say(`${c.ok ? 'PASS' : 'FAIL'} ${c.name}: ${c.detail}`, c.ok ? 'good' : 'bad');
    result = { demo: name, holds: checks.every((c) => c.ok), checks, depthsByStep: rt.stepDepths, facts: { ...facts, measured: rt.measured } };
  } catch (err) {
    // The run cannot hold: say why, and how to fix it, in the narration and in the outcome.
    const reason = toWarrenError(err);
    rt.say(`The demo stopped at ${title}: ${reason.message}`, 'bad');
    rt.say(`Fix: ${reason.hint}`, 'bad');
    result = {
      demo: name,
      holds: false,
      reason: { code: reason.code, message: reason.message, hint: reason.hint },
      checks: [{ name: 'the demo ran to the end', ok: false, detail: `stopped at ${title}: ${reason.message}` }],
      depthsByStep: rt.stepDepths,
      facts: { stoppedAt: title, measured: rt.measured },
    };
  }
  await def.teardown?.(rt).catch(() => undefined);
  if (opts.keep) {
    await rt.close();
    return { ...result, deleted: [], kept: [] };
  }
  const deleted = await rt.cleanup().catch(() => []);
  return { ...result, deleted, kept: [...rt.kept] };
}
