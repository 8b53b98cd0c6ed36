// `npm test`: installs what the tests need, builds, starts one sandbox RabbitMQ node for the
// run, runs the unit + integration (Vitest) and end-to-end (Playwright, Debian Chromium) suites,
// stops the node, and ends with one line: `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureNodeModules, ensureSystemPackages, root } from './setup.mjs';

const only = process.argv.slice(2); // e.g. `npm test -- unit integration`
const wanted = (suite) => only.length === 0 || only.includes(suite);

ensureNodeModules();
const missing = ensureSystemPackages(['rabbitmq-server', 'chromium', 'python3-pika']);
if (missing.length > 0) {
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}
const { build } = await import('./build.mjs');
await build();

const work = mkdtempSync(path.join(os.tmpdir(), 'warren-test-'));
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const run = (command, args, env = {}) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status;

console.log('[test] Starting the sandbox broker for this run…');
const sandboxDir = path.join(work, 'sandbox');
const started = spawnSync(bin('tsx'), ['tests/support/sandbox-cli.ts', 'start', sandboxDir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (started.status !== 0) {
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}
const broker = JSON.parse(started.stdout.trim().split('\n').pop());
console.log(`[test] Sandbox ready: amqp 127.0.0.1:${broker.amqpPort}, management 127.0.0.1:${broker.managementPort}`);
const env = {
  WARREN_TEST_AMQP_PORT: String(broker.amqpPort),
  WARREN_TEST_MANAGEMENT_PORT: String(broker.managementPort),
  WARREN_TEST_WORK: work,
};

// One 3-node sandbox cluster per run for the cluster tests (integration, and the e2e node-failure
// demo); they skip, saying why, without it. A cluster that does not start counts as one failure;
// the other suites still run.
const clusterDir = path.join(work, 'cluster');
const clusterWanted = wanted('integration') || wanted('e2e');
if (clusterWanted) console.log('[test] Starting the 3-node sandbox cluster for this run…');
const clusterStart = clusterWanted
  ? spawnSync(bin('tsx'), ['tests/support/cluster-cli.ts', 'start', clusterDir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  : undefined;
const clusterFailed = clusterStart !== undefined && clusterStart.status !== 0;
if (clusterStart && !clusterFailed) {
  env.WARREN_TEST_CLUSTER = clusterStart.stdout.trim().split('\n').pop();
  console.log(`[test] Cluster ready in ${JSON.parse(env.WARREN_TEST_CLUSTER).startMs} ms`);
}
const stopCluster = () => clusterWanted && spawnSync(bin('tsx'), ['tests/support/cluster-cli.ts', 'stop', clusterDir], { cwd: root, stdio: 'inherit' });

const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (passed, failed, skipped) => {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
};

if (clusterFailed) add(0, 1, 0);
try {
  const vitestProjects = ['unit', 'integration'].filter(wanted);
  if (vitestProjects.length > 0) {
    const report = path.join(work, 'vitest.json');
    const code = run(bin('vitest'), ['run', ...vitestProjects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env);
    if (existsSync(report)) {
      const r = JSON.parse(readFileSync(report, 'utf8'));
      add(r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests);
      // A suite that failed to load has no tests to count: count it as a failure.
      if (code !== 0 && r.numFailedTests === 0) add(0, Math.max(1, r.numFailedTestSuites), 0);
    } else add(0, 1, 0);
  }
  if (wanted('e2e')) {
    const report = path.join(work, 'playwright.json');
    // WARREN_E2E_SPECS (space-separated spec files) narrows the run: `node scripts/screenshots.mjs tests/e2e/x.spec.ts`.
    const specs = (process.env.WARREN_E2E_SPECS ?? '').split(' ').filter(Boolean);
    const code = run(bin('playwright'), ['test', ...specs, '--reporter=list,json'], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report });
    if (existsSync(report)) {
      const s = JSON.parse(readFileSync(report, 'utf8')).stats;
      add(s.expected + s.flaky, s.unexpected, s.skipped);
      if (code !== 0 && s.unexpected === 0) add(0, 1, 0);
    } else add(0, 1, 0);
  }
} finally {
  stopCluster();
  console.log('[test] Stopping the sandbox broker…');
  spawnSync(bin('tsx'), ['tests/support/sandbox-cli.ts', 'stop', sandboxDir], { cwd: root, stdio: 'inherit' });
  rmSync(work, { recursive: true, force: true });
}

console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
