/**
 * The last full list of each table the service read, per management client (so another broker's
 * rows are never shown): a fresh page load gets its first page at once, and a filter typed before
 * the page holds every row is answered from it — both marked `remembered`, with the time they were
 * read — while the broker is asked again. Bounded: a few tables per client, the oldest dropped.
 */
import type { TableKind, TableResult } from '../../../shared/topology/types';

const MAX_TABLES = 8;

export class TableMemory {
  private readonly byClient = new WeakMap<object, Map<string, TableResult>>();

  get(client: object, kind: TableKind, vhost: string | undefined): TableResult | undefined {
    return this.byClient.get(client)?.get(key(kind, vhost));
  }

  /** Keeps a complete list (a first page or a filtered answer is never remembered). */
  set(client: object, kind: TableKind, result: TableResult): void {
    if (!result.complete || result.filter !== undefined || result.remembered) return;
    let tables = this.byClient.get(client);
    if (!tables) this.byClient.set(client, (tables = new Map()));
    const k = key(kind, result.vhost);
    tables.delete(k);
    tables.set(k, result);
    while (tables.size > MAX_TABLES) tables.delete(tables.keys().next().value as string);
  }

  /** After Warren changed a vhost: its lists (and every-vhost lists) are no longer what the broker has. */
  forget(client: object, vhost: string): void {
    const tables = this.byClient.get(client);
    if (!tables) return;
    for (const [k, result] of tables) if (result.vhost === undefined || result.vhost === vhost) tables.delete(k);
  }
}

function key(kind: TableKind, vhost: string | undefined): string {
  return `${kind}|${vhost === undefined ? '*' : `=${vhost}`}`;
}
