// Set-up shared by `npm start` and `npm test`: npm packages and the Debian packages Warren needs.
// Plain Node with no dependencies, because node_modules may not exist yet.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (line) => console.log(`[setup] ${line}`);

/** `npm ci` when node_modules is missing or was installed from another package-lock.json. */
export function ensureNodeModules() {
  const lock = path.join(root, 'package-lock.json');
  const stamp = path.join(root, 'node_modules', '.warren-lock-hash');
  const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  // Installed by hand (`npm ci`): npm's own record of the tree is newer than the lock file. Trust
  // it rather than reinstall — a reinstall under a running test run pulls its modules away.
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) {
    writeFileSync(stamp, hash);
    return;
  }
  say(existsSync(path.join(root, 'node_modules')) ? 'package-lock.json changed: running npm ci…' : 'Installing npm packages (npm ci)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm ci failed (see above)');
  writeFileSync(stamp, hash);
}

/** What each Debian package gives us, and how to tell it is there. */
const PACKAGES = {
  'rabbitmq-server': {
    present: () => ['/usr/lib/rabbitmq/bin/rabbitmq-server', '/usr/local/sbin/rabbitmq-server', '/opt/homebrew/sbin/rabbitmq-server'].some(existsSync),
    brew: 'rabbitmq',
    why: 'the sandbox broker',
  },
  chromium: { present: () => existsSync('/usr/bin/chromium'), brew: '--cask chromium', why: 'browser tests' },
  'python3-pika': {
    present: () => existsSync('/usr/bin/python3') && spawnSync('/usr/bin/python3', ['-c', 'import pika'], { stdio: 'ignore' }).status === 0,
    brew: null,
    why: 'interop tests with the tutorial’s Python client',
  },
};

/**
 * Installs missing Debian packages when we can (root + apt-get); otherwise prints one line
 * saying what to install. Returns the names still missing.
 */
export function ensureSystemPackages(names) {
  const missing = names.filter((name) => !PACKAGES[name].present());
  if (missing.length === 0) return [];
  const canApt = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canApt) {
    say(`Installing ${missing.join(', ')} with apt-get (for ${missing.map((n) => PACKAGES[n].why).join('; ')})…`);
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      say(`apt-get could not install ${missing.join(', ')}.`);
    }
  }
  const still = missing.filter((name) => !PACKAGES[name].present());
  for (const name of still) {
    const brew = PACKAGES[name].brew;
    say(
      `Missing ${name} (${PACKAGES[name].why}): install it with \`sudo apt-get install ${name}\`` +
        (brew ? ` or \`brew install ${brew}\`` : '') +
        (name === 'rabbitmq-server' ? ', or point Warren at your own broker with a connection profile.' : '.'),
    );
  }
  return still;
}
