/**
 * The service's engines — topology reader, messaging (publisher, repeats, consumer manager),
 * chart sampler and demo runner — built once, here, and handed to the features with the
 * context. This is the one place that decides how many of each exist and in what order they
 * stop; no module in main/ keeps state of its own.
 */
import { ChartsSampler } from './charts/sampler';
import type { ServiceContext } from './context';
import { DemoRunner } from './demos/runner';
import { createMessaging, type Messaging } from './messaging/messaging';
import { TopologyReader } from './topology/reader';

export interface Engines {
  topology: TopologyReader;
  messaging: Messaging;
  sampler: ChartsSampler;
  demos: DemoRunner;
}

/** What a feature's handlers are built from: the service's context and its engines. */
export interface FeatureContext extends ServiceContext {
  engines: Engines;
}

export function createEngines(ctx: ServiceContext): Engines {
  const topology = new TopologyReader(ctx.connection);
  const messaging = createMessaging(ctx, topology);
  const sampler = new ChartsSampler(ctx);
  const demos = new DemoRunner(ctx, sampler);
  // Started with the service, so history exists before anyone opens a chart.
  sampler.start();
  // Shutdown hooks run last-registered first: the demo stops before the sampler that charts it.
  ctx.onShutdown(() => sampler.stop());
  ctx.onShutdown(() => demos.shutdown());
  return { topology, messaging, sampler, demos };
}
