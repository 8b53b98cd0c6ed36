/** Every scenario by name; each call builds a fresh definition (its per-run state lives inside). */
import type { DemoName, DemoSummary } from '../shared/demos/types';
import { bestPracticesDemo } from './best-practices';
import type { DemoDefinition } from './definition';
import { ecomnowDemo } from './ecomnow';
import { ecomnowClusterDemo } from './ecomnow-cluster';
import { helloDemo } from './hello';
import { topicsDemo } from './topics';
import { workQueuesDemo } from './work-queues';

const FACTORIES: Record<DemoName, () => DemoDefinition> = {
  hello: helloDemo,
  'work-queues': workQueuesDemo,
  topics: topicsDemo,
  ecomnow: ecomnowDemo,
  'best-practices': bestPracticesDemo,
  'ecomnow-cluster': () => ecomnowClusterDemo(),
};

export function createDemo(name: DemoName): DemoDefinition {
  return FACTORIES[name]();
}

export function summarize(def: DemoDefinition): DemoSummary {
  return {
    name: def.name,
    title: def.title,
    summary: def.summary,
    steps: def.steps.map(({ title, narration }) => ({ title, narration })),
    actions: def.actions.map(({ id, label, input, help }) => ({ id, label, ...(input ? { input } : {}), ...(help ? { help } : {}) })),
    ...(def.failure ? { failure: { on: def.failure.on, off: def.failure.off } } : {}),
    toggles: def.toggles,
    ...(def.needsCluster ? { needsCluster: true } : {}),
    ...(def.presenterChart ? { presenterChart: def.presenterChart } : {}),
  };
}
