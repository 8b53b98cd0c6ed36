import { expect, test } from '@playwright/test';
import { consoleErrors, openConnected, warrenOnFreshVhost } from '../support/e2e/warren-on-vhost';
import { screenshot } from '../support/e2e/screenshot';

const on = warrenOnFreshVhost('e2etopo');

test('declare an exchange and a queue, bind them, see the edge, explain a route, purge with confirmation', async ({ page }) => {
  const errors = consoleErrors(page);
  await openConnected(page, on.warren);
  await page.getByRole('link', { name: 'Topology' }).click();
  await expect(page.getByRole('heading', { name: 'Topology' })).toBeVisible();

  // Declare a topic exchange.
  await page.getByRole('button', { name: 'Declare exchange' }).click();
  const exchangeForm = page.getByRole('form', { name: 'Declare an exchange' });
  await exchangeForm.getByLabel('Exchange name').fill('topic_logs');
  await exchangeForm.getByLabel('Exchange type').selectOption('topic');
  await exchangeForm.getByRole('button', { name: 'Declare exchange' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Declared exchange topic_logs (topic)' })).toBeVisible();

  // Declare a queue; a bad TTL is refused with the field named and the input kept.
  await page.getByRole('button', { name: 'Declare queue' }).click();
  const queueForm = page.getByRole('form', { name: 'Declare a queue' });
  await queueForm.getByLabel('Queue name').fill('email_queue');
  await queueForm.getByLabel('Message TTL (ms)').fill('soon');
  await queueForm.getByRole('button', { name: 'Declare queue' }).click();
  await expect(queueForm.getByRole('alert')).toContainText('Message TTL (ms) must be a whole number');
  await expect(queueForm.getByLabel('Queue name')).toHaveValue('email_queue');
  await queueForm.getByLabel('Message TTL (ms)').fill('');
  await queueForm.getByRole('button', { name: 'Declare queue' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Declared queue email_queue/ })).toBeVisible();

  // Bind them.
  await page.getByRole('button', { name: 'Add binding' }).click();
  const bindForm = page.getByRole('form', { name: 'Bind' });
  await bindForm.getByLabel('Source exchange').fill('topic_logs');
  await bindForm.getByLabel('Destination', { exact: true }).fill('email_queue');
  await bindForm.getByLabel('Routing key').fill('*.error');
  await bindForm.getByRole('button', { name: 'Bind' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Bound queue email_queue to topic_logs' })).toBeVisible();

  // The queue is in the table, and the filter finds it.
  const table = page.getByRole('table', { name: 'Queues' });
  await expect(table.getByRole('row', { name: /email_queue/ })).toBeVisible();
  await page.getByLabel('Filter').fill('/^email/');
  await expect(page.getByTestId('topo-count')).toHaveText(/^1 of 1 queue/);

  // The graph shows the edge with its binding key.
  await page.getByRole('tab', { name: 'Graph' }).click();
  const edge = page.locator('[data-testid="graph-edge"][data-from="x:topic_logs"][data-to="q:email_queue"]');
  await expect(edge).toHaveCount(1);
  await expect(edge).toContainText('*.error');
  await expect(page.getByRole('button', { name: 'exchange topic_logs (topic)' })).toBeVisible();
  await screenshot(page, 'topology-graph.png');

  // Explain a route: a match, and a miss with the closest key.
  await page.getByRole('tab', { name: 'Route explainer' }).click();
  const explainer = page.getByRole('region', { name: 'Route explainer' });
  await explainer.getByLabel('Exchange', { exact: true }).selectOption('topic_logs');
  await explainer.getByLabel('Routing key').fill('payment.error');
  await explainer.getByRole('button', { name: 'Explain route' }).click();
  await expect(explainer.getByText('Reaches 1 queue')).toBeVisible();
  await expect(explainer.getByText(/topic_logs → queue email_queue by binding “\*\.error”/)).toBeVisible();
  await explainer.getByLabel('Routing key').fill('payment.info');
  await explainer.getByRole('button', { name: 'Explain route' }).click();
  await expect(explainer.getByText("no binding on topic_logs matches 'payment.info'; closest: '*.error'")).toBeVisible();
  await screenshot(page, 'topology-route.png');

  // Publish three messages through the broker's own API, then purge with a confirmation naming them.
  const auth = { Authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}` };
  for (let i = 0; i < 3; i++) {
    const res = await page.request.post(`${on.broker.managementUrl}/api/exchanges/${encodeURIComponent(on.broker.vhost)}/topic_logs/publish`, {
      headers: auth,
      data: { properties: {}, routing_key: 'app.error', payload: `m${i}`, payload_encoding: 'string' },
    });
    expect((await res.json()).routed).toBe(true);
  }
  await page.getByRole('tab', { name: 'Queues' }).click();
  const row = page.getByRole('table', { name: 'Queues' }).getByRole('row', { name: /email_queue/ });
  // Name, Type, Features, State, Ready …: Ready is the fifth cell, as in the management UI.
  await expect(row.getByRole('cell').nth(4)).toHaveText('3', { timeout: 20_000 });
  await row.click();
  await page.getByRole('complementary', { name: 'Details' }).getByRole('button', { name: 'Purge…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Purge queue' });
  await expect(dialog).toContainText('Purge 3 ready messages from email_queue?');
  await screenshot(page, 'topology-purge.png');
  await dialog.getByRole('button', { name: 'Purge' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Purged 3 messages from email_queue' })).toBeVisible();
  await expect(row.getByRole('cell').nth(4)).toHaveText('0', { timeout: 20_000 });
  expect(errors, errors.join('\n')).toEqual([]);
});

test('a redeclare with other settings shows existing vs requested, and the form keeps the input', async ({ page }) => {
  await page.goto(`${await on.warren.link()}#/topology`);
  await expect(page.getByRole('heading', { name: 'Topology' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Declare queue' }).click();
  const form = page.getByRole('form', { name: 'Declare a queue' });
  await form.getByLabel('Queue name').fill('email_queue');
  await form.getByLabel('Max length (messages)').fill('10');
  await form.getByRole('button', { name: 'Declare queue' }).click();
  await expect(form.getByRole('alert')).toContainText('x-max-length: existing none, requested 10');
  await expect(form.getByRole('alert')).toContainText("Declare it with the existing settings, or delete 'email_queue'");
  await expect(form.getByLabel('Max length (messages)')).toHaveValue('10');
  await screenshot(page, 'topology-406.png');
});
