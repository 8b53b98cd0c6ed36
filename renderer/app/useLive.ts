/**
 * State the main process pushes as events (connection, sandbox): fetched once, then kept
 * current by events, and fetched again when the browser host's link comes back.
 */
import { useEffect, useState } from 'react';
import type { Result } from '../../shared/errors';
import type { ConnectionState, SandboxState } from '../../shared/connections/types';
import { bridge } from './bridge';

function useLive<T>(
  subscribe: (listener: (value: T) => void) => () => void,
  fetch: () => Promise<Result<T>>,
  initial: T | undefined,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(initial);
  useEffect(() => {
    let active = true;
    let eventsSeen = 0;
    const load = async () => {
      const seenBefore = eventsSeen;
      const result = await fetch();
      // An event that arrived meanwhile is newer than this answer.
      if (active && result.ok && eventsSeen === seenBefore) setValue(result.value);
    };
    const unsubscribe = subscribe((next) => {
      eventsSeen += 1;
      if (active) setValue(next);
    });
    const unsubscribeTransport = bridge.onTransport((up) => {
      if (up) void load();
    });
    void load();
    return () => {
      active = false;
      unsubscribe();
      unsubscribeTransport();
    };
  }, [subscribe, fetch]);
  return value;
}

const IDLE: ConnectionState = { status: 'idle', since: 0 };

const onConnection = (listener: (state: ConnectionState) => void) => bridge.on('connection.state', listener);
const fetchConnection = () => bridge.call('connection.state', {});
const onSandbox = (listener: (state: SandboxState) => void) => bridge.on('sandbox.state', listener);
const fetchSandbox = () => bridge.call('sandbox.state', {});

export function useConnectionStateLive(): ConnectionState {
  return useLive(onConnection, fetchConnection, IDLE) ?? IDLE;
}

/** Undefined until the first answer arrives. */
export function useSandboxState(): SandboxState | undefined {
  return useLive(onSandbox, fetchSandbox, undefined);
}
