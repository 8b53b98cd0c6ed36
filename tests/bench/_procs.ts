/**
 * Bench helper: the processes of one Warren run (found by its data folder in their environment)
 * and their CPU time and resident memory, read from /proc. Linux only, as the benches are.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const TICK = 100; // clock ticks per second (/proc)

/** Warren's processes for `dataDir`; with `script`, only those whose command line names it (main, started as a user does: 'scripts/start.mjs'). */
export function processesOf(dataDir: string, script?: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/environ`, 'utf8').includes(`WARREN_DATA_DIR=${dataDir}`)) continue;
      if (script && !readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(script)) continue;
      pids.push(Number(entry));
    } catch {
      // Gone, or not ours.
    }
  }
  return pids;
}

/** CPU seconds and resident bytes of `pids` together. */
export function usage(pids: number[]): { cpuS: number; rssBytes: number } {
  let cpu = 0;
  let rss = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu += (Number(fields[11]) + Number(fields[12])) / TICK;
      rss += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
    } catch {
      // Exited.
    }
  }
  return { cpuS: cpu, rssBytes: rss };
}

/** The process listening on 127.0.0.1:`port` (the broker, by its management port), from /proc. */
export function listenerOf(port: number): number | undefined {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    try {
      for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
        const f = line.trim().split(/\s+/);
        // local_address ends with :PORT; state 0A is LISTEN; field 9 is the socket's inode.
        if (f[1]?.endsWith(`:${hex}`) && f[3] === '0A' && f[9]) inodes.add(f[9]);
      }
    } catch {
      // No IPv6 table.
    }
  }
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      for (const fd of readdirSync(`/proc/${entry}/fd`)) {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return Number(entry);
      }
    } catch {
      // Gone, or not readable.
    }
  }
  return undefined;
}

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
