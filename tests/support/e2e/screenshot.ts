// Screenshots for docs/screenshots are taken by the e2e specs at the moment the page shows the
// feature, but a test run must never write into the repository: the specs save them in the run's
// own work folder, and only `node scripts/screenshots.mjs` points WARREN_SCREENSHOTS_DIR at
// docs/screenshots to refresh the committed pictures.
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';

export function screenshotDir(): string {
  return process.env.WARREN_SCREENSHOTS_DIR ?? path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'screenshots');
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir(), name), ...options });
}
