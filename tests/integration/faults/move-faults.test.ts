/**
 * Issue 15 point 4: a move loses nothing when the broker restarts (graceful and kill -9) or
 * Warren is killed -9 in the middle; the duplicates are counted and stay within what the run
 * reports (or, when Warren itself dies, within one round of publishes and acknowledgements).
 */
import path from 'node:path';
import amqp from 'amqplib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MoveProgress } from '../../../shared/move/types';
import { waitFor } from '../../support/broker';
import { drainSeqs, hostClient, ownSandboxService, queueCounts, startBrowserHost, type OwnSandbox } from '../../support/faults';
import { makeService } from '../../support/service';

// Enough that a move from a consumer of its own (thousands a second) is still running at the fault.
const TOTAL = 20_000;

async function fill(url: string) {
  const conn = await amqp.connect(url);
  const ch = await conn.createConfirmChannel();
  for (const q of ['src', 'dst']) {
    await ch.assertQueue(q, { durable: true });
    await ch.purgeQueue(q);
  }
  for (let i = 1; i <= TOTAL; i++) ch.sendToQueue('src', Buffer.from(`seq-${i}`), { persistent: true });
  await ch.waitForConfirms();
  await conn.close();
}

/** Both queues drained: which of 1..TOTAL are missing, and how many are there twice. */
async function account(url: string) {
  const inSource = await drainSeqs(url, 'src');
  const seqs = [...inSource, ...(await drainSeqs(url, 'dst'))];
  const distinct = new Set(seqs);
  let lost = 0;
  for (let seq = 1; seq <= TOTAL; seq++) if (!distinct.has(seq)) lost++;
  return { lost, duplicates: seqs.length - distinct.size, leftInSource: inSource.length };
}

describe('a move across a broker restart', () => {
  let own: OwnSandbox;
  beforeAll(async () => {
    own = await ownSandboxService();
  });
  afterAll(async () => {
    await own?.call('sandbox.stop', {}).catch(() => undefined);
    await own?.close();
  });

  for (const how of ['graceful', 'kill'] as const) {
    it(`${how === 'graceful' ? 'Stop and Start mid-move: interrupted, 0 lost, duplicates within the count it gives' : 'kill -9 and Start mid-move: interrupted, 0 lost, the hint says a crashed broker may return more'}`, async () => {
      await fill(own.url);
      const run = await own.call('messages.move', { source: 'src', destination: { kind: 'queue', queue: 'dst' } });
      const progress = () => own.svc.events.filter((e) => e.event === 'messages.moveProgress' && (e.payload as MoveProgress).runId === run.runId).map((e) => e.payload as MoveProgress).at(-1);
      await waitFor(() => (progress()?.moved ?? 0) >= 400, 60_000, 5);
      if (how === 'graceful') void own.call('sandbox.stop', {});
      else process.kill(own.nodePid(), 'SIGKILL');
      const interrupted = (await waitFor(() => {
        const p = progress();
        return p && p.state !== 'running' ? p : undefined;
      }, 60_000))!;
      await waitFor(() => own.svc.service.sandbox.state.status === 'stopped', 60_000, 50);
      const back = await own.call('sandbox.start', {});
      expect(back.status).toBe('ready');
      await waitFor(() => own.connectionStatus() === 'connected', 60_000, 20);
      const outcome = await account(own.url);
      console.log(`[faults] move, ${how}: ${JSON.stringify({ moved: interrupted.moved, possibleDuplicates: interrupted.possibleDuplicates, ...outcome })}`);
      expect(interrupted.state).toBe('interrupted');
      expect(interrupted.error?.message).toMatch(/^Interrupted by a lost connection after [\d,]+ moved$/);
      expect(interrupted.moved).toBeLessThan(TOTAL);
      expect(outcome.lost).toBe(0);
      // A stopped broker processed every acknowledgement it answered: the run's bound holds. A
      // killed one may forget its last, unsynced acknowledgements, so those come back too; the
      // count is printed above and in docs/reliability.md, and the hint says so.
      if (how === 'graceful') expect(outcome.duplicates).toBeLessThanOrEqual(interrupted.possibleDuplicates);
      else expect(interrupted.error?.hint).toMatch(/crashed rather than stopped can also forget its last acknowledgements/);
    }, 240_000);
  }
});

describe('a move when Warren is killed', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.reverse()) await Promise.resolve(fn()).catch(() => undefined);
    cleanup.length = 0;
  });

  it('Warren killed -9 mid-move: every message not acknowledged is back in the source, 0 lost, at most one round duplicated', async () => {
    const { SandboxBroker } = await import('../../../main/service/connections/sandbox/sandbox');
    const dataDir = makeService().dataDir;
    const sandbox = new SandboxBroker({ dir: path.join(dataDir, 'sandbox'), preferDefaultPorts: false });
    cleanup.push(() => sandbox.stop());
    const node = await sandbox.start();
    expect(node.status).toBe('ready');
    const url = `amqp://guest:guest@127.0.0.1:${node.amqpPort}/`;
    await fill(url);
    const host = await startBrowserHost(dataDir);
    cleanup.push(() => host.child.kill('SIGKILL'));
    const page = await hostClient(host.url);
    await waitFor(async () => (await page.call('connection.state', {})).status === 'connected', 60_000);
    const run = await page.call('messages.move', { source: 'src', destination: { kind: 'queue', queue: 'dst' } });
    // Killed once the move reports 400 moved, as the page sees it: the broker's statistics lag
    // by seconds, and on a fast machine the whole move was done before they showed 400.
    const moved = () => page.events.filter((e) => e.event === 'messages.moveProgress' && (e.payload as MoveProgress).runId === run.runId).map((e) => (e.payload as MoveProgress).moved).at(-1) ?? 0;
    await waitFor(() => moved() >= 400, 60_000, 5);
    page.close();
    host.child.kill('SIGKILL');
    await new Promise((r) => (host.child.exitCode !== null || host.child.signalCode !== null ? r(undefined) : host.child.once('exit', r)));
    await waitFor(async () => (await queueCounts(node.managementPort!, 'src')).unacked === 0, 30_000);
    const outcome = await account(url);
    console.log(`[faults] move, Warren killed: ${JSON.stringify(outcome)}`);
    expect(outcome.lost).toBe(0);
    expect(outcome.leftInSource).toBeGreaterThan(0); // killed mid-move, not after it
    // At most one round (200 published, not yet acknowledged) plus the previous round's acknowledgements.
    expect(outcome.duplicates).toBeLessThanOrEqual(400);
  }, 240_000);
});
