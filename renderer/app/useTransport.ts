/** Browser host only: whether the WebSocket to Warren's main process is up (always true in Electron). */
import { useEffect, useState } from 'react';
import { bridge } from './bridge';

export function useTransportUp(): boolean {
  const [up, setUp] = useState(true);
  useEffect(() => bridge.onTransport(setUp), []);
  return up;
}
