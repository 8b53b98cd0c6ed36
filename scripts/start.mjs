// `npm start`: set up what is missing, build what is stale, then open Warren — in Electron's
// window when its binary is here, otherwise through the browser host on 127.0.0.1.
// `npm run serve` (--browser) always uses the browser host.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureNodeModules, ensureSystemPackages, root } from './setup.mjs';

const browserOnly = process.argv.includes('--browser');
ensureNodeModules();
ensureSystemPackages(['rabbitmq-server']);
const { build } = await import('./build.mjs');
await build();

// The electron package writes path.txt only once its binary was downloaded.
const electronBinary = () => {
  try {
    const file = path.join(root, 'node_modules/electron/path.txt');
    if (!existsSync(file)) return undefined;
    const binary = path.join(root, 'node_modules/electron/dist', readFileSync(file, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
};

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const binary = browserOnly ? undefined : electronBinary();
let child;
if (binary && hasDisplay) {
  child = spawn(binary, [path.join(root, 'dist/main/electron.cjs')], { stdio: 'inherit', cwd: root });
} else {
  if (!browserOnly) {
    const why = binary ? 'there is no display' : 'Electron’s binary is not installed';
    console.log(`Warren: the desktop shell is unavailable on this machine (${why}); serving the same UI to your browser on 127.0.0.1 instead.`);
  }
  // In this process rather than a second one: a Node start less before the link is printed
  // (npm run bench -- coldstart). The server handles SIGINT/SIGTERM and exits by itself.
  if (!browserOnly) process.env.WARREN_OPEN_BROWSER ??= '1';
  // No source maps by default: reading the 4 MB map costs ~0.2 s of every start; for stack traces
  // in the bundle's own lines, run `NODE_OPTIONS=--enable-source-maps npm start`.
  await import(pathToFileURL(path.join(root, 'dist/main/web.mjs')).href);
}
if (child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
