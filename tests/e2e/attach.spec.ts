// Issue 11.12: attaching to a queue that does not exist offers "Declare it", with the form filled in.
import { expect, test } from '@playwright/test';
import { openConnected, warrenOnFreshVhost } from '../support/e2e/warren-on-vhost';
import { screenshot } from '../support/e2e/screenshot';

const on = warrenOnFreshVhost('e2e-attach');

test('attach to a missing queue: "Declare it" opens the declare form with the name, and then the attach works', async ({ page }) => {
  await openConnected(page, on.warren, '#/consumers');
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
