/**
 * One page of a big table (over BY_NAME_ABOVE rows), read the cheap way round: the page's names
 * first, then each row on its own.
 *
 * Any page of the broker's list with statistics (`/api/queues/v?page=1`, what the management UI
 * asks) makes it gather and sort the statistics of every queue first: at 100,000 queues 10–40 s of
 * its CPU for 100 rows, a filter included. With `disable_stats=true` it lists the names from its
 * own tables without statistics (20,000 queues: 0.5 s for a filtered page against 2.2 s, measured on
 * 3.10), and one object's row (`/api/queues/v/name`) costs it ~5 ms whatever the size. So a page is
 * its names (paged and `name=`-filtered by the broker as before) and then at most 100 small reads.
 * At 100,000 queues on a broker already busy with their statistics the names page took as long
 * as the plain one (31 s against 32 s, measured): there a filter is answered from the names the
 * service keeps (TableMemory, lists.ts) and this page is the fallback.
 *
 * Small tables are asked the plain way, one request as cheap as the names page: the names page
 * tells the size (only a first visit pays that extra request; after it the service knows the size
 * from the first page it remembers).
 */
import type { TableKind } from '../../../shared/topology/types';
import type { WarrenError } from '../../../shared/errors';
import { expectRows, vhostPath, type ManagementClient, type Page } from '../broker/management';
import type { TableNames } from './table-memory';

type Raw = Record<string, unknown>;

/**
 * Above this many rows a page is read by name. At 10,000 queues on a loaded machine (load 7–10)
 * the plain page took 0.25–4.4 s and a filtered one 0.24–6.3 s, the names page 0.2 s and each row 2–6 ms.
 */
export const BY_NAME_ABOVE = 2_000;

/** Object reads in flight at once: enough to hide each one's round trip, few for the broker. */
const READS_AT_ONCE = 8;

/** The tables whose rows can be read one by one, and the path of one row. */
const ONE_ROW: Partial<Record<TableKind, (vhost: string, name: string) => string>> = {
  queues: (vhost, name) => `/queues/${vhostPath(vhost)}/${encodeURIComponent(name)}`,
  // The default exchange is named "" in lists and "amq.default" in its own path.
  exchanges: (vhost, name) => `/exchanges/${vhostPath(vhost)}/${encodeURIComponent(name === '' ? 'amq.default' : name)}`,
};

export function readsByName(kind: TableKind): boolean {
  return ONE_ROW[kind] !== undefined;
}

/**
 * The first page of `path` read by name, as the broker's own page would answer it (its counts are
 * the names page's), or undefined when the table has `byNameAbove` rows or fewer (the caller asks
 * the plain page). Rows deleted between the two reads are left out.
 */
export async function firstPageByName(
  management: ManagementClient,
  kind: TableKind,
  path: string,
  request: { columns: string[]; pageSize: number; byName: Record<string, string | boolean>; byNameAbove: number; timeoutMs: number },
): Promise<Page<Raw> | undefined> {
  const one = ONE_ROW[kind];
  if (!one) return undefined;
  const params = { disable_stats: true, columns: 'name,vhost', page: 1, page_size: request.pageSize, ...request.byName };
  const names = await management.get<Page<Raw>>(path, params, request.timeoutMs);
  if (names.total_count <= request.byNameAbove) return undefined;
  const wanted = expectRows<Raw>(names.items, path).map((r) => ({ vhost: String(r.vhost ?? ''), name: String(r.name ?? '') }));
  return { ...names, items: await rowsByName(management, one, wanted, request.columns) };
}

/**
 * One page of the names the service holds for a table (TableMemory's names): the first
 * `pageSize` that `match`, each row read on its own, counted as the broker's page would be.
 */
export async function pageFromNames(
  management: ManagementClient,
  kind: TableKind,
  all: TableNames['names'],
  match: (name: string) => boolean,
  request: { columns: string[]; pageSize: number },
): Promise<Page<Raw>> {
  const one = ONE_ROW[kind];
  if (!one) throw new Error(`${kind} rows are not read by name`);
  const matching = all.filter((n) => match(n.name));
  const items = await rowsByName(management, one, matching.slice(0, request.pageSize), request.columns);
  return { items, total_count: all.length, filtered_count: matching.length, page: 1, page_count: Math.max(1, Math.ceil(matching.length / request.pageSize)) };
}

/** Each named row, read on its own (8 at a time), in the names' order; rows deleted meanwhile are left out. */
async function rowsByName(management: ManagementClient, one: (vhost: string, name: string) => string, wanted: TableNames['names'], columnList: string[]): Promise<Raw[]> {
  const columns = columnList.join(',');
  const rows = await eachAtMost(READS_AT_ONCE, wanted, async ({ vhost, name }) => {
    try {
      return await management.get<Raw>(one(vhost, name), { columns });
    } catch (err) {
      if ((err as WarrenError).code === 'NOT_FOUND') return undefined;
      throw err;
    }
  });
  return rows.filter((r): r is Raw => r !== undefined);
}

/** Every name of `path` (a table too big to read whole), read without statistics. */
export async function readNames(management: ManagementClient, path: string, timeoutMs: number): Promise<TableNames> {
  const readAt = Date.now();
  const rows = await management.list<Raw>(path, ['name', 'vhost'], { disable_stats: true }, timeoutMs);
  return { names: rows.map((r) => ({ vhost: String(r.vhost ?? ''), name: String(r.name ?? '') })), readAt };
}

/** `work` over every item, at most `limit` at a time, results in the items' order. */
async function eachAtMost<T, R>(limit: number, items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
