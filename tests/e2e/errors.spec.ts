// Issue 11.10: one error, once — a refusal appears once, where the user acted, and no banner
// repeats it or covers the page.
import amqp from 'amqplib';
import { expect, test } from '@playwright/test';
import { openConnected, warrenOnFreshVhost } from '../support/e2e/warren-on-vhost';
import { screenshot } from '../support/e2e/screenshot';

const on = warrenOnFreshVhost('e2e-errors', async (broker) => {
  const conn = await amqp.connect(broker.amqpUrl);
  const ch = await conn.createChannel();
  await ch.assertQueue('email_queue', { durable: true });
  await conn.close();
});

test('a redeclare with other arguments is refused once, at the form; no banner repeats it or covers the title', async ({ page }) => {
  await openConnected(page, on.warren, '#/topology');
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
