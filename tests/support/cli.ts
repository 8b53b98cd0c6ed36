/** Runs `npm run cli` as a script does (`node scripts/cli.mjs …`): its exit code, output, and last line as JSON. */
import { execFile } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

export function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string; json: Record<string, unknown> }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, 'scripts/cli.mjs'), ...args], { cwd: root, timeout: 60_000 }, (err, stdout, stderr) => {
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
