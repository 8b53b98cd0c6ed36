/**
 * A browser host with a real service, run as its own process (`tsx tests/support/web-host-child.ts`)
 * so that a test sees a crash as an exit instead of dying with it. Connects to the run's broker
 * in WARREN_CHILD_VHOST when set. Prints one JSON line {port, url}; each line read on stdin
 * prints {link} with a new one-time link.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventHub } from '../../main/bridge/events';
import { startWebHost } from '../../main/host-web/server';
import { connectToRunBroker, makeService } from './service';

async function main(): Promise<void> {
  const rendererDir = mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Warren</title></head><body></body></html>');
  const ctx = makeService();
  const vhost = process.env.WARREN_CHILD_VHOST;
  if (vhost) await connectToRunBroker(ctx, vhost);
  const events = new EventHub();
  const host = await startWebHost({ dispatch: ctx.raw, events, rendererDir, log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(`${JSON.stringify({ port: host.port, url: host.url })}\n`);
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    for (let i = 0; i < chunk.split('\n').length - 1; i++) process.stdout.write(`${JSON.stringify({ link: host.newLink() })}\n`);
  });
  process.stdin.on('end', () => {
    void host.close().then(() => ctx.service.shutdown()).finally(() => process.exit(0));
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`web-host-child failed: ${String(err)}\n`);
  process.exit(1);
});
