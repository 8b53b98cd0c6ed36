import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { canConnect } from '../../main/service/connections/sandbox/ports';
import { startWarren, type RunningWarren } from '../support/e2e/warren-app';
import { screenshot } from '../support/e2e/screenshot';

let warren: RunningWarren;

test.beforeAll(async () => {
  warren = await startWarren();
});
test.afterAll(async () => {
  await warren?.stop();
});

test('npm start says in one line that it serves the browser host, and prints the URL with a token', async () => {
  const lines = warren.output().split('\n');
  expect(lines.filter((l) => l.includes('desktop shell is unavailable'))).toHaveLength(1);
  expect(lines.filter((l) => l.startsWith('Warren is running at http://127.0.0.1:'))).toHaveLength(1);
});

test('without the token the host answers 401', async ({ request }) => {
  expect((await request.get(`${warren.origin}/`)).status()).toBe(401);
  expect((await request.get(`${warren.origin}/?token=wrong`)).status()).toBe(401);
});

test('on a fresh data folder the page connects to the sandbox and shows the overview', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(warren.url);
  // The one-time token leaves the address bar once it is spent.
  await expect(page).not.toHaveURL(/token=/);
  const status = page.getByRole('status', { name: 'Connection status' });
  await expect(status).toContainText(/Connected/, { timeout: 60_000 });
  await expect(status).toContainText(/Sandbox broker/);
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByTestId('total-queues')).toHaveText(/^\d+$/, { timeout: 20_000 });
  // Warren's own connection is counted once the broker's statistics catch up (1 s interval).
  await expect(page.getByTestId('total-connections')).toHaveText(/^[1-9]\d*$/, { timeout: 20_000 });
  await expect(page.getByText(/RabbitMQ 3\.\d+\.\d+/).first()).toBeVisible();
  await expect(page.getByText(/warren-[0-9a-f]{8}@localhost/).first()).toBeVisible();
  await screenshot(page, 'overview.png');
  expect(errors, errors.join('\n')).toEqual([]);
});

test('the connections page lists the sandbox, and a profile test reports the broker', async ({ page }) => {
  await page.goto(await warren.link());
  await page.getByRole('link', { name: 'Connections' }).click();
  await expect(page.getByRole('heading', { name: 'Connections' })).toBeVisible();
  const sandboxRow = page.getByRole('listitem').filter({ hasText: 'Sandbox broker' });
  await expect(sandboxRow).toBeVisible();
  await sandboxRow.getByRole('button', { name: 'Test' }).click();
  await expect(page.getByText(/Connected to RabbitMQ 3\.\d+\.\d+ on warren-[0-9a-f]{8}@localhost, vhost \//)).toBeVisible({ timeout: 15_000 });
  await screenshot(page, 'connections.png');
});

test('quitting Warren stops the sandbox it started (the user did not ask to keep it)', async () => {
  const ports = JSON.parse(readFileSync(path.join(warren.dataDir, 'sandbox', 'ports.json'), 'utf8')) as { amqp: number };
  expect(await canConnect(ports.amqp)).toBe(true);
  await warren.stop();
  expect(await canConnect(ports.amqp)).toBe(false);
});
