// Issue 15 point 5 in Chromium: a second profile opened beside the main connection; the Topology
// page works on it through its Broker picker (remembered for that page only); the Definitions
// page compares a vhost of the main broker with a vhost of the other.
import amqp from 'amqplib';
import { expect, test } from '@playwright/test';
import { vhostOnRunBroker } from '../support/e2e/run-broker';
import { addProfile } from '../support/e2e/profiles';
import { screenshot } from '../support/e2e/screenshot';
import { openConnected, warrenOnFreshVhost, type RunBrokerVhost } from '../support/e2e/warren-on-vhost';

let other: RunBrokerVhost;
const declare = async (url: string, queue: string) => {
  const c = await amqp.connect(url);
  await (await c.createChannel()).assertQueue(queue, { durable: true });
  await c.close();
};
const w = warrenOnFreshVhost('e2emain', async (main) => {
  await declare(main.amqpUrl, 'main-only');
  other = await vhostOnRunBroker('e2ebeside');
  await declare(other.amqpUrl, 'beside-only');
});
test.afterAll(async () => {
  await other?.remove();
});

test('a profile opened beside the main connection: Topology lists its queues by the Broker picker, kept per page, and Definitions compares the two', async ({ page }) => {
  await openConnected(page, w.warren, '#/connections');
  await addProfile(page, { name: 'Second broker', vhost: other.vhost });
  const row = page.getByRole('listitem', { name: 'Second broker' });
  await row.getByRole('button', { name: 'Open beside' }).click();
  await expect(row.getByText('Open beside', { exact: true })).toBeVisible({ timeout: 20_000 });
  // The main connection stays where it was; the top bar says one more is open.
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText('Connected to WARREN_BROKER_URL');
  await expect(page.getByText('+1 beside')).toBeVisible();

  await page.getByRole('link', { name: 'Topology' }).click();
  await page.getByRole('tab', { name: 'Queues' }).click();
  const queues = page.getByRole('table', { name: 'Queues' });
  await expect(queues.getByRole('row', { name: /main-only/ })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('combobox', { name: 'Broker', exact: true }).selectOption({ label: 'Second broker' });
  await expect(queues.getByRole('row', { name: /beside-only/ })).toBeVisible({ timeout: 20_000 });
  await expect(queues.getByRole('row', { name: /main-only/ })).toHaveCount(0);
  await screenshot(page, 'several-brokers-topology.png');

  // Another page keeps its own choice: the Overview still works on the main connection.
  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  expect(await page.getByRole('combobox', { name: 'Broker', exact: true }).locator('option:checked').textContent()).toContain('(main)');
  await page.getByRole('link', { name: 'Topology' }).click();
  expect(await page.getByRole('combobox', { name: 'Broker', exact: true }).locator('option:checked').textContent()).toBe('Second broker');

  await page.getByRole('link', { name: 'Definitions' }).click();
  await page.getByLabel('Virtual host').selectOption(w.broker.vhost);
  await page.getByLabel('Compare with broker').selectOption({ label: 'Second broker' });
  await page.getByLabel('Its vhost').selectOption(other.vhost);
  await page.getByRole('button', { name: 'Compare' }).last().click();
  await expect(page.getByRole('checkbox', { name: `Apply: added queue beside-only in vhost ${w.broker.vhost}` })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('checkbox', { name: `Apply: removed queue main-only in vhost ${w.broker.vhost}` })).toBeVisible();
  await screenshot(page, 'several-brokers-definitions.png');
});
