// `npm run cli -- <command> …`: Warren for scripts and CI (main/service/cli/main.ts; --help lists
// every command). `demo <name> …` is the demo CLI (main/service/demos/cli.ts), as `npm run demo`.
// It runs where npm was started (INIT_CWD), so --out and --file are relative to the user's folder.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureNodeModules, root } from './setup.mjs';

ensureNodeModules();
const args = process.argv.slice(2).filter((a) => a !== '--');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const entry = args[0] === 'demo' ? ['main/service/demos/cli.ts', ...args.slice(1)] : ['main/service/cli/main.ts', ...args];
const result = spawnSync(tsx, [path.join(root, entry[0]), ...entry.slice(1)], { cwd: process.env.INIT_CWD || process.cwd(), stdio: 'inherit' });
process.exit(result.status ?? 1);
