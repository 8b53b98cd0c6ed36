// `npm start` on a desktop opens the page in the user's browser; on a machine without one it
// says why it opened nothing. A fake `xdg-open` on PATH records what Warren asked it to open.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vhostOnRunBroker } from '../../support/e2e/run-broker';
import { startWarren } from '../../support/e2e/warren-app';

describe('npm start and the browser', () => {
  let broker: Awaited<ReturnType<typeof vhostOnRunBroker>>;
  let bin: string;
  let opened: string;

  beforeAll(async () => {
    broker = await vhostOnRunBroker('start-browser');
    bin = mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'fake-opener-'));
    opened = path.join(bin, 'opened.txt');
    writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\necho "$1" > "${opened}"\n`);
    chmodSync(path.join(bin, 'xdg-open'), 0o755);
  });
  afterAll(async () => broker?.remove());

  const start = (extra: Record<string, string>) =>
    startWarren({
      WARREN_BROKER_URL: broker.amqpUrl,
      WARREN_MANAGEMENT_URL: broker.managementUrl,
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      DISPLAY: ':99',
      WARREN_OPEN_BROWSER: '1',
      ...extra,
    });

  const said = async (warren: Awaited<ReturnType<typeof start>>, pattern: RegExp) => {
    for (let i = 0; i < 100 && !pattern.test(warren.output()); i++) await new Promise((r) => setTimeout(r, 100));
    return warren.output();
  };

  it('opens the printed address in the default browser and says it did', async () => {
    const warren = await start({});
    try {
      expect(await said(warren, /Opened the page/)).toContain('Opened the page in your default browser (xdg-open).');
      for (let i = 0; i < 50 && !existsSync(opened); i++) await new Promise((r) => setTimeout(r, 100));
      expect(readFileSync(opened, 'utf8').trim()).toBe(warren.url);
    } finally {
      await warren.stop();
    }
  });

  it('WARREN_NO_BROWSER=1 opens nothing and says why', async () => {
    rmSync(opened, { force: true });
    const warren = await start({ WARREN_NO_BROWSER: '1' });
    try {
      expect(await said(warren, /Not opening a browser/)).toContain('Not opening a browser (WARREN_NO_BROWSER=1): open the address above yourself.');
      expect(existsSync(opened)).toBe(false);
    } finally {
      await warren.stop();
    }
  });
});
