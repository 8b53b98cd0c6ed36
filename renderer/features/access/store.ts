/**
 * The Access page's store: the lists (vhosts, users, permissions, topic permissions) and every
 * change to them. A change that succeeds reads the lists again, so the page shows the broker's
 * answer, not a guess.
 */
import type { z } from 'zod';
import type { saveUserInput, saveVhostInput, setPermissionInput, setTopicPermissionInput } from '../../../shared/access/contract';
import type { AccessChange, AccessLists, VhostImpact } from '../../../shared/access/types';
import type { Result, WarrenError } from '../../../shared/errors';
import type { BridgePort } from '../../app/bridgePort';
import { StateStore } from '../../app/store';

export interface AccessSnapshot {
  lists?: AccessLists;
  error?: WarrenError;
  loading: boolean;
  /** The last change's sentence, for the page's status line. */
  lastChange?: string;
}

export class AccessStore extends StateStore<AccessSnapshot> {
  constructor(private readonly bridge: BridgePort) {
    super({ loading: false });
  }

  async load(): Promise<void> {
    this.set({ loading: true });
    const result = await this.bridge.call('access.list', {});
    this.set((previous) => (result.ok ? { ...previous, lists: result.value, error: undefined, loading: false } : { ...previous, error: result.error, loading: false }));
  }

  impact(name: string): Promise<Result<VhostImpact>> {
    return this.bridge.call('access.vhost.impact', { name });
  }

  saveVhost = (input: z.input<typeof saveVhostInput>) => this.change(this.bridge.call('access.vhost.save', input));
  deleteVhost = (name: string) => this.change(this.bridge.call('access.vhost.delete', { name }));
  saveUser = (input: z.input<typeof saveUserInput>) => this.change(this.bridge.call('access.user.save', input));
  deleteUser = (name: string) => this.change(this.bridge.call('access.user.delete', { name }));
  setPermission = (input: z.input<typeof setPermissionInput>) => this.change(this.bridge.call('access.permission.set', input));
  clearPermission = (user: string, vhost: string) => this.change(this.bridge.call('access.permission.clear', { user, vhost }));
  setTopicPermission = (input: z.input<typeof setTopicPermissionInput>) => this.change(this.bridge.call('access.topicPermission.set', input));
  clearTopicPermissions = (user: string, vhost: string) => this.change(this.bridge.call('access.topicPermission.clear', { user, vhost }));

  private async change(call: Promise<Result<AccessChange>>): Promise<Result<AccessChange>> {
    const result = await call;
    if (result.ok) {
      this.set({ lastChange: result.value.summary });
      await this.load();
    }
    return result;
  }
}
