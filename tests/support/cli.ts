/** `npm run cli` as a script or CI job runs it (`node scripts/cli.mjs …`): its exit code, output, and last line as JSON. */
import { execFile } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json: Record<string, unknown>;
}

export function runCli(args: string[], timeoutMs = 60_000): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, 'scripts/cli.mjs'), ...args], { cwd: root, timeout: timeoutMs }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      const last = stdout.trim().split('\n').at(-1) ?? '';
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(last) as Record<string, unknown>;
      } catch {
        // left empty: the test's expectation on `json` says what was missing
      }
      resolve({ code, stdout, stderr, json });
    });
  });
}
