/**
 * One messaging engine per service: the publisher, repeat runs and the consumer manager. Other
 * features (the demos) get the same instances with `messagingFor(ctx)` — e.g.
 * `messagingFor(ctx).consumers.attach('tasks', { prefetch: 1, ackMode: 'manual', exclusive: false, keep: 10000 })`.
 */
import type { ServiceContext } from '../context';
import { ConsumerManager } from './consumers/manager';
import { MaxMessageSize } from './max-size';
import { Publisher } from './publisher';
import { RepeatRuns } from './repeat';
import { TopologySnapshots } from './topology';

export interface Messaging {
  consumers: ConsumerManager;
  publisher: Publisher;
  repeats: RepeatRuns;
  topology: TopologySnapshots;
}

const engines = new WeakMap<ServiceContext, Messaging>();

export function messagingFor(ctx: ServiceContext): Messaging {
  let m = engines.get(ctx);
  if (!m) {
    const topology = new TopologySnapshots(ctx);
    const maxSize = new MaxMessageSize();
    m = {
      topology,
      publisher: new Publisher(ctx, topology, maxSize),
      repeats: new RepeatRuns(ctx, topology, maxSize),
      consumers: new ConsumerManager(ctx),
    };
    engines.set(ctx, m);
  }
  return m;
}
