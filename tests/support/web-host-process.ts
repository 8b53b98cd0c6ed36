/** Starts tests/support/web-host-child.ts and talks to it: new links, its RSS, whether it is still alive. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface HostProcess {
  port: number;
  url: string;
  pid: number;
  /** Exit code or signal once it ended; undefined while it runs. */
  exited(): string | undefined;
  output(): string;
  newLink(): Promise<string>;
  /** Resident set size in MB (Linux /proc). */
  rssMb(): number;
  stop(): Promise<void>;
}

export async function startHostProcess(env: Record<string, string> = {}): Promise<HostProcess> {
  // tsx as a loader inside one node process, so `pid` is the host itself (its RSS is the host's).
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/support/web-host-child.ts')], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let exit: string | undefined;
  const lines: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    out += chunk;
    let nl;
    while ((nl = out.indexOf('\n')) >= 0) {
      const line = out.slice(0, nl);
      out = out.slice(nl + 1);
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        err += `${line}\n`;
      }
      waiters.splice(0).forEach((w) => w());
    }
  });
  child.stderr!.on('data', (d) => (err += String(d)));
  child.on('exit', (code, signal) => {
    exit = signal ?? `exit ${code}`;
    waiters.splice(0).forEach((w) => w());
  });
  const nextLine = async (has: (l: Record<string, unknown>) => boolean) => {
    for (;;) {
      const found = lines.findIndex(has);
      if (found >= 0) return lines.splice(found, 1)[0]!;
      if (exit) throw new Error(`host process ended (${exit}):\n${err}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const first = await nextLine((l) => 'port' in l);
  return {
    port: first.port as number,
    url: first.url as string,
    pid: child.pid!,
    exited: () => exit,
    output: () => err,
    async newLink() {
      child.stdin!.write('\n');
      return (await nextLine((l) => 'link' in l)).link as string;
    },
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (exit) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.stdin!.end();
      }),
  };
}
