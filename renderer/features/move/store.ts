/** The Move page's store: start a move, follow its progress events, cancel it. */
import type { z } from 'zod';
import type { moveInput } from '../../../shared/move/contract';
import type { MoveProgress } from '../../../shared/move/types';
import type { Result } from '../../../shared/errors';
import type { BridgePort } from '../../app/bridgePort';
import { StateStore } from '../../app/store';

export interface MoveSnapshot {
  /** The latest run's progress (the page shows one run at a time). */
  progress?: MoveProgress;
}

export class MoveStore extends StateStore<MoveSnapshot> {
  constructor(private readonly bridge: BridgePort) {
    super({});
    bridge.on('messages.moveProgress', (progress) => {
      // Events of an older run that ends late do not replace the one on screen.
      if (!this.current.progress || this.current.progress.runId === progress.runId) this.set({ progress });
    });
  }

  async start(input: z.input<typeof moveInput>): Promise<Result<MoveProgress>> {
    const result = await this.bridge.call('messages.move', input);
    if (result.ok) this.set({ progress: result.value });
    return result;
  }

  cancel(runId: string): Promise<Result<MoveProgress>> {
    return this.bridge.call('messages.move.cancel', { runId });
  }
}

/** The report in a sentence: how far it read, what was moved, skipped and left, and what may be twice. */
export function moveReport(p: MoveProgress): string {
  const n = (v: number) => v.toLocaleString('en-US');
  const verb = p.mode === 'copy' ? 'copied' : 'moved';
  const state = { running: 'Running', done: 'Done', cancelled: 'Cancelled', interrupted: 'Interrupted', failed: 'Failed' }[p.state];
  const parts = [`${state}: ${n(p.examined)} of ${n(p.limit)} read`, `${n(p.moved)} ${verb}`];
  if (p.skipped > 0) parts.push(`${n(p.skipped)} skipped (left in ${p.source})`);
  if (p.unroutable > 0) parts.push(`${n(p.unroutable)} routed nowhere (left in ${p.source})`);
  if (p.possibleDuplicates > 0) parts.push(`up to ${n(p.possibleDuplicates)} may be duplicated`);
  parts.push(`${n(p.rate)} msg/s`);
  return parts.join(' · ');
}
