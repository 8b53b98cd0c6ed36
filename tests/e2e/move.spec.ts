// Issue 15.4: move messages from the page, with progress; the report says moved and skipped.
import amqp from 'amqplib';
import { expect, test } from '@playwright/test';
import { consoleErrors, openConnected, warrenOnFreshVhost } from '../support/e2e/warren-on-vhost';
import { screenshot } from '../support/e2e/screenshot';

const TOTAL = 3_000; // the report below spells it: 3,000
const on = warrenOnFreshVhost('e2e-move', async (broker) => {
  const conn = await amqp.connect(broker.amqpUrl);
  const ch = await conn.createConfirmChannel();
  await ch.assertQueue('email_queue.dead', { durable: true });
  await ch.assertQueue('email_queue.retry', { durable: true });
  for (let i = 1; i <= TOTAL; i++) ch.sendToQueue('email_queue.dead', Buffer.from(`order ${i}`), { headers: { region: i % 10 === 0 ? 'eu' : 'us' } });
  await ch.waitForConfirms();
  await conn.close();
});

test('move the matching messages to another queue: a progress bar while it runs, then moved and skipped; the broker agrees', async ({ page }) => {
  const errors = consoleErrors(page);
  await openConnected(page, on.warren, '#/move');
  await expect(page.getByRole('heading', { name: 'Move messages' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Move messages' });
  await form.getByLabel('Source queue').fill('email_queue.dead');
  await form.getByLabel('Destination queue').fill('email_queue.retry');
  await form.getByLabel('Only with header').fill('region');
  await form.getByLabel('Header value').fill('eu');
  await expect(form).toContainText('Each message leaves the source only after the destination confirmed it');
  await form.getByRole('button', { name: 'Move messages' }).click();
  await expect(page.getByRole('progressbar', { name: 'Move progress' })).toBeVisible();
  const status = page.getByRole('status', { name: 'Move status' });
  await expect(status).toContainText(/^(Running|Done): /);
  await screenshot(page, 'move-progress.png');
  await expect(status).toContainText(`Done: 3,000 of 3,000 read · 300 moved · 2,700 skipped (left in email_queue.dead)`, { timeout: 120_000 });
  const conn = await amqp.connect(on.broker.amqpUrl);
  const ch = await conn.createChannel();
  expect((await ch.checkQueue('email_queue.retry')).messageCount).toBe(300);
  // The skipped ones are put back (requeued) as the run ends; the queue counts them ready a moment later.
  await expect.poll(async () => (await ch.checkQueue('email_queue.dead')).messageCount, { timeout: 10_000 }).toBe(2_700);
  await conn.close();

  // A destination that does not exist is refused before anything moves.
  await form.getByLabel('Destination queue').fill('no_such_queue');
  await form.getByRole('button', { name: 'Move messages' }).click();
  await expect(form.getByRole('alert')).toContainText('No queue no_such_queue in virtual host');
  expect(errors).toEqual([]);
});
