/**
 * A page's bridge without a browser: the one-time link spent as the page spends it
 * (web-session.ts), then typed calls over the WebSocket through the one client
 * (shared/client.ts). Events go to `onEvents` as they arrive. Used by the fault tests and the
 * benchmarks, which drive Warren the way a click does.
 */
import type WebSocket from 'ws';
import { createClient } from '../../shared/client';
import type { InputOf, OperationName, OutputOf } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { openLink, opened, pageSocket } from './web-session';

export interface BridgeEvent {
  event: string;
  payload: unknown;
}

export interface PageClient {
  ws: WebSocket;
  /** The operation's value, or throws its error. */
  call<K extends OperationName>(op: K, input: InputOf<K>): Promise<OutputOf<K>>;
}

export async function pageClient(link: string, onEvents: (events: BridgeEvent[]) => void): Promise<PageClient> {
  const ws = pageSocket(await openLink(link));
  await opened(ws);
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: Result<unknown>; events?: BridgeEvent[] };
    if (message.events) onEvents(message.events);
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
  return {
    ws,
    async call<K extends OperationName>(op: K, input: InputOf<K>): Promise<OutputOf<K>> {
      const result = await client.call(op, input);
      if (!result.ok) throw new Error(`${op}: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
  };
}
