/**
 * The last full list of each table the service read, per management client (so another broker's
 * rows are never shown): a fresh page load gets its first page at once, and a filter typed before
 * the page holds every row is answered from it — both marked `remembered`, with the time they were
 * read — while the broker is asked again. Bounded: a few tables and rows per client, the oldest dropped.
 *
 * It also keeps one read of a full list in flight per table: at 100,000 queues a read costs the
 * broker ~40 s of CPU, so a second page (or a refresh) asking meanwhile shares the answer. And for
 * a table too big to read whole, its names alone (TableNames), so a filter finds its matches here.
 */
import type { TableKind, TableResult } from '../../../shared/topology/types';

/** Every name of a table too big to read whole, read without statistics, and when (see lists.ts). */
export interface TableNames {
  names: { vhost: string; name: string }[];
  readAt: number;
}

/**
 * Names older than this are read again (in the background) when next used. Reading 100,000 names
 * costs the broker tens of seconds of CPU, and the broker's own filter follows every answer from
 * them (a queue declared since shows then), so they are not read more often.
 */
export const NAMES_MAX_AGE_MS = 300_000;

const MAX_TABLES = 8;
/**
 * And at most this many rows in all (a list bigger than that alone is still kept, on its own): a
 * queue row takes ~750 bytes of main's heap (measured on 100,000), so this is ~150 MB at most.
 */
export const MAX_REMEMBERED_ROWS = 200_000;
/** The key of every vhost's time of change: the every-vhost lists are out of date after any. */
const ANY = '*';

export class TableMemory {
  private readonly byClient = new WeakMap<object, Map<string, TableResult>>();
  /** The last plain first page of each table, for tables never read whole (FULL_LIST_MAX_ROWS). */
  private readonly firstPages = new WeakMap<object, Map<string, TableResult>>();
  private readonly reading = new WeakMap<object, Map<string, Promise<TableResult>>>();
  private readonly names = new WeakMap<object, Map<string, TableNames>>();
  /** The names reads in flight, each resolving to what it kept (nothing: it failed or was dropped). */
  private readonly readingNames = new WeakMap<object, Map<string, Promise<TableNames | undefined>>>();
  /** When Warren last changed each vhost (and any vhost), per client, by scope(). */
  private readonly changedAt = new WeakMap<object, Map<string, number>>();

  get(client: object, kind: TableKind, vhost: string | undefined): TableResult | undefined {
    return this.byClient.get(client)?.get(key(kind, vhost));
  }

  /**
   * Keeps a complete list (a first page or a filtered answer is never remembered), unless Warren
   * changed its vhost after the read began: then the list may miss the change.
   */
  set(client: object, kind: TableKind, result: TableResult): void {
    if (!result.complete || !this.keepable(client, result)) return;
    const tables = newest(this.byClient, client, key(kind, result.vhost), result);
    const rows = () => [...tables.values()].reduce((n, t) => n + t.data.rows.length, 0);
    while (tables.size > MAX_TABLES || (tables.size > 1 && rows() > MAX_REMEMBERED_ROWS)) tables.delete(tables.keys().next().value as string);
  }

  /** The broker's own answer, unfiltered, read after Warren last changed its vhost. */
  private keepable(client: object, result: TableResult): boolean {
    if (result.filter !== undefined || result.remembered) return false;
    const changed = this.changedAt.get(client)?.get(scope(result.vhost));
    return changed === undefined || result.fetchedAt > changed;
  }

  getFirstPage(client: object, kind: TableKind, vhost: string | undefined): TableResult | undefined {
    return this.firstPages.get(client)?.get(key(kind, vhost));
  }

  /** Keeps the broker's plain first page of a table (not a filtered or remembered one), unless Warren changed its vhost since. */
  setFirstPage(client: object, kind: TableKind, result: TableResult): void {
    if (!this.keepable(client, result)) return;
    const pages = newest(this.firstPages, client, key(kind, result.vhost), result);
    while (pages.size > MAX_TABLES) pages.delete(pages.keys().next().value as string);
  }

