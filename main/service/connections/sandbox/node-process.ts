/**
 * Which process is the sandbox node. The pid file outlives the node (kill -9, a reboot), and
 * the system hands its number to other processes: a pid is trusted only while that process
 * names our node, so Warren never signals a process that is not its sandbox.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { readPid, type SandboxLayout } from './node-files';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether process `pid` is the node `nodeName`: its command line names it (newer RabbitMQ passes
 * `-sname`), or its environment does (3.x passes RABBITMQ_NODENAME). Unreadable means no.
 */
export function processNamesNode(pid: number, nodeName: string): boolean {
  const proc = readProc(pid, 'cmdline') ?? '';
  if (proc.split('\0').includes(nodeName)) return true;
  const environ = readProc(pid, 'environ');
  if (environ !== undefined) return environ.split('\0').includes(`RABBITMQ_NODENAME=${nodeName}`);
  // No /proc (macOS): ps shows the environment of our own processes with -E.
  const ps = spawnSync('ps', ['-wwE', '-p', String(pid), '-o', 'command='], { encoding: 'utf8', timeout: 2000 });
  if (ps.status !== 0 || !ps.stdout) return false;
  return ps.stdout.split(/\s+/).some((word) => word === nodeName || word === `RABBITMQ_NODENAME=${nodeName}`);
}

function readProc(pid: number, file: 'cmdline' | 'environ'): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'latin1');
  } catch {
    return undefined;
  }
}

/**
 * The pid of this folder's node when it is running; a pid file naming any other process (or
 * none) is stale and is removed, so that nothing later acts on it.
 */
export function runningNodePid(layout: SandboxLayout): number | undefined {
  const pid = readPid(layout);
  if (pid === undefined) return undefined;
  if (isAlive(pid) && processNamesNode(pid, layout.nodeName)) return pid;
  rmSync(layout.pidFile, { force: true });
  return undefined;
}

/**
 * The Erlang VMs (beam processes) that are node `nodeName`, found by the name itself in each
 * process's command line or environment — never by a pid file, which can name a stranger.
 * Other processes that inherit the node's environment (epmd it started, port helpers) are not
 * VMs and are left alone. Linux only (/proc); elsewhere the pid file's process, when it names the node.
 */
export function vmPidsOfNode(nodeName: string, pidFileGuess?: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return pidFileGuess !== undefined && isAlive(pidFileGuess) && processNamesNode(pidFileGuess, nodeName) ? [pidFileGuess] : [];
  }
  return entries
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => isErlangVm(pid) && processNamesNode(pid, nodeName));
}

function isErlangVm(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('beam');
  } catch {
    return false;
  }
}
