/** Shared set-up for the messaging integration tests: a service connected to a fresh vhost. */
import amqp from 'amqplib';
import type { ReceivedMessage } from '../../shared/messaging/types';
import { createTestVhost, testBroker, waitFor } from './broker';
import { connectToRunBroker, makeService, payloadsOf, valueCaller } from './service';

export async function connectedService(label: string) {
  const { vhost, remove } = await createTestVhost(label);
  const svc = makeService();
  const b = testBroker();
  await connectToRunBroker(svc, vhost);
  const raw = await amqp.connect(`amqp://guest:guest@${b.host}:${b.amqpPort}/${encodeURIComponent(vhost)}`);
  const ch = await raw.createChannel();
  return {
    vhost,
    svc,
    raw,
    ch,
    /** Calls an operation and returns its value, or throws its error. */
    call: valueCaller(svc),
    /** Every delivery pushed to the UI so far, for one consumer. */
    delivered(consumerId: string): ReceivedMessage[] {
      return payloadsOf(svc.events, 'consumers.deliveries')
        .flatMap((batches) => batches.filter((b) => b.consumerId === consumerId))
        .flatMap((b) => b.messages);
    },
    async waitDelivered(consumerId: string, n: number): Promise<ReceivedMessage[]> {
      const got = await waitFor(() => {
        const seen = this.delivered(consumerId);
        return seen.length >= n ? seen : undefined;
      });
      return got ?? [];
    },
    async close() {
      await raw.close().catch(() => undefined);
      await svc.service.shutdown();
      await remove();
    },
  };
}
