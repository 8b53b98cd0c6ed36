/**
 * Bench helper: the processes of one Warren run (found by its data folder in their environment)
 * and their CPU time and resident memory, read from /proc. Linux only, as the benches are.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK = 100; // clock ticks per second (/proc)

/** Warren's processes for `dataDir`; with `script`, only those whose command line names it (main: 'dist/main/web.mjs'). */
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

/** The broker's Erlang VM (beam.smp) whose command line names `nodeDir` or, failing that, every beam.smp. */
export function brokerPids(hint?: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes('beam.smp') && (!hint || cmd.includes(hint))) pids.push(Number(entry));
    } catch {
      // Gone.
    }
  }
  return pids;
}

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