  getNames(client: object, kind: TableKind, vhost: string | undefined): TableNames | undefined {
    return this.names.get(client)?.get(key(kind, vhost));
  }

  /**
   * Reads a table's names in the background with `read()` unless they are younger than
   * NAMES_MAX_AGE_MS or being read; keeps them unless Warren changed the vhost meanwhile. A failed
   * read keeps nothing (the broker's own filter answers instead).
   */
  refreshNames(client: object, kind: TableKind, vhost: string | undefined, read: () => Promise<TableNames>): void {
    const k = key(kind, vhost);
    const held = this.getNames(client, kind, vhost);
    let reading = this.readingNames.get(client);
    if (!reading) this.readingNames.set(client, (reading = new Map()));
    if ((held && Date.now() - held.readAt < NAMES_MAX_AGE_MS) || reading.has(k)) return;
    const kept = read()
      .then((names) => {
        const changed = this.changedAt.get(client)?.get(scope(vhost));
        if (changed !== undefined && names.readAt <= changed) return undefined;
        let tables = this.names.get(client);
        if (!tables) this.names.set(client, (tables = new Map()));
        tables.delete(k);
        tables.set(k, names);
        while (tables.size > MAX_TABLES) tables.delete(tables.keys().next().value as string);
        return names;
      })
      .catch(() => undefined)
      .finally(() => reading.delete(k));
    reading.set(k, kept);
  }

  /** The read of a table's names in flight, resolving to the names it kept (undefined: it kept none); undefined when none is. */
  namesBeingRead(client: object, kind: TableKind, vhost: string | undefined): Promise<TableNames | undefined> | undefined {
    return this.readingNames.get(client)?.get(key(kind, vhost));
  }

  /** `read()` of a full list, or the answer of the read of that table already in flight. */
  shared(client: object, kind: TableKind, vhost: string | undefined, read: () => Promise<TableResult>): Promise<TableResult> {
    let reads = this.reading.get(client);
    if (!reads) this.reading.set(client, (reads = new Map()));
    const k = key(kind, vhost);
    const running = reads.get(k);
    if (running) return running;
    const started = read().finally(() => {
      if (reads.get(k) === started) reads.delete(k);
    });
    reads.set(k, started);
    return started;
  }

  /**
   * After Warren changed a vhost: its lists (and every-vhost lists) are no longer what the broker
   * has, and a read already running may miss the change, so the next caller starts a new one.
   */
  forget(client: object, vhost: string): void {
    let changed = this.changedAt.get(client);
    if (!changed) this.changedAt.set(client, (changed = new Map()));
    const now = Date.now();
    changed.set(scope(vhost), now);
    changed.set(scope(undefined), now);
    const stale = (k: string) => k.endsWith('|*') || k.endsWith(`|=${vhost}`);
    for (const k of [...(this.reading.get(client)?.keys() ?? [])]) if (stale(k)) this.reading.get(client)?.delete(k);
    for (const kept of [this.byClient.get(client), this.firstPages.get(client)]) {
      for (const [k, result] of kept ?? []) if (result.vhost === undefined || result.vhost === vhost) kept?.delete(k);
    }
    for (const k of [...(this.names.get(client)?.keys() ?? [])]) if (stale(k)) this.names.get(client)?.delete(k);
  }
}

/** One vhost ('=name'), or every vhost ('*'). */
function scope(vhost: string | undefined): string {
  return vhost === undefined ? ANY : `=${vhost}`;
}

function key(kind: TableKind, vhost: string | undefined): string {
  return `${kind}|${scope(vhost)}`;
}

/** Puts `result` under `k` as the client's newest entry (a Map keeps insertion order: the oldest go first). */
function newest(store: WeakMap<object, Map<string, TableResult>>, client: object, k: string, result: TableResult): Map<string, TableResult> {
  let entries = store.get(client);
  if (!entries) store.set(client, (entries = new Map()));
  entries.delete(k);
  entries.set(k, result);
  return entries;
}
