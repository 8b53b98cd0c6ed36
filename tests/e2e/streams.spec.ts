// Issue 14.5: read a stream by offset on the Consumers page, page older/newer, and see offsets.
import amqp from 'amqplib';
import { expect, test } from '@playwright/test';
import { consoleErrors, openConnected, warrenOnFreshVhost } from '../support/e2e/warren-on-vhost';
import { screenshot } from '../support/e2e/screenshot';

const on = warrenOnFreshVhost('e2e-streams', async (broker) => {
  const conn = await amqp.connect(broker.amqpUrl);
  const ch = await conn.createConfirmChannel();
  await ch.assertQueue('order_events', { durable: true, arguments: { 'x-queue-type': 'stream' } });
  await ch.assertQueue('email_queue', { durable: true });
  for (let i = 0; i < 1_000; i++) ch.sendToQueue('order_events', Buffer.from(JSON.stringify({ event: 'order_placed', order: 1000 + i })));
  await ch.waitForConfirms();
  await conn.close();
});

test('read a stream from offset 500, page older and newer by offset, from first and from a time; a classic queue is refused with a hint', async ({ page }) => {
  const errors = consoleErrors(page);
  await openConnected(page, on.warren, '#/consumers');
  const panel = page.getByRole('region', { name: 'Read a stream' });
  await panel.getByLabel('Stream queue').fill('order_events');
  await panel.getByLabel('From').selectOption('offset');
  await panel.getByLabel('Offset').fill('500');
  await panel.getByLabel('How many').fill('20');
  await panel.getByRole('button', { name: 'Read' }).click();
  const shown = panel.getByRole('status', { name: 'Offsets shown' });
  await expect(shown).toHaveText('order_events: offsets 500–519 (20 messages)', { timeout: 30_000 });
  const rows = panel.getByRole('table', { name: 'Stream messages' }).locator('tbody tr');
  await expect(rows).toHaveCount(20);
  await expect(rows.first().locator('td').first()).toHaveText('500');
  await expect(rows.first()).toContainText('"order":1500');
  await panel.scrollIntoViewIfNeeded();
  await screenshot(page, 'streams-read.png', { fullPage: true });

  await panel.getByRole('button', { name: 'Older' }).click();
  await expect(shown).toHaveText('order_events: offsets 480–499 (20 messages)', { timeout: 30_000 });
  await panel.getByRole('button', { name: 'Newer' }).click();
  await expect(shown).toHaveText('order_events: offsets 500–519 (20 messages)', { timeout: 30_000 });
  await expect(rows.first().locator('td').first()).toHaveText('500');

  // From first: nothing older; the same messages as before (nothing was consumed away).
  await panel.getByLabel('From').selectOption('first');
  await panel.getByRole('button', { name: 'Read' }).click();
  await expect(shown).toHaveText('order_events: offsets 0–19 (20 messages)', { timeout: 30_000 });
  await expect(panel.getByRole('button', { name: 'Older' })).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Newer' })).toBeEnabled();

  // From a time an hour ago (the browser's local time): the whole stream was written since.
  const hourAgo = new Date(Date.now() - 3_600_000);
  const local = new Date(hourAgo.getTime() - hourAgo.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
  await panel.getByLabel('From').selectOption('timestamp');
  await expect(panel.getByRole('button', { name: 'Read' })).toBeDisabled();
  await panel.getByLabel('Written at or after').fill(local);
  await panel.getByLabel('How many').fill('5');
  await panel.getByRole('button', { name: 'Read' }).click();
  await expect(shown).toHaveText('order_events: offsets 0–4 (5 messages)', { timeout: 30_000 });

  await panel.getByLabel('Stream queue').fill('email_queue');
  await panel.getByRole('button', { name: 'Read' }).click();
  await expect(panel.getByRole('alert')).toContainText('is not a stream');
  await expect(panel.getByRole('alert')).toContainText('Peek');
  expect(errors).toEqual([]);
});
