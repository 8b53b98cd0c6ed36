/**
 * The Policies page's store: one vhost's policies with its queues and exchanges (the page
 * matches a draft's pattern against them itself, on every keystroke), save and delete.
 */
import type { PolicyDraft } from '../../../shared/policies/contract';
import type { PoliciesView } from '../../../shared/policies/types';
import type { WarrenError } from '../../../shared/errors';
import type { BridgePort } from '../../app/bridgePort';
import { StateStore } from '../../app/store';

export interface PoliciesSnapshot {
  vhosts: string[];
  view?: PoliciesView;
  error?: WarrenError;
  busy?: 'save' | 'delete';
  /** The refusal of the last save or delete, shown where it was asked. */
  actionError?: WarrenError;
  notice?: string;
}

export class PoliciesStore extends StateStore<PoliciesSnapshot> {
  constructor(private readonly bridge: BridgePort) {
    super({ vhosts: [] });
  }

  async loadVhosts(): Promise<void> {
    const result = await this.bridge.call('vhosts.list', {});
    if (result.ok) this.set({ vhosts: result.value });
  }

  async load(vhost: string): Promise<void> {
    const result = await this.bridge.call('policies.view', { vhost });
    if (result.ok) this.set({ view: result.value, error: undefined });
    else this.set({ error: result.error });
  }

  /** Saves; true when the broker took it (the list is read again). */
  async save(draft: PolicyDraft): Promise<boolean> {
    this.set({ busy: 'save', actionError: undefined, notice: undefined });
    const result = await this.bridge.call('policies.save', draft);
    if (!result.ok) {
      this.set({ busy: undefined, actionError: result.error });
      return false;
    }
    await this.load(draft.vhost);
    this.set({ busy: undefined, notice: `Saved ${draft.operator ? 'operator policy' : 'policy'} ${draft.name}.` });
    return true;
  }

  async remove(vhost: string, name: string, operator: boolean): Promise<boolean> {
    this.set({ busy: 'delete', actionError: undefined, notice: undefined });
    const result = await this.bridge.call('policies.delete', { vhost, name, operator });
    if (!result.ok) {
      this.set({ busy: undefined, actionError: result.error });
      return false;
    }
    await this.load(vhost);
    this.set({ busy: undefined, notice: `Deleted ${operator ? 'operator policy' : 'policy'} ${name}.` });
    return true;
  }
}
