// Builds what the hosts run: the renderer (Vite) into dist/renderer and the main process
// (esbuild) into dist/main. Skips work that is already up to date unless --force is given.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './setup.mjs';

function newest(dirs) {
  let latest = 0;
  const walk = (dir) => {
    if (!statSync(dir).isDirectory()) {
      latest = Math.max(latest, statSync(dir).mtimeMs);
      return;
    }
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else latest = Math.max(latest, statSync(full).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(dir)) walk(dir);
  return latest;
}

const age = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const src = (...names) => names.map((n) => path.join(root, n));

export async function build({ force = false } = {}) {
  const sharedAndConfig = [...src('shared', 'package-lock.json', 'vite.config.ts')];
  const rendererOut = path.join(root, 'dist/renderer/index.html');
  if (force || newest([...src('renderer'), ...sharedAndConfig]) > age(rendererOut)) {
    console.log('[build] Building the renderer…');
    const { build: viteBuild } = await import(pathToFileURL(path.join(root, 'node_modules/vite/dist/node/index.js')).href);
    await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  }
  const mainOut = path.join(root, 'dist/main/web.mjs');
  if (force || newest([...src('main', 'demos'), ...sharedAndConfig]) > Math.min(age(mainOut), age(path.join(root, 'dist/main/electron.cjs')))) {
    console.log('[build] Building the main process…');
    const esbuild = await import('esbuild');
    // Whitespace and syntax minified, names kept: ~10 % less to read and compile at every start
    // (web.mjs 2.2 → 1.5 MB; the printed link ~50 ms sooner, median of 8 interleaved starts), and
    // stack traces still name their functions. Mangled names (and keepNames to restore them) were
    // slower. For lines and columns of the source: NODE_OPTIONS=--enable-source-maps.
    const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, minifyWhitespace: true, minifySyntax: true, logLevel: 'warning', absWorkingDir: root };
    await esbuild.build({
      ...common,
      entryPoints: ['main/host-web/cli.ts'],
      outfile: 'dist/main/web.mjs',
      format: 'esm',
      // Dependencies bundled in, as in electron.cjs: resolving and parsing node_modules file by file
      // (zod alone is hundreds of modules) took ~1.1 s of a 1.8 s start (npm run bench -- coldstart).
      // CommonJS dependencies (amqplib) require Node's built-ins: give the ES module a require.
      banner: { js: "import { createRequire as __warrenCreateRequire } from 'node:module'; const require = __warrenCreateRequire(import.meta.url);" },
    });
    await esbuild.build({
      ...common,
      entryPoints: { electron: 'main/host-electron/main.ts', preload: 'main/host-electron/preload.ts' },
      outdir: 'dist/main',
      outExtension: { '.js': '.cjs' },
      format: 'cjs',
      external: ['electron'],
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await build({ force: process.argv.includes('--force') });
}
