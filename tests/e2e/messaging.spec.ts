import amqp from 'amqplib';
import { expect, test } from '@playwright/test';
import { vhostOnRunBroker } from '../support/e2e/run-broker';
import { startWarren, type RunningWarren } from '../support/e2e/warren-app';
import { screenshot } from '../support/e2e/screenshot';

let warren: RunningWarren;
let broker: Awaited<ReturnType<typeof vhostOnRunBroker>>;

test.beforeAll(async () => {
  broker = await vhostOnRunBroker('e2e-msg');
  const conn = await amqp.connect(broker.amqpUrl);
  const ch = await conn.createChannel();
  await ch.assertQueue('orders', { durable: false });
  await ch.assertQueue('bulk', { durable: false });
  await ch.assertQueue('dlq', { durable: false });
  await ch.assertQueue('retry', { durable: false });
  ch.sendToQueue('dlq', Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x7b]), { messageId: 'dead-1', priority: 4, headers: { 'x-first-death-reason': 'rejected', attempt: 2 } });
  await ch.checkQueue('dlq');
  await conn.close();
  warren = await startWarren({ WARREN_BROKER_URL: broker.amqpUrl, WARREN_MANAGEMENT_URL: broker.managementUrl });
});
test.afterAll(async () => {
  await warren?.stop();
  await broker?.remove();
});

test('compose a JSON message with headers, see it in a consumer, ack it, counts change', async ({ page }) => {
  await page.goto(await warren.link());
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
  await page.getByRole('link', { name: 'Publish' }).click();
  await expect(page.getByRole('heading', { name: 'Publish' })).toBeVisible();
  await page.getByLabel('Routing key').fill('orders');
  await page.getByLabel('Body', { exact: true }).fill('{"order": 17, "total": 9.5}');
  await page.getByRole('button', { name: 'Add header' }).click();
  await page.getByLabel('Headers 1 name').fill('tenant');
  await page.getByLabel('Headers 1 value').fill('acme');
  await page.getByRole('button', { name: 'Add header' }).click();
  await page.getByLabel('Headers 2 name').fill('attempt');
  await page.getByLabel('Headers 2 type').selectOption('int');
  await page.getByLabel('Headers 2 value').fill('3');
  // Bad JSON first: refused, and the composer keeps what was typed.
  await page.getByLabel('Body', { exact: true }).fill('{"order": 17,');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText(/not valid JSON/)).toBeVisible();
  await expect(page.getByLabel('Headers 1 value')).toHaveValue('acme');
  await page.getByLabel('Body', { exact: true }).fill('{"order": 17, "total": 9.5}');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText(/Confirmed by the broker/)).toBeVisible();
  await screenshot(page, 'messaging-publish.png', { fullPage: true });

  await page.getByRole('link', { name: 'Consumers' }).click();
  await page.getByLabel('Queue', { exact: true }).fill('orders');
  await page.getByRole('button', { name: 'Attach' }).click();
  const panel = page.getByRole('region', { name: /Queue orders/ });
  await expect(panel.getByTestId('consumer-unacked')).toHaveText('Unacked: 1');
  await expect(panel.getByTestId('queue-ready')).toHaveText('Ready: 0', { timeout: 10_000 });
  const row = panel.getByRole('row').filter({ hasText: '"order": 17' });
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByRole('region', { name: 'Message detail' }).getByText('acme')).toBeVisible();
  await screenshot(page, 'messaging-consumers.png', { fullPage: true });
  await row.getByRole('button', { name: /^Ack message/ }).click();
  await expect(panel.getByTestId('consumer-unacked')).toHaveText('Unacked: 0');
  await expect(row).toContainText('acked');
});

test('repeat 1,000 messages with the progress bar', async ({ page }) => {
  await page.goto(await warren.link());
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
  await page.getByRole('link', { name: 'Publish' }).click();
  await page.getByLabel('Routing key').fill('bulk');
  await page.getByLabel('Body', { exact: true }).fill('{"n": {{seq}}}');
  await page.getByLabel('Count').fill('1000');
  await page.getByRole('button', { name: 'Repeat', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Repeat progress' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Repeat status' })).toContainText('Done: 1,000 / 1,000 sent (100%) · 1,000 confirmed', { timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'Repeat progress' })).toHaveAttribute('value', '1000');
});

test('export a consumer’s messages and re-import them to another queue, byte for byte', async ({ page }) => {
  await page.goto(await warren.link());
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
  await page.getByRole('link', { name: 'Consumers' }).click();
  await page.getByLabel('Queue', { exact: true }).fill('dlq');
  await page.getByLabel('Acknowledgement').selectOption('auto');
  await page.getByRole('button', { name: 'Attach' }).click();
  const panel = page.getByRole('region', { name: /Queue dlq/ });
  await expect(panel.getByRole('row').filter({ hasText: '(binary)' })).toBeVisible();
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export all (JSON)' }).click();
  const file = await (await download).path();

  await page.getByRole('link', { name: 'Publish' }).click();
  await page.getByLabel('Export file').setInputFiles(file);
  await expect(page.getByTestId('import-count')).toContainText('1 message in');
  await page.getByLabel('Send to another exchange / routing key').check();
  await page.getByLabel('Target routing key').fill('retry');
  await page.getByRole('button', { name: 'Re-publish all 1' }).click();
  await expect(page.getByTestId('import-outcome')).toHaveText('1 confirmed');

  const conn = await amqp.connect(broker.amqpUrl);
  const ch = await conn.createChannel();
  const got = await ch.get('retry', { noAck: true });
  await conn.close();
  expect(got && [...got.content]).toEqual([0xde, 0xad, 0xbe, 0xef, 0x00, 0x7b]);
  expect(got && got.properties).toMatchObject({ messageId: 'dead-1', priority: 4, headers: { 'x-first-death-reason': 'rejected', attempt: 2 } });
});
