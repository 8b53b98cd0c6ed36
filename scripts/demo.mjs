// `npm run demo -- <hello|work-queues|topics|ecomnow|best-practices> [--url amqp://...]`:
// runs one tutorial scenario headless (main/service/demos/cli.ts) and exits with its outcome.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureNodeModules, root } from './setup.mjs';

ensureNodeModules();
const tsx = path.join(root, 'node_modules/.bin/tsx');
const result = spawnSync(tsx, [path.join(root, 'main/service/demos/cli.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
