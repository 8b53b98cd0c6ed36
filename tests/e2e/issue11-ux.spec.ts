// Issue 11 points 7, 9 and 11, as a person sees them in Chromium: connections identified and
// closable with a reason; the queue table's Features, the detail pane in words, the graph's
// dead-letter and alternate-exchange links; Get messages with its consequence said first, and a
// dead-lettered message's x-death as a table.
import amqp from 'amqplib';
import { expect, test, type Page } from '@playwright/test';
import { startWarren, type RunningWarren } from '../support/e2e/warren-app';
import { vhostOnRunBroker } from '../support/e2e/run-broker';
import { screenshot } from '../support/e2e/screenshot';

let warren: RunningWarren;
let broker: Awaited<ReturnType<typeof vhostOnRunBroker>>;

test.beforeAll(async () => {
  broker = await vhostOnRunBroker('e2eux');
  warren = await startWarren({ WARREN_BROKER_URL: broker.amqpUrl, WARREN_MANAGEMENT_URL: broker.managementUrl });
  // The EcomNow shape: orders with an alternate exchange, a work queue that dead-letters.
  const setup = await amqp.connect(broker.amqpUrl);
  const ch = await setup.createChannel();
  await ch.assertExchange('unrouted', 'fanout', { durable: false });
  await ch.assertExchange('orders', 'direct', { durable: false, alternateExchange: 'unrouted' });
  await ch.assertExchange('dlx', 'fanout', { durable: false });
  await ch.assertQueue('work', { durable: true, deadLetterExchange: 'dlx', messageTtl: 60_000 });
  await ch.assertQueue('dead', { durable: false });
  await ch.assertQueue('lost', { durable: false });
  await ch.bindQueue('work', 'orders', 'order.created');
  await ch.bindQueue('dead', 'dlx', '');
  await ch.bindQueue('lost', 'unrouted', '');
  ch.publish('orders', 'order.created', Buffer.from('{"order":42}'), { contentType: 'application/json' });
  await ch.checkQueue('work');
  // A consumer rejects it: the broker dead-letters it to dlx → dead with an x-death header.
  const got = await ch.get('work', { noAck: false });
  if (got) ch.nack(got, false, false);
  await ch.checkQueue('dead');
  await setup.close();
});
test.afterAll(async () => {
  await warren?.stop();
  await broker?.remove();
});

async function open(page: Page, where: 'Topology' | 'Consumers' | 'Demos') {
  await page.goto(await warren.link());
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
  await page.getByRole('link', { name: where }).click();
}

