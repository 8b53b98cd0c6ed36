/**
 * Starts Warren exactly as a user does (`npm start` → scripts/start.mjs) on a fresh data folder,
 * in browser-host mode, and gives back the printed URL. Stopping it stops its sandbox too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RunningWarren {
  /** The link Warren printed at start (one-time: the first page that opens it spends it). */
  url: string;
  /** A new one-time link, as pressing Enter in Warren's terminal gives: one per page a test opens. */
  link: () => Promise<string>;
  origin: string;
  output: () => string;
  dataDir: string;
  stop: () => Promise<void>;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export async function startWarren(env: Record<string, string> = {}): Promise<RunningWarren> {
  const dataDir = mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'e2e-data-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: { ...process.env, WARREN_DATA_DIR: dataDir, WARREN_OPEN_BROWSER: '0', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Warren did not print its URL in 60 s:\n${output}`)), 60_000);
    const check = () => {
      const match = /Warren is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`Warren exited (${code}) before printing its URL:\n${output}`)));
  });
  let links = 0;
  const link = async () => {
    const nth = ++links;
    child.stdin!.write('\n');
    for (let i = 0; i < 300; i++) {
      const printed = [...output.matchAll(/New one-time link: (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/g)];
      if (printed.length >= nth) return printed[nth - 1]![1]!;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Warren printed no new link in 30 s:\n${output}`);
  };
  return {
    url,
    link,
    origin: new URL(url).origin,
    output: () => output,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
