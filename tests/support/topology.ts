/** A connected Warren service in a fresh vhost, and a second raw AMQP connection for the "other client". */
import amqp, { type ChannelModel } from 'amqplib';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract';
import type { WarrenError } from '../../shared/errors';
import { createTestVhost, testBroker } from './broker';
import { connectToRunBroker, makeService, valueCaller } from './service';

export interface TopologyFixture {
  vhost: string;
  ctx: ReturnType<typeof makeService>;
  other: ChannelModel;
  call: <K extends OperationName>(op: K, input: InputOf<K>) => Promise<OutputOf<K>>;
  refused: <K extends OperationName>(op: K, input: InputOf<K>) => Promise<WarrenError>;
  api: <T>(path: string) => Promise<T>;
  close: () => Promise<void>;
}

export async function topologyFixture(label: string): Promise<TopologyFixture> {
  const { vhost, remove } = await createTestVhost(label);
  const ctx = makeService();
  const b = testBroker();
  await connectToRunBroker(ctx, vhost);
  const other = await amqp.connect(`amqp://guest:guest@127.0.0.1:${b.amqpPort}/${encodeURIComponent(vhost)}`);
  other.on('error', () => undefined);
  const call = valueCaller(ctx);
  const refused = async <K extends OperationName>(op: K, input: InputOf<K>): Promise<WarrenError> => {
    const result = await ctx.dispatch(op, input);
    if (result.ok) throw new Error(`${op} succeeded but should have been refused`);
    return result.error;
  };
  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${b.managementUrl}/api${path}`, { headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` } });
    if (res.status === 404) return undefined as T;
    return (await res.json()) as T;
  };
  return {
    vhost,
    ctx,
    other,
    call,
    refused,
    api,
    close: async () => {
      await other.close().catch(() => undefined);
      await ctx.service.shutdown();
      await remove();
    },
  };
}
