/**
 * Warren as a user runs it (`npm start`, browser host, connected to the run's broker from the
 * start), driven through its WebSocket bridge exactly as the page drives it: the one-time link is
 * spent, the page's socket opened, and calls go through the one typed client (shared/client.ts).
 * Events are handed to `onEvents` and not kept, so a long run costs the bench nothing.
 */
import type WebSocket from 'ws';
import { createClient } from '../../shared/client';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { waitFor } from '../support/broker';
import { startWarren, type RunningWarren } from '../support/e2e/warren-app';
import { openLink, opened, pageSocket } from '../support/web-session';

export interface BridgeEvent {
  event: string;
  payload: unknown;
}

export interface BridgeWarren {
  warren: RunningWarren;
  ws: WebSocket;
  call<K extends OperationName>(op: K, input: InputOf<K>): Promise<OutputOf<K>>;
  onEvents: (handler: (events: BridgeEvent[]) => void) => void;
  stop: () => Promise<void>;
}

export async function bridgeWarren(amqpUrl: string, managementUrl: string, env: Record<string, string> = {}): Promise<BridgeWarren> {
  const warren = await startWarren({ WARREN_BROKER_URL: amqpUrl, WARREN_MANAGEMENT_URL: managementUrl, ...env });
  const ws = pageSocket(await openLink(warren.url));
  await opened(ws);
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let handler: (events: BridgeEvent[]) => void = () => undefined;
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: Result<unknown>; events?: BridgeEvent[] };
    if (message.events) handler(message.events);
    else if (typeof message.id === 'number') pending.get(message.id)?.(message.result!);
  });
  const client = createClient(
    (op, input) =>
      new Promise<Result<unknown>>((resolve) => {
        const id = nextId++;
        pending.set(id, (result) => {
          pending.delete(id);
          resolve(result);
        });
        ws.send(JSON.stringify({ id, op, input }));
      }),
  );
  const call = async <K extends OperationName>(op: K, input: InputOf<K>): Promise<OutputOf<K>> => {
    const result = await client.call(op, input);
    if (!result.ok) throw new Error(`${op}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  await waitFor(async () => (await call('connection.state', {})).status === 'connected', 60_000, 200);
  return {
    warren,
    ws,
    call,
    onEvents: (h) => (handler = h),
    stop: async () => {
      ws.close();
      await warren.stop();
    },
  };
}