test('point 7: the Client column names each client and marks Warren; Close connection names what it cuts and hands the reason over', async ({ page }) => {
  const client = await amqp.connect(broker.amqpUrl, { clientProperties: { connection_name: 'orders-service' } });
  await client.createChannel();
  const closed = new Promise<string>((resolve) => client.on('close', (err: unknown) => resolve(String(err))));
  client.on('error', () => undefined);
  // The management API counts a connection's channels with its statistics (every second here):
  // open the page once the broker reports the channel, as a user would see it a moment later.
  await expect
    .poll(async () => {
      const res = await fetch(`${broker.managementUrl}/api/connections?columns=client_properties,channels`, {
        headers: { authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` },
      });
      const rows = (await res.json()) as { client_properties?: { connection_name?: string }; channels?: number }[];
      return rows.find((r) => r.client_properties?.connection_name === 'orders-service')?.channels;
    }, { timeout: 20_000 })
    .toBe(1);

  await open(page, 'Topology');
  await page.getByRole('tab', { name: 'Connections' }).click();
  const table = page.getByRole('table', { name: 'Connections' });
  const row = table.getByRole('row', { name: /orders-service · amqplib/ });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(table.getByRole('row', { name: /Warren Warren — / })).toBeVisible();

  await row.click();
  await page.getByRole('complementary', { name: 'Details' }).getByRole('button', { name: 'Close connection…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Close connection' });
  await expect(dialog).toContainText('orders-service · amqplib');
  await expect(dialog).toContainText('This cuts its 1 channel.');
  await dialog.getByLabel('Reason').fill('maintenance window');
  await screenshot(page, 'topology-connections-close.png');
  await dialog.getByRole('button', { name: 'Close connection' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Closed connection .* “maintenance window”/ })).toBeVisible();
  expect(await closed).toMatch(/CONNECTION_FORCED.*maintenance window/);
  await expect(row).toHaveCount(0, { timeout: 20_000 });
});

test('point 7: a running demo’s programs are marked as the demo’s, by program; only Warren’s own connection is marked Warren', async ({ page }) => {
  await open(page, 'Demos');
  await page.getByRole('tab', { name: 'EcomNow orders' }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('article', { name: 'Email service' })).toContainText('up', { timeout: 20_000 });
  try {
    await page.getByRole('link', { name: 'Topology' }).click();
    await page.getByRole('tab', { name: 'Connections' }).click();
    await page.getByLabel('Virtual host').selectOption({ label: 'All virtual hosts' });
    const table = page.getByRole('table', { name: 'Connections' });
    for (const program of ['Email service', 'Inventory service', 'Analytics service', 'producer']) {
      const row = table.getByRole('row', { name: new RegExp(`demo: ${program} ecomnow demo`) });
      await expect(row).toBeVisible({ timeout: 20_000 });
      await expect(row.getByText(`demo: ${program}`, { exact: true })).toHaveAttribute('title', /A program of the ecomnow demo/);
      await expect(row.getByTitle(`demo ecomnow — ${program} · Warren demo`).first()).toBeVisible();
      await expect(row.getByText('Warren', { exact: true })).toHaveCount(0);
    }
    const own = table.getByRole('row', { name: /Warren Warren — / });
    await expect(own).toHaveCount(1);
    await expect(own).not.toContainText('demo:');
    await screenshot(page, 'topology-connections-demo.png');
  } finally {
    await page.getByRole('link', { name: 'Demos' }).click();
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByRole('alertdialog', { name: 'Reset EcomNow orders?' }).getByRole('button', { name: 'Reset the run' }).click();
    await expect(page.getByRole('button', { name: 'Reset' })).toBeDisabled({ timeout: 20_000 });
  }
});

test('point 9: Features with tooltips, the detail pane in words, dead-letter and alternate links dashed and labelled', async ({ page }) => {
  await open(page, 'Topology');
  const table = page.getByRole('table', { name: 'Queues' });
  const work = table.getByRole('row', { name: /^work / });
  await expect(work).toBeVisible({ timeout: 20_000 });
  await expect(work.locator('abbr', { hasText: 'DLX' })).toHaveAttribute('title', 'Dead-letter exchange: rejected and expired messages go to dlx');
  await expect(work.locator('abbr', { hasText: 'TTL' })).toHaveAttribute('title', 'Message TTL: messages expire after 60000 ms');
  await expect(work.locator('abbr', { hasText: /^D$/ })).toHaveAttribute('title', /Durable/);
  // Headers are never cut: each header button is as wide as its label needs.
  for (const header of await table.getByRole('columnheader').all()) {
    const button = header.getByRole('button');
    expect(await button.evaluate((b) => b.scrollWidth <= b.clientWidth + 1)).toBe(true);
  }
  await work.click();
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByText('Ready messages')).toBeVisible();
  await expect(details.getByText('Dead-letter exchange (x-dead-letter-exchange): dlx')).toBeVisible();
  await expect(details.getByText('publishRate')).toHaveCount(0);
  await screenshot(page, 'topology-features.png');

  await page.getByRole('tab', { name: 'Graph' }).click();
  const dead = page.locator('[data-testid="graph-edge"][data-kind="dead-letter"]');
  await expect(dead).toHaveAttribute('data-from', 'q:work');
  await expect(dead).toHaveAttribute('data-to', 'x:dlx');
  await expect(dead.locator('text')).toContainText('dead letters');
  const alternate = page.locator('[data-testid="graph-edge"][data-kind="alternate"]');
  await expect(alternate.locator('text')).toContainText('alternate exchange');
  for (const edge of [dead, alternate]) {
    expect(await edge.locator('path').evaluate((p) => getComputedStyle(p).strokeDasharray)).not.toBe('none');
  }
  await screenshot(page, 'topology-graph-dlx.png');
});

test('point 11: Get messages says each mode’s consequence before it runs; ack asks, takes the message, and shows x-death as a table', async ({ page }) => {
  await open(page, 'Consumers');
  const panel = page.getByRole('region', { name: 'Peek and get messages' });
  await panel.getByLabel('Queue to peek').fill('dead');
  await panel.getByLabel('How many').fill('1');
  const note = panel.getByRole('note', { name: 'What Get messages does' });
  await expect(note).toHaveText('Takes up to 1 message from dead and puts them back: they stay in the queue, marked redelivered, possibly in another order.');
  await panel.getByLabel('Ack mode').selectOption('reject');
  await expect(note).toContainText('rejects them without requeue: they leave the queue');
  await panel.getByLabel('Ack mode').selectOption('ack');
  await expect(note).toContainText('acknowledges them: they are removed from the queue for good.');
  await panel.getByRole('button', { name: 'Get messages' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Get messages' });
  await expect(dialog).toContainText('removed from the queue for good. This cannot be undone.');
  await dialog.getByRole('button', { name: 'Get and ack' }).click();

  const deaths = panel.getByRole('table', { name: 'Dead-letter history (x-death)' });
  await expect(deaths).toBeVisible();
  const death = deaths.getByRole('row', { name: /work rejected 1/ });
  await expect(death).toBeVisible();
  await expect(death.getByRole('cell').nth(5)).toHaveText(/^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}:\d{2}$/);
  await deaths.scrollIntoViewIfNeeded();
  await screenshot(page, 'messaging-get.png');

  // Acked: the queue is empty now.
  await panel.getByRole('button', { name: 'Peek' }).click();
  await expect(panel.getByText('The queue is empty.')).toBeVisible();
});
