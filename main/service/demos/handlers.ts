/** The demos operations of the service. */
import { createDemo, summarize } from '../../../demos/registry';
import type { HandlersFor } from '../../../shared/contract';
import type { demoOperations } from '../../../shared/demos/contract';
import { demoCode } from '../../../shared/demos/code';
import { DEMO_NAMES } from '../../../shared/demos/types';
import type { ServiceContext } from '../context';
import type { FeatureContext } from '../engines';

export function demoHandlers(ctx: FeatureContext): HandlersFor<typeof demoOperations> {
  const runner = ctx.engines.demos;
  return {
    'demos.list': async () => DEMO_NAMES.map((name) => summarize(createDemo(name))),
    'demos.state': async () => runner.state(),
    'demos.run': ({ name, options }) => runner.run(name, options),
    'demos.step': async () => runner.step(),
    'demos.action': async ({ action, ...input }) => runner.action(action, input),
    'demos.failure': async ({ on }) => runner.failure(on),
    'demos.setOptions': async (options) => runner.setOptions(options),
    'demos.reset': () => runner.reset(),
    'demos.code': async ({ name }) => {
      // The code panel shows where the demo runs; before a run, where it would run.
      const state = runner.state();
      const connection = ctx.connection.state;
      const running = state.name === name && state.broker && state.isolation;
      if (running) {
        return demoCode(name, { ...state.broker!, vhost: state.isolation!.vhost, prefix: state.isolation!.prefix });
      }
      const target = connection.profileId ? safeTarget(ctx, connection.profileId) : undefined;
      return demoCode(name, {
        host: target?.host ?? 'localhost',
        port: target?.port ?? 5672,
        vhost: connection.vhost ?? '/',
        username: target?.username ?? 'guest',
        tls: target?.tls.enabled ?? false,
        prefix: '',
      });
    },
  };
}

function safeTarget(ctx: ServiceContext, profileId: string) {
  try {
    return ctx.catalog.target(profileId);
  } catch {
    return undefined;
  }
}
