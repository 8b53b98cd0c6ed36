/** Progress of repeat runs, by run id, from the `messaging.repeatProgress` stream. */
import { useEffect, useState } from 'react';
import type { RepeatProgress } from '../../../shared/messaging/types';
import { bridge } from '../../app/bridge';

export function useRepeatProgress(runId: string | undefined): RepeatProgress | undefined {
  const [progress, setProgress] = useState<RepeatProgress>();
  useEffect(() => {
    if (!runId) return;
    return bridge.on('messaging.repeatProgress', (p) => {
      if (p.runId === runId) setProgress(p);
    });
  }, [runId]);
  return progress && progress.runId === runId ? progress : undefined;
}
