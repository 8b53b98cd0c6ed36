/**
 * The Topology feature's store: its tables and its snapshot kept current (tableFeed,
 * snapshotFeed), the vhosts and exchange types, and every command — declare, bind, unbind,
 * purge, delete, explain. Commands that a page reports answer with the sentence to show.
 */
import type { InputOf, OutputOf } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import type { BindingRow } from '../../../shared/topology/types';
import type { BridgePort } from '../../app/bridgePort';
import { StateStore } from '../../app/store';
import { SnapshotFeed } from './snapshotFeed';
import { TableFeed } from './tableFeed';

export interface TopologyLists {
  vhosts?: string[];
  exchangeTypes?: string[];
}

/** A done command: the sentence the page shows. */
export type Done = Result<string>;

/** "1 message", "2,000 messages". */
export const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

export class TopologyStore extends StateStore<TopologyLists> {
  readonly table: TableFeed;
  readonly snapshot: SnapshotFeed;

  constructor(private readonly bridge: BridgePort) {
    super({});
    this.table = new TableFeed(bridge);
    this.snapshot = new SnapshotFeed(bridge);
  }

  /** Asks for the vhosts again (the page does when it opens). */
  async loadVhosts(): Promise<void> {
    const r = await this.bridge.call('vhosts.list', {});
    if (r.ok) this.set({ vhosts: r.value });
  }

  /** The broker's exchange types (plugins add some), asked once per window. */
  async loadExchangeTypes(): Promise<void> {
    if (this.current.exchangeTypes) return;
    const r = await this.bridge.call('topology.exchangeTypes', {});
    if (r.ok) this.set({ exchangeTypes: r.value });
  }

  async declareQueue(input: InputOf<'topology.declareQueue'>, vhost: string): Promise<Done> {
    const r = await this.bridge.call('topology.declareQueue', input);
    return r.ok ? { ok: true, value: `Declared queue ${r.value.name} in ${vhost}` } : r;
  }

  async declareExchange(input: InputOf<'topology.declareExchange'>, vhost: string): Promise<Done> {
    const r = await this.bridge.call('topology.declareExchange', input);
    return r.ok ? { ok: true, value: `Declared exchange ${r.value.name} (${input.type}) in ${vhost}` } : r;
  }

  bind(input: InputOf<'topology.bind'>): Promise<Result<OutputOf<'topology.bind'>>> {
    return this.bridge.call('topology.bind', input);
  }

  async unbind(b: Pick<BindingRow, 'source' | 'destination' | 'destinationType' | 'routingKey' | 'propertiesKey'>): Promise<Done> {
    const { source, destination, destinationType, routingKey, propertiesKey } = b;
    const r = await this.bridge.call('topology.unbind', { source, destination, destinationType, routingKey, propertiesKey });
    return r.ok ? { ok: true, value: `Removed the binding from ${source} to ${destination}` } : r;
  }

  async purge(queue: string): Promise<Done> {
    const r = await this.bridge.call('topology.purge', { queue });
    return r.ok ? { ok: true, value: `Purged ${count(r.value.purged, 'message')} from ${queue}` } : r;
  }

  async deleteQueue(name: string, options: { ifUnused: boolean; ifEmpty: boolean }): Promise<Done> {
    const r = await this.bridge.call('topology.delete', { kind: 'queue', name, ...options });
    return r.ok ? { ok: true, value: `Deleted queue ${name}${r.value.messagesDeleted ? ` (${count(r.value.messagesDeleted, 'message')} lost)` : ''}` } : r;
  }

  async deleteExchange(name: string, options: { ifUnused: boolean }): Promise<Done> {
    const r = await this.bridge.call('topology.delete', { kind: 'exchange', name, ...options });
    return r.ok ? { ok: true, value: `Deleted exchange ${name}` } : r;
  }

  async closeConnection(name: string, reason: string): Promise<Done> {
    const r = await this.bridge.call('topology.closeConnection', { name, reason });
    return r.ok ? { ok: true, value: `Closed connection ${name} (reason given: “${r.value.reason}”)` } : r;
  }

  explain(input: InputOf<'topology.explain'>): Promise<Result<OutputOf<'topology.explain'>>> {
    return this.bridge.call('topology.explain', input);
  }
}
