/**
 * `npm run bench -- faults`: every fault of issue 10 point 3 done for real, measured, and written
 * as one table to docs/reliability.md (between its markers; the prose above them is kept):
 * fault, what Warren showed, time to recover, messages confirmed vs present, lost, duplicates.
 * Broker restarts use the bench's OWN sandbox nodes, never the run's shared one.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SandboxBroker } from '../../main/service/connections/sandbox/sandbox';
import { createTestVhost, waitFor } from '../support/broker';
import { keptBytes, networkCut, ownSandboxService, restartDuringRepeat, stalledPage, warrenKilledDuringConsume } from '../support/faults';
import { connectedService } from '../support/messaging';

const MB = 1024 * 1024;
const work = process.env.WARREN_TEST_WORK ?? os.tmpdir();
const cleanup: (() => unknown)[] = [];
const rows: string[][] = [];
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const n = (x: number) => x.toLocaleString('en-US');
const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;
const log = (line: string) => console.log(`[faults] ${line}`);

async function restarts() {
  const own = await ownSandboxService();
  cleanup.push(() => own.close());
  for (const how of ['graceful', 'kill'] as const) {
    const o = await restartDuringRepeat(own, how);
    log(`${how}: ${JSON.stringify({ ...o, resumed: undefined, interrupted: undefined })}`);
    rows.push([
      `${o.fault} (20,000 persistent, paced)`,
      `Run: “${o.shown}” (${o.interrupted.error?.code}); resumed from ${n(o.confirmedAtCut)} → done`,
      `${s(o.recoverMs)} from the node accepting connections to connected`,
      `${n(o.confirmed)} confirmed / ${n(o.present)} present`,
      String(o.lost),
      String(o.duplicates),
    ]);
  }
  await own.call('sandbox.stop', {});
}

async function sandboxKilled() {
  const sandbox = new SandboxBroker({ dir: mkdtempSync(path.join(work, 'bench-node-')), preferDefaultPorts: false });
  cleanup.push(() => sandbox.stop());
  const first = await sandbox.start();
  const pid = Number(readFileSync(path.join(first.dataDir, 'rabbitmq.pid'), 'utf8'));
  process.kill(pid, 'SIGKILL');
  const killed = Date.now();
  await waitFor(() => sandbox.state.status === 'stopped', 30_000, 20);
  const shownMs = Date.now() - killed;
  const shown = sandbox.state;
  const restarted = Date.now();
  const again = await sandbox.start();
  const startMs = Date.now() - restarted;
  log(`sandbox kill -9: stopped shown after ${shownMs} ms; Start ready in ${startMs} ms, same ports: ${again.amqpPort === first.amqpPort}`);
  rows.push([
    'Sandbox node killed -9 (no Warren action)',
    `Sandbox “${shown.status}”: “${shown.error?.message ?? ''}” with ${shown.logTail?.length ?? 0} log lines, after ${s(shownMs)}; Start enabled`,
    `Start: ready in ${s(startMs)} on the ${again.amqpPort === first.amqpPort ? 'same' : 'OTHER'} ports`,
    '—',
    '—',
    '—',
  ]);
  await sandbox.stop();
}

async function warrenKilled() {
  const dataDir = mkdtempSync(path.join(work, 'bench-killed-'));
  const o = await warrenKilledDuringConsume(dataDir, (fn) => cleanup.push(fn));
  log(`Warren kill -9: ${JSON.stringify({ ...o, secondOutput: undefined })}`);
  rows.push([
    `Warren (browser host) killed -9 during a manual-ack consume (${n(o.total)} persistent, ${n(o.unackedAtKill)} unacked)`,
    `Next start: connected to ${o.profileAfter === 'sandbox' ? 'its own running sandbox' : o.profileAfter} (port ${o.amqpPortAfter === o.sandboxPort ? 'kept' : 'CHANGED'})`,
    `${s(o.recoverMs)} from the second start to connected`,
    `${n(o.total - o.acked)} not acked / ${n(o.readyAfter)} ready again`,
    String(o.lost),
    '0',
  ]);
}

async function netCut() {
  const { vhost, remove } = await createTestVhost('bench-netcut');
  cleanup.push(remove);
  const o = await networkCut(vhost, 3);
  log(`network cut: ${JSON.stringify(o)}`);
  rows.push([
    `Network blackholed by a TCP proxy, then reset (heartbeat ${o.heartbeatS} s)`,
    `Dead connection noticed after ${s(o.detectedMs)}: “${o.stateShown}”; consumer “waiting”, then ${o.consumerBack ? 'consuming again' : 'NOT back'}`,
    `${s(o.reconnectMs)} from the reset to connected`,
    o.receivedAfter ? 'message published after the cut received' : 'NOT received',
    '0',
    '0',
  ]);
}

async function stalled() {
  const { vhost, remove } = await createTestVhost('bench-stalled');
  cleanup.push(remove);
  const o = await stalledPage(vhost, mkdtempSync(path.join(work, 'bench-stalled-')), (fn) => cleanup.push(fn));
  log(`stalled page: ${JSON.stringify(o)}`);
  rows.push([
    `A page that stops reading while a consumer gets ${n(o.total)} messages (auto ack)`,
    `Consumer “${o.consumerShown}”; ${n(o.stillOnBrokerLater)} stayed on the broker; main RSS ${mb(o.rssBefore)} → ${mb(o.rssPeakStalled)} (was +160 MB per 200,000)`,
    'When the page reads again: consuming, queue drained',
    `${n(o.total)} published / ${n(o.received)} received`,
    String(o.total - o.received),
    '0',
  ]);
}

async function kept() {
  const t = await connectedService('bench-kept');
  cleanup.push(() => t.close());
  const o = await keptBytes(t);
  log(`kept bytes: ${JSON.stringify(o)}`);
  rows.push([
    '40 messages of 10 MB kept by one consumer',
    `${o.kept} kept, ${o.dropped} counted as dropped (64 MiB budget); Buffer memory ${mb(o.before)} → ${mb(o.during)}, ${mb(o.afterDetach)} after detach (was 73 → 559 MB RSS, still held)`,
    '—',
    '40 received',
    '0',
    '0',
  ]);
}

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'reliability.md');
function writeTable() {
  const begin = '<!-- bench:faults:begin -->';
  const end = '<!-- bench:faults:end -->';
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const table = [
    begin,
    `Command: \`${process.env.WARREN_BENCH_COMMAND ?? 'npm run bench -- faults'}\` — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} × ${cpu}, Node ${process.version}, RabbitMQ from this machine.`,
    '',
    '| Fault | What Warren showed | Time to recover | Messages (confirmed vs present) | Lost | Duplicates |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`),
    end,
  ].join('\n');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : `# Reliability\n\n${begin}\n${end}\n`;
  const at = text.indexOf(begin);
  const until = text.indexOf(end);
  writeFileSync(file, at >= 0 && until > at ? text.slice(0, at) + table + text.slice(until + end.length) : `${text.trimEnd()}\n\n${table}\n`);
  console.log(`Wrote ${rows.length} rows to docs/reliability.md`);
}

let failed = false;
try {
  for (const scenario of [restarts, sandboxKilled, warrenKilled, netCut, stalled, kept]) {
    try {
      await scenario();
    } catch (err) {
      failed = true;
      console.error(`[faults] ${scenario.name} failed: ${err instanceof Error ? err.stack : String(err)}`);
      rows.push([scenario.name, `BENCH FAILED: ${err instanceof Error ? err.message : String(err)}`, '', '', '', '']);
    }
  }
  writeTable();
} finally {
  for (const fn of cleanup.reverse()) await Promise.resolve(fn()).catch(() => undefined);
}
process.exit(failed ? 1 : 0);
