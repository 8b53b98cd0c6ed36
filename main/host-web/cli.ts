/**
 * `npm run serve` (and `npm start` where Electron's binary is missing): the browser host.
 * Prints exactly one line with the URL, then progress lines about the broker.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatcher } from '../bridge/dispatcher';
import { EventHub } from '../bridge/events';
import { defaultConfigDir, defaultDataDir } from '../paths';
import { fileKeyCipher } from '../service/connections/profiles/secrets';
import { DeliveryFlow } from '../service/messaging/flow';
import { createWarrenService } from '../service/service';
import { browserLaunch, openBrowser } from './open-browser';
import { startWebHost } from './server';

const here = path.dirname(fileURLToPath(import.meta.url));
// Bundled: dist/main/web.mjs → dist/renderer. From source (tsx main/host-web/cli.ts): ../../dist/renderer.
const rendererDir =
  process.env.WARREN_RENDERER_DIR ??
  [path.resolve(here, '..', 'renderer'), path.resolve(here, '..', '..', 'dist', 'renderer')].find((dir) => existsSync(path.join(dir, 'index.html'))) ??
  path.resolve(here, '..', 'renderer');
const version = process.env.npm_package_version ?? '0.1.0';

async function main(): Promise<void> {
  const events = new EventHub();
  const dataDir = defaultDataDir();
  const configDir = defaultConfigDir();
  const log = (line: string) => console.log(`[warren] ${line}`);
  const flow = new DeliveryFlow();
  const service = createWarrenService({
    host: 'browser',
    version,
    dataDir,
    configDir,
    cipher: fileKeyCipher(configDir),
    alwaysSeal: false,
    emit: (event, payload) => events.emit(event, payload),
    flow,
    brokerUrl: process.env.WARREN_BROKER_URL,
    startCluster: process.env.WARREN_SANDBOX === 'cluster',
    clusterDir: process.env.WARREN_CLUSTER_DIR || undefined,
    managementUrl: process.env.WARREN_MANAGEMENT_URL,
    log,
  });
  const dispatch = createDispatcher(service.handlers, log);
  const port = process.env.WARREN_PORT ? Number(process.env.WARREN_PORT) : 0;
  const host = await startWebHost({ dispatch, events, rendererDir, port, log, onBehind: (client, behind) => flow.report(client, behind) });
  console.log(`Warren is running at ${host.url}`);
  log('The link works once. Press Enter here for a new one (another browser, or after closing this one).');
  printLinksOnEnter(() => console.log(`New one-time link: ${host.newLink()}`));
  openBrowser(host.url, browserLaunch(process.env, process.platform), log);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log('Stopping…');
    await host.close();
    await service.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const state = await service.autoConnect();
  if (state.status === 'connected') log(`Connected to ${state.profileName} (${state.server?.product} ${state.server?.version}).`);
  else log(`Not connected: ${state.error?.message ?? service.sandbox.state.error?.message ?? state.status}. Open the page to pick a profile.`);
}

/** Each line typed in the terminal prints a fresh link. A terminal that goes away is simply not read. */
function printLinksOnEnter(print: () => void): void {
  const input = process.stdin;
  input.on('error', () => undefined);
  // Started in the background of a shell, reading the terminal would stop the process (SIGTTIN).
  if (input.isTTY) process.on('SIGTTIN', () => undefined);
  input.setEncoding('utf8');
  input.on('data', (chunk: string) => {
    for (let i = 0; i < chunk.split('\n').length - 1; i++) print();
  });
}

main().catch((err: unknown) => {
  console.error(`[warren] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
