import { expect, test } from '@playwright/test';
import { vhostOnRunBroker } from '../support/e2e/run-broker';
import { startWarren, type RunningWarren } from '../support/e2e/warren-app';
import { screenshot } from '../support/e2e/screenshot';

let warren: RunningWarren;
let remove: () => Promise<void>;

test.beforeAll(async () => {
  const run = await vhostOnRunBroker('e2e-demos');
  remove = run.remove;
  warren = await startWarren({ WARREN_BROKER_URL: run.amqpUrl, WARREN_MANAGEMENT_URL: run.managementUrl });
});
test.afterAll(async () => {
  await warren?.stop();
  await remove?.();
});

test('EcomNow from the UI: take email down, place 5 orders, email_queue at 5; bring it back, 0', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(await warren.link());
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
  await page.getByRole('link', { name: 'Demos' }).click();
  await expect(page.getByRole('heading', { name: 'Demos' })).toBeVisible();
  await page.getByRole('tab', { name: 'EcomNow orders' }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  const email = page.getByLabel('email_queue ready messages');
  await expect(email).toHaveText('0', { timeout: 20_000 });
  await expect(page.getByRole('article', { name: 'Email service' })).toContainText('up');

  await page.getByRole('button', { name: 'Take email down' }).click();
  await expect(page.getByRole('article', { name: 'Email service' })).toContainText('down');
  await page.getByLabel('Orders in the burst').fill('5');
  await page.getByRole('button', { name: 'Place a burst' }).click();
  await expect(email).toHaveText('5', { timeout: 15_000 });
  await expect(page.getByLabel('inventory_queue ready messages')).toHaveText('0');
  await expect(page.getByLabel('analytics_queue ready messages')).toHaveText('0');
  await screenshot(page, 'demos-ecomnow.png');

  await page.getByRole('button', { name: 'Bring email back' }).click();
  await expect(email).toHaveText('0', { timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Results' })).toContainText('emailed once');

  // Bad input is refused in the user's terms and the field keeps what was typed.
  await page.getByLabel('Orders in the burst').fill('0');
  await page.getByRole('button', { name: 'Place a burst' }).click();
  await expect(page.getByText('at least 1')).toBeVisible();
  await expect(page.getByLabel('Orders in the burst')).toHaveValue('0');

  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByText('Nothing running')).toBeVisible({ timeout: 20_000 });
  expect(errors, errors.join('\n')).toEqual([]);
});

test('presenter mode at 1280×720: large type, keys step and reset', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(await warren.link());
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
  await page.getByRole('link', { name: 'Demos' }).click();
  await page.getByRole('tab', { name: 'Topic routing' }).click();
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.getByRole('heading', { name: 'Topic routing' })).toBeVisible();
  await page.keyboard.press('Space'); // runs the demo (step 1)
  await expect(page.getByRole('article', { name: 'Consumer 3 (#)' })).toContainText('up', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: /Next step \(2\/4\)/ })).toBeEnabled({ timeout: 20_000 });
  await page.keyboard.press('Space'); // kernel.error
  await expect(page.getByRole('region', { name: 'Route explainer' })).toContainText('Delivered to: Consumer 1 (*.error), Consumer 2 (kernel.*), Consumer 3 (#)', { timeout: 20_000 });
  // The graph draws the server-named queues under their programs' names, bound with the tutorial's keys.
  const graph = page.getByRole('region', { name: 'Topology graph' });
  await expect(graph.getByRole('button', { name: /^queue Consumer 1 \(\*\.error\)/ })).toBeVisible({ timeout: 15_000 });
  await expect(graph.getByRole('button', { name: 'exchange topic_logs (topic)' })).toBeVisible();
  await expect(graph.getByTestId('graph-edge')).toHaveCount(3);
  await page.keyboard.press('r');
  await expect(page.getByText('Nothing running')).toBeVisible({ timeout: 20_000 });
});

test('presenter mode, EcomNow: graph and live charts on one screen, keys drive the story', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(await warren.link());
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
  await page.getByRole('link', { name: 'Demos' }).click();
  await page.getByRole('tab', { name: 'EcomNow orders' }).click();
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await page.keyboard.press('Space'); // run: step 1 starts the services
  const email = page.getByLabel('email_queue ready messages');
  await expect(email).toHaveText('0', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: /Next step \(2\/7\)/ })).toBeEnabled({ timeout: 20_000 });
  await page.keyboard.press('Space'); // one order
  await expect(page.getByRole('button', { name: /Next step \(3\/7\)/ })).toBeEnabled({ timeout: 20_000 });
  await page.keyboard.press('Space'); // email down, a burst of orders
  await expect(page.getByRole('button', { name: /Next step \(4\/7\)/ })).toBeEnabled({ timeout: 30_000 });
  await expect(email).toHaveText('5', { timeout: 15_000 });
  const graph = page.getByRole('region', { name: 'Topology graph' });
  await expect(graph.getByRole('button', { name: 'queue email_queue: 5 ready, 0 unacked' })).toBeVisible({ timeout: 15_000 });
  await expect(graph.getByTestId('graph-edge')).toHaveCount(3);
  // The step's marker: a numbered line on the email chart, its words in the legend under the charts.
  const legend = page.getByRole('list', { name: 'Chart markers' });
  await expect(legend.getByRole('listitem').filter({ hasText: 'Step 3: Take the email service down, place orders' })).toBeVisible({ timeout: 10_000 });
  const n = (await legend.getByRole('listitem').filter({ hasText: 'Step 3:' }).locator('.demo-event-n').textContent()) ?? '?';
  await expect(page.getByTestId('chart-email_queue').locator('.recharts-label').getByText(n, { exact: true })).toBeVisible();
  await screenshot(page, 'demos-presenter.png');
  await page.keyboard.press('f'); // bring email back
  await expect(email).toHaveText('0', { timeout: 30_000 });
  await page.keyboard.press('r');
  await expect(page.getByText('Nothing running')).toBeVisible({ timeout: 20_000 });
});
