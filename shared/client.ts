/**
 * The one typed client of the contract. Whatever carries the call — the renderer's WebSocket or
 * Electron IPC, a test's WebSocket, the dispatcher itself — is a `Transport`; callers get the
 * operation's own output type back, so nobody casts a result.
 */
import type { InputOf, OperationName, OutputOf } from './contract';
import type { Result } from './errors';

/** Carries one call to the main process and brings back its Result, untyped. */
export type Transport = (op: OperationName, input: unknown) => Promise<Result<unknown>>;

export interface WarrenClient {
  call<K extends OperationName>(op: K, input: InputOf<K>): Promise<Result<OutputOf<K>>>;
}

export function createClient(transport: Transport): WarrenClient {
  return {
    // The transport ends at the dispatcher, which parsed the input with this operation's schema
    // and returned this operation's handler's output: the cast is the contract's promise.
    call: <K extends OperationName>(op: K, input: InputOf<K>) => transport(op, input) as Promise<Result<OutputOf<K>>>,
  };
}
