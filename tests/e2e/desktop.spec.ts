// The desktop shell under Playwright's Electron driver: the window loads the app, the page has
// only `window.warren` (no Node), and it cannot navigate away or open windows. Electron's binary
// cannot be downloaded on every machine: then this file reports itself skipped, with why.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The same check as scripts/start.mjs: the electron package writes path.txt once its binary is there. */
function electronBinary(): string | undefined {
  const file = path.join(root, 'node_modules/electron/path.txt');
  if (!existsSync(file)) return undefined;
  const binary = path.join(root, 'node_modules/electron/dist', readFileSync(file, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

test.describe('the desktop shell', () => {
  test.skip(!binary, 'Electron’s binary is not installed (node_modules/electron/dist is missing; it cannot be downloaded here)');
  test.skip(!hasDisplay, 'there is no display (set DISPLAY, e.g. run under xvfb-run)');

  let app: ElectronApplication;
  test.beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'desktop-'));
    app = await electron.launch({
      executablePath: binary!,
      args: [path.join(root, 'dist/main/electron.cjs')],
      env: { ...process.env, WARREN_DATA_DIR: dataDir },
    });
  });
  test.afterAll(async () => {
    await app?.close();
  });

  test('the window shows Warren, with window.warren and no Node in the page', async () => {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle('Warren');
    expect(await page.evaluate(() => typeof (window as unknown as { warren?: unknown }).warren)).toBe('object');
    expect(await page.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as unknown as { process?: unknown }).process)).toBe('undefined');
  });

  test('the page cannot navigate away or open a window', async () => {
    const page = await app.firstWindow();
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    await page.evaluate(() => window.open('https://example.com/'));
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
  });
});
