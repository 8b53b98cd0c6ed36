// Issue 11.5: charts tell what they show — a legend per panel, the watch list suggests queue
// names, and one click watches a queue from a Topology row, a consumer card or a publish result.
import amqp from 'amqplib';
import { expect, test } from '@playwright/test';
import { vhostOnRunBroker } from '../support/e2e/run-broker';
import { startWarren, type RunningWarren } from '../support/e2e/warren-app';
import { screenshot } from '../support/e2e/screenshot';

let warren: RunningWarren;
let broker: Awaited<ReturnType<typeof vhostOnRunBroker>>;

test.beforeAll(async () => {
  broker = await vhostOnRunBroker('e2e-watch');
  const conn = await amqp.connect(broker.amqpUrl);
  const ch = await conn.createChannel();
  for (const q of ['payments', 'orders', 'emails']) await ch.assertQueue(q, { durable: false });
  await conn.close();
  warren = await startWarren({ WARREN_BROKER_URL: broker.amqpUrl, WARREN_MANAGEMENT_URL: broker.managementUrl });
});
test.afterAll(async () => {
  await warren?.stop();
  await broker?.remove();
});

test('one click watches a queue from its Topology row, its consumer card and a publish result; charts carry a legend', async ({ page }) => {
  await page.goto(`${await warren.link()}#/topology`);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
  await page.getByRole('row').filter({ hasText: 'payments' }).click();
  const details = page.getByRole('complementary', { name: 'Details' });
  await details.getByRole('button', { name: 'Watch payments on Charts' }).click();
  await expect(details.getByRole('link', { name: 'payments is watched: open Charts' })).toBeVisible();

  await page.getByRole('link', { name: 'Consumers' }).click();
  await page.getByLabel('Queue', { exact: true }).fill('orders');
  await page.getByRole('button', { name: 'Attach' }).click();
  const card = page.getByRole('region', { name: /Queue orders/ });
  await card.getByRole('button', { name: 'Watch orders on Charts' }).click();
  await expect(card.getByRole('link', { name: 'orders is watched: open Charts' })).toBeVisible();

  await page.getByRole('link', { name: 'Publish' }).click();
  await page.getByLabel('Routing key').fill('emails');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText(/Confirmed by the broker/)).toBeVisible();
  await page.getByRole('button', { name: 'Watch emails on Charts' }).click();
  await page.getByRole('link', { name: 'emails is watched: open Charts' }).click();

  await expect(page.getByRole('heading', { name: 'Charts', level: 1 })).toBeVisible();
  for (const q of ['payments', 'orders', 'emails']) await expect(page.getByRole('figure', { name: `Chart: ${q}` })).toBeVisible();
  const chart = page.getByRole('figure', { name: 'Chart: payments' });
  await expect(chart.getByRole('list', { name: 'Messages legend' }).getByRole('listitem')).toHaveText(['Ready', 'Unacked', 'Total']);
  await expect(chart.getByRole('list', { name: 'Rates legend' }).getByRole('listitem')).toHaveText(['Publish', 'Deliver', 'Ack', 'Redeliver']);
  await screenshot(page, 'charts-legend.png');
});

test('the watch list suggests the broker’s queue names as you type', async ({ page }) => {
  await page.goto(`${await warren.link()}#/charts`);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
  const input = page.getByLabel('Queues to watch');
  const listId = await input.getAttribute('list');
  expect(listId).toBeTruthy();
  // The suggestions are the queues not watched yet (the first test watched all three, so unwatch one).
  await page.getByRole('button', { name: 'Unwatch orders' }).click();
  await expect(page.locator(`datalist#${listId} option`)).toHaveCount(1);
  await expect(page.locator(`datalist#${listId} option`)).toHaveAttribute('value', 'orders');
});
