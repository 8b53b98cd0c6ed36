// Issue 11.12: attaching to a queue that does not exist offers "Declare it", with the form filled in.
// And the Attach form's Keep: how many messages Warren keeps to open in full.
import amqp from 'amqplib';
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

test('Keep: out of range is refused in the form; a message older than what is kept says why its whole body is not shown', async ({ page }) => {
  // 25 messages of 600 bytes (the list carries the first 512): m01 … m25.
  const connection = await amqp.connect(on.broker.amqpUrl);
  const channel = await connection.createConfirmChannel();
  await channel.assertQueue('kept_ten', { durable: false });
  for (let i = 1; i <= 25; i++) channel.sendToQueue('kept_ten', Buffer.from(`m${String(i).padStart(2, '0')} ${'x'.repeat(596)}`));
  await channel.waitForConfirms();
  await connection.close();

  await openConnected(page, on.warren, '#/consumers');
  await page.getByLabel('Queue', { exact: true }).fill('kept_ten');
  await page.getByLabel('Acknowledgement').selectOption('auto');
  await page.getByLabel('Keep', { exact: true }).fill('5');
  await page.getByRole('button', { name: 'Attach' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Keep is a whole number from 10 to 100,000' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Queue kept_ten/ })).toHaveCount(0);
  await screenshot(page, 'consumers-keep.png');

  await page.getByLabel('Keep', { exact: true }).fill('10');
  await page.getByRole('button', { name: 'Attach' }).click();
  const panel = page.getByRole('region', { name: /Queue kept_ten/ });
  await expect(panel.getByText('25 newest kept here; Warren keeps the newest 10 in full.')).toBeVisible();
  const detail = page.getByRole('region', { name: 'Message detail' });
  // The oldest is at the foot of a long list: found with the panel's filter, as a person would.
  await panel.getByLabel('Filter messages').fill('m01 ');
  await panel.getByRole('row').filter({ hasText: 'm01 ' }).click();
  await expect(detail.getByText('Showing the first 512 of 600 bytes: Message 1 is no longer kept. Only the newest 10 messages are kept; attach with a larger Keep to open older ones.')).toBeVisible();
  await panel.getByLabel('Filter messages').fill('m25 ');
  await panel.getByRole('row').filter({ hasText: 'm25 ' }).click();
  await expect(detail.getByText(/Showing the first/)).toHaveCount(0);
  await expect(detail.getByText(/m25 x{596}/)).toBeVisible();
});
