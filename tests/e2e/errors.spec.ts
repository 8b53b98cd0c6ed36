// Issue 11.10: one error, once — a refusal appears once, where the user acted, and no banner
// repeats it or covers the page.
import amqp from 'amqplib';
import { expect, test } from '@playwright/test';
import { vhostOnRunBroker } from '../support/e2e/run-broker';
import { startWarren, type RunningWarren } from '../support/e2e/warren-app';
import { screenshot } from '../support/e2e/screenshot';

let warren: RunningWarren;
let broker: Awaited<ReturnType<typeof vhostOnRunBroker>>;

test.beforeAll(async () => {
  broker = await vhostOnRunBroker('e2e-errors');
  const conn = await amqp.connect(broker.amqpUrl);
  const ch = await conn.createChannel();
  await ch.assertQueue('email_queue', { durable: true });
  await conn.close();
  warren = await startWarren({ WARREN_BROKER_URL: broker.amqpUrl, WARREN_MANAGEMENT_URL: broker.managementUrl });
});
test.afterAll(async () => {
  await warren?.stop();
  await broker?.remove();
});

test('a redeclare with other arguments is refused once, at the form; no banner repeats it or covers the title', async ({ page }) => {
  await page.goto(`${await warren.link()}#/topology`);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Declare queue' }).click();
  const form = page.getByRole('form', { name: 'Declare a queue' });
  await form.getByLabel('Queue name').fill('email_queue');
  await form.getByLabel('Max length (messages)').fill('10');
  await form.getByRole('button', { name: 'Declare queue' }).click();
  await expect(form.getByRole('alert')).toContainText('x-max-length: existing none, requested 10');
  // Long enough for a channel-error banner to have appeared, had there been one.
  await page.waitForTimeout(1500);
  await expect(page.getByText(/x-max-length/)).toHaveCount(1);
  await expect(page.getByText(/The broker closed a channel/)).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(1);
  // Nothing sits over the page title.
  await page.getByRole('heading', { name: 'Topology', level: 1 }).scrollIntoViewIfNeeded();
  const onTop = await page.getByRole('heading', { name: 'Topology', level: 1 }).evaluate((h) => {
    const r = h.getBoundingClientRect();
    return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === h;
  });
  expect(onTop).toBe(true);
  await screenshot(page, 'errors-once.png');
});
