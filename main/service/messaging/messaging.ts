/**
 * The messaging engine of a service: the publisher, repeat runs and the consumer manager, over
 * the service's one topology reader (which explains returned messages). Built once, by the
 * service's composition root (main/service/engines.ts).
 */
import type { ServiceContext } from '../context';
import type { TopologyReader } from '../topology/reader';
import { ConsumerManager } from './consumers/manager';
import { MaxMessageSize } from './max-size';
import { Publisher } from './publisher';
import { RepeatRuns } from './repeat';

export interface Messaging {
  consumers: ConsumerManager;
  publisher: Publisher;
  repeats: RepeatRuns;
}

export function createMessaging(ctx: ServiceContext, topology: TopologyReader): Messaging {
  const maxSize = new MaxMessageSize();
  return {
    publisher: new Publisher(ctx, topology, maxSize),
    repeats: new RepeatRuns(ctx, topology, maxSize),
    consumers: new ConsumerManager(ctx),
  };
}
