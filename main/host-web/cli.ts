/**
 * `npm run serve` (and `npm start` where Electron's binary is missing): the browser host.
 * Prints exactly one line with the URL, then progress lines about the broker.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatcher } from '../bridge/dispatcher';
import { EventHub } from '../bridge/events';
import { defaultConfigDir, defaultDataDir } from '../paths';
import { fileKeyCipher } from '../service/connections/profiles/secrets';
import { createWarrenService } from '../service/service';
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
  const service = createWarrenService({
    host: 'browser',
    version,
    dataDir,
    configDir,
    cipher: fileKeyCipher(configDir),
    alwaysSeal: false,
    emit: (event, payload) => events.emit(event, payload),
    brokerUrl: process.env.WARREN_BROKER_URL,
    managementUrl: process.env.WARREN_MANAGEMENT_URL,
    log,
  });
  const dispatch = createDispatcher(service.handlers, log);
  const port = process.env.WARREN_PORT ? Number(process.env.WARREN_PORT) : 0;
  const host = await startWebHost({ dispatch, events, rendererDir, port });
  console.log(`Warren is running at ${host.url}`);
  if (process.env.WARREN_OPEN_BROWSER === '1') openBrowser(host.url);

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

/** Opens the user's default browser when the desktop has one; silently does nothing otherwise. */
function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser here (a headless server): the printed URL is enough.
  }
}

main().catch((err: unknown) => {
  console.error(`[warren] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
