// `npm run bench -- <name ...|all>`: runs tests/bench/<name>.ts (all of them for `all` or none)
// against one sandbox broker started for the run; each bench writes its section of
// docs/benchmarks.md with the command that produced it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureNodeModules, ensureSystemPackages, root } from './setup.mjs';

ensureNodeModules();
if (ensureSystemPackages(['rabbitmq-server', 'chromium']).length > 0) process.exit(1);
const { build } = await import('./build.mjs');
await build();

const available = readdirSync(path.join(root, 'tests/bench'))
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''));
const asked = process.argv.slice(2);
const names = asked.length === 0 || asked.includes('all') ? available : asked;
const unknown = names.filter((n) => !available.includes(n));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'warren-bench-'));
const tsx = path.join(root, 'node_modules/.bin/tsx');
const sandboxDir = path.join(work, 'sandbox');
const started = spawnSync(tsx, ['tests/support/sandbox-cli.ts', 'start', sandboxDir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (started.status !== 0) process.exit(1);
const broker = JSON.parse(started.stdout.trim().split('\n').pop());
let failed = 0;
const minutes = (ms) => `${(ms / 60_000).toFixed(1)} min`;
const runStarted = Date.now();
try {
  for (const name of names) {
    console.log(`\n=== bench: ${name} ===`);
    const benchStarted = Date.now();
    const status = spawnSync(tsx, [`tests/bench/${name}.ts`], {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        WARREN_TEST_AMQP_PORT: String(broker.amqpPort),
        WARREN_TEST_MANAGEMENT_PORT: String(broker.managementPort),
        WARREN_TEST_WORK: work,
        WARREN_BENCH_COMMAND: `npm run bench -- ${name}`,
      },
    }).status;
    if (status !== 0) failed++;
    console.log(`=== bench: ${name} took ${minutes(Date.now() - benchStarted)} ===`);
  }
  // `all` must fit in 40 minutes on a 2-core machine (issue 13): say what it took.
  if (names.length > 1) console.log(`\n${names.length} benchmarks in ${minutes(Date.now() - runStarted)} (${failed} failed)`);
} finally {
  spawnSync(tsx, ['tests/support/sandbox-cli.ts', 'stop', sandboxDir], { cwd: root, stdio: 'inherit' });
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed > 0 ? 1 : 0);
