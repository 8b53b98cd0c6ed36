/** The running demo as the main process pushes it (`demos.state`), and the list of demos. */
import { useEffect, useState } from 'react';
import type { DemoState } from '../../../shared/demos/types';
import { bridge } from '../../app/bridge';

export function useDemoState(): DemoState | undefined {
  const [state, setState] = useState<DemoState>();
  useEffect(() => {
    let active = true;
    let seen = 0;
    const unsubscribe = bridge.on('demos.state', (next) => {
      seen += 1;
      if (active) setState(next);
    });
    const before = seen;
    void bridge.call('demos.state', {}).then((result) => {
      // An event that arrived meanwhile is newer than this answer.
      if (active && result.ok && seen === before) setState(result.value);
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, []);
  return state;
}
