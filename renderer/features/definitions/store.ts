/**
 * The Definitions page's store: the vhosts to pick from, an export, and an import in three
 * steps — compare (the diff), tick, then dry run or apply the ticked changes. The source (a
 * file's text or a vhost) stays here so that the apply sends the same source the diff read.
 */
import type { DefinitionsSource } from '../../../shared/definitions/contract';
import type { ApplyReport, DefinitionChange, DefinitionsDiff } from '../../../shared/definitions/types';
import type { WarrenError } from '../../../shared/errors';
import type { BridgePort } from '../../app/bridgePort';
import { StateStore } from '../../app/store';

export interface DefinitionsSnapshot {
  vhosts: string[];
  busy?: 'export' | 'diff' | 'dryRun' | 'apply';
  exported?: { fileName: string; summary: string };
  /** What the diff was computed from, and for which target (undefined vhost: the broker). */
  source?: DefinitionsSource & { name: string };
  target?: { vhost?: string };
  diff?: DefinitionsDiff;
  /** Ids of the ticked changes. */
  selected: string[];
  report?: ApplyReport;
  error?: WarrenError;
}

/** Ticked at first: what a plain import does (added and changed), never a refused change, never a removal. */
export function tickedByDefault(change: DefinitionChange): boolean {
  return change.kind !== 'removed' && !change.refusal;
}

export class DefinitionsStore extends StateStore<DefinitionsSnapshot> {
  constructor(private readonly bridge: BridgePort) {
    super({ vhosts: [], selected: [] });
  }

  async loadVhosts(): Promise<void> {
    const result = await this.bridge.call('vhosts.list', {});
    if (result.ok) this.set({ vhosts: result.value });
  }

  /** Another open broker's vhosts, to pick the one to compare with. */
  async vhostsOf(broker: string): Promise<string[]> {
    const result = await this.bridge.call('vhosts.list', { broker });
    return result.ok ? result.value : [];
  }

  /** Exports and hands the file to `save` (the page downloads it). */
  async export(vhost: string | undefined, save: (fileName: string, text: string) => void): Promise<void> {
    this.set({ busy: 'export', error: undefined, exported: undefined });
    const result = await this.bridge.call('definitions.export', vhost === undefined ? {} : { vhost });
    if (!result.ok) return this.set({ busy: undefined, error: result.error });
    save(result.value.fileName, result.value.text);
    const c = result.value.counts;
    const summary = `${c.queues} queues, ${c.exchanges} exchanges, ${c.bindings} bindings, ${c.policies} policies${vhost === undefined ? `, ${c.users} users, ${c.vhosts} vhosts` : ''}`;
    this.set({ busy: undefined, exported: { fileName: result.value.fileName, summary } });
  }

  async compare(source: DefinitionsSource & { name: string }, vhost: string | undefined): Promise<void> {
    this.set({ busy: 'diff', error: undefined, report: undefined, diff: undefined, source, target: { vhost } });
    const { name: _name, ...wire } = source;
    const result = await this.bridge.call('definitions.diff', { source: wire, ...(vhost === undefined ? {} : { vhost }) });
    if (!result.ok) return this.set({ busy: undefined, error: result.error });
    this.set({ busy: undefined, diff: result.value, selected: result.value.changes.filter(tickedByDefault).map((c) => c.id) });
  }

  toggle(id: string, on: boolean): void {
    this.set((s) => ({ ...s, selected: on ? [...new Set([...s.selected, id])] : s.selected.filter((x) => x !== id), report: undefined }));
  }

  /** Applies the ticked changes (or, `dryRun`, says what would be sent); an apply compares again after. */
  async apply(dryRun: boolean): Promise<void> {
    const { source, target, selected } = this.current;
    if (!source || !target) return;
    this.set({ busy: dryRun ? 'dryRun' : 'apply', error: undefined, report: undefined });
    const { name: _name, ...wire } = source;
    const result = await this.bridge.call('definitions.apply', { source: wire, ...(target.vhost === undefined ? {} : { vhost: target.vhost }), accept: selected, dryRun });
    if (!result.ok) return this.set({ busy: undefined, error: result.error });
    if (dryRun) return this.set({ busy: undefined, report: result.value });
    // The broker changed: show where it stands now, with the report of what was done.
    const diff = await this.bridge.call('definitions.diff', { source: wire, ...(target.vhost === undefined ? {} : { vhost: target.vhost }) });
    this.set({ busy: undefined, report: result.value, ...(diff.ok ? { diff: diff.value, selected: diff.value.changes.filter(tickedByDefault).map((c) => c.id) } : {}) });
  }
}
