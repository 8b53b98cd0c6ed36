// Issue 11.12: attaching to a queue that does not exist offers "Declare it", with the form filled in.
import { expect, test } from '@playwright/test';
import { vhostOnRunBroker } from '../support/e2e/run-broker';
import { startWarren, type RunningWarren } from '../support/e2e/warren-app';
import { screenshot } from '../support/e2e/screenshot';

let warren: RunningWarren;
let broker: Awaited<ReturnType<typeof vhostOnRunBroker>>;

test.beforeAll(async () => {
  broker = await vhostOnRunBroker('e2e-attach');
  warren = await startWarren({ WARREN_BROKER_URL: broker.amqpUrl, WARREN_MANAGEMENT_URL: broker.managementUrl });
});
test.afterAll(async () => {
  await warren?.stop();
  await broker?.remove();
});

test('attach to a missing queue: "Declare it" opens the declare form with the name, and then the attach works', async ({ page }) => {
  await page.goto(`${await warren.link()}#/consumers`);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
  await page.getByLabel('Queue', { exact: true }).fill('invoices_to_send');
  await page.getByRole('button', { name: 'Attach' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Could not attach' });
  await expect(refusal).toBeVisible();
  await refusal.getByRole('button', { name: 'Declare it' }).click();
  const form = page.getByRole('form', { name: 'Declare a queue' });
  await expect(form.getByLabel('Queue name')).toHaveValue('invoices_to_send');
  await screenshot(page, 'consumers-declare-it.png');
  await form.getByRole('button', { name: 'Declare queue' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Declared queue invoices_to_send' })).toBeVisible();
  await page.getByRole('button', { name: 'Attach' }).click();
  await expect(page.getByRole('region', { name: /Queue invoices_to_send/ })).toBeVisible();
});
