/**
 * Whether `npm start` opens the user's browser on the page, and the one line that says what
 * happened. The decision is a pure function so it is tested without spawning browsers.
 */
import { spawn } from 'node:child_process';

export type BrowserLaunch = { open: true; command: string } | { open: false; reason: string };

export function browserLaunch(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): BrowserLaunch {
  if (env.WARREN_NO_BROWSER === '1') return { open: false, reason: 'WARREN_NO_BROWSER=1' };
  // scripts/start.mjs sets WARREN_OPEN_BROWSER=1 for `npm start` unless the user set it; `npm run serve` leaves it unset.
  if (env.WARREN_OPEN_BROWSER === '0') return { open: false, reason: 'WARREN_OPEN_BROWSER=0' };
  if (env.WARREN_OPEN_BROWSER !== '1') return { open: false, reason: 'started with `npm run serve`' };
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { open: false, reason: 'there is no display' };
  return { open: true, command: platform === 'darwin' ? 'open' : platform === 'win32' ? 'explorer' : 'xdg-open' };
}

/** Opens `url` as `launch` says and tells, in one line, what it opened (or why it did not). */
export function openBrowser(url: string, launch: BrowserLaunch, say: (line: string) => void): void {
  if (!launch.open) {
    say(`Not opening a browser (${launch.reason}): open the address above yourself.`);
    return;
  }
  const child = spawn(launch.command, [url], { stdio: 'ignore', detached: true });
  child.once('error', () => say(`Could not open a browser (${launch.command} is not available): open the address above yourself.`));
  child.once('spawn', () => say(`Opened the page in your default browser (${launch.command}).`));
  child.unref();
}
