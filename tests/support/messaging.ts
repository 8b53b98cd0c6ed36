/** Shared set-up for the messaging integration tests: a service connected to a fresh vhost. */
import amqp from 'amqplib';
import type { EventMessage } from '../../shared/contract';
import type { ReceivedMessage } from '../../shared/messaging/types';
import { createTestVhost, testBroker, waitFor } from './broker';
import { connectToRunBroker, makeService } from './service';

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
    async call<T>(op: string, input: unknown): Promise<T> {
      const r = await svc.dispatch(op, input);
      if (!r.ok) throw Object.assign(new Error(`${op}: ${r.error.code} ${r.error.message}`), { warren: r.error });
      return r.value as T;
    },
    /** Every delivery pushed to the UI so far, for one consumer. */
    delivered(consumerId: string): ReceivedMessage[] {
      return svc.events
        .filter((e: EventMessage) => e.event === 'consumers.deliveries')
        .flatMap((e) => (e.payload as { consumerId: string; messages: ReceivedMessage[] }[]).filter((b) => b.consumerId === consumerId))
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
