/**
 * Warren as a user runs it (`npm start`, browser host, connected to the run's broker from the
 * start), driven through its WebSocket bridge exactly as the page drives it: the one-time link is
 * spent, the page's socket opened, and calls go through the one typed client (shared/client.ts).
 * Events are handed to `onEvents` and not kept, so a long run costs the bench nothing.
 */
import type WebSocket from 'ws';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract';
import { waitFor } from '../support/broker';
import { startWarren, type RunningWarren } from '../support/e2e/warren-app';
import { pageClient, type BridgeEvent } from '../support/bridge-client';

export type { BridgeEvent } from '../support/bridge-client';

export interface BridgeWarren {
  warren: RunningWarren;
  ws: WebSocket;
  call<K extends OperationName>(op: K, input: InputOf<K>): Promise<OutputOf<K>>;
  onEvents: (handler: (events: BridgeEvent[]) => void) => void;
  stop: () => Promise<void>;
}

export async function bridgeWarren(amqpUrl: string, managementUrl: string, env: Record<string, string> = {}): Promise<BridgeWarren> {
  const warren = await startWarren({ WARREN_BROKER_URL: amqpUrl, WARREN_MANAGEMENT_URL: managementUrl, ...env });
  let handler: (events: BridgeEvent[]) => void = () => undefined;
  const { ws, call } = await pageClient(warren.url, (events) => handler(events));
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
