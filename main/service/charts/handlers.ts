/** The charts operations of the service: the watch list, history and markers of the sampler. */
import type { HandlersFor } from '../../../shared/contract';
import type { chartsOperations } from '../../../shared/charts/contract';
import type { FeatureContext } from '../engines';

export function chartsHandlers(ctx: FeatureContext): HandlersFor<typeof chartsOperations> {
  const { sampler } = ctx.engines;
  return {
    'charts.watch': async ({ vhost, queues }) => sampler.watch(vhost, queues),
    'charts.unwatch': async ({ vhost, queues, all }) => {
      if (all) return sampler.unwatch(undefined);
      return sampler.unwatch(vhost, queues ?? []);
    },
    'charts.status': async () => sampler.currentStatus(),
    'charts.history': async (input) => sampler.history(input),
    'charts.marker': async ({ label, vhost, queue }) =>
      sampler.recordMarker(label, { kind: 'user', ...(queue ? { ref: { vhost: vhost ?? ctx.connection.state.vhost ?? '/', queue } } : {}) }),
  };
}
