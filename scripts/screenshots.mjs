// `node scripts/screenshots.mjs [spec files]`: refreshes docs/screenshots/ from the end-to-end suite
// (or only the specs named). `npm test` keeps its screenshots in the run's work folder; only this
// script writes them into the repository.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { root } from './setup.mjs';

const dir = path.join(root, 'docs/screenshots');
const result = spawnSync(process.execPath, [path.join(root, 'scripts/test.mjs'), 'e2e'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, WARREN_SCREENSHOTS_DIR: dir, WARREN_E2E_SPECS: process.argv.slice(2).join(' ') },
});
console.log(`[screenshots] ${result.status === 0 ? 'refreshed' : 'some tests failed; check'} ${path.relative(root, dir)}/`);
process.exit(result.status ?? 1);
