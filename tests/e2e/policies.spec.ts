// Issue 15.2: while a policy's pattern is typed, the queues and exchanges it matches are shown
// live with which policy wins for each and the keys it would set; an invalid pattern is named at
// the field; a delete names what loses the policy.
import { expect, test, type Page } from '@playwright/test';
import { adminApi } from '../support/definitions';
import { vhostOnRunBroker } from '../support/e2e/run-broker';
import { screenshot } from '../support/e2e/screenshot';
import { startWarren, type RunningWarren } from '../support/e2e/warren-app';

let warren: RunningWarren;
let broker: Awaited<ReturnType<typeof vhostOnRunBroker>>;
const enc = encodeURIComponent;

test.beforeAll(async () => {
  broker = await vhostOnRunBroker('e2e-policies');
  const http = adminApi();
  const v = enc(broker.vhost);
  for (const q of ['orders.eu', 'orders.us', 'invoices']) await http.put(`/queues/${v}/${q}`, { durable: true });
  await http.put(`/policies/${v}/base`, { pattern: '.*', 'apply-to': 'queues', priority: 1, definition: { 'max-length': 10 } });
  warren = await startWarren({ WARREN_BROKER_URL: broker.amqpUrl, WARREN_MANAGEMENT_URL: broker.managementUrl });
});
test.afterAll(async () => {
  await warren?.stop();
  await broker?.remove();
});

async function openPolicies(page: Page): Promise<void> {
  await page.goto(await warren.link());
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
  await page.getByRole('link', { name: 'Policies' }).click();
  await expect(page.getByRole('heading', { name: 'Policies', level: 1 })).toBeVisible();
}

test('a pattern matches live as it is typed, with the winner by priority; an invalid one is named; create, then delete naming what loses it', async ({ page }) => {
  await openPolicies(page);
  const list = page.getByRole('table', { name: `Policies of vhost ${broker.vhost}` });
  await expect(list.getByRole('row').filter({ hasText: 'base' })).toContainText('3 (queue invoices, queue orders.eu, queue orders.us)');

  await page.getByRole('button', { name: 'New policy' }).click();
  const form = page.getByRole('form', { name: 'New policy' });
  await form.getByLabel('Name').fill('orders-ttl');
  await form.getByLabel('Definition (JSON)').fill('{"message-ttl": 60000}');
  const pattern = form.getByLabel('Pattern', { exact: true });
  await pattern.pressSequentially('^orders');
  const status = form.getByRole('status');
  await expect(status).toHaveText('Matches 2 queues and 0 exchanges; it would apply to 0 of them.');
  const matches = form.getByRole('table', { name: 'What the pattern matches' });
  await expect(matches.getByRole('row').filter({ hasText: 'queue orders.eu' })).toContainText('base wins (priority)');

  await form.getByLabel('Priority').fill('2');
  await expect(status).toHaveText('Matches 2 queues and 0 exchanges; it would apply to 2 of them.');
  await expect(matches.getByRole('row').filter({ hasText: 'queue orders.eu' })).toContainText('orders-ttl wins');
  await expect(matches.getByRole('row').filter({ hasText: 'queue orders.eu' })).toContainText('message-ttl=60000');
  await screenshot(page, 'policies-live-match.png');

  await pattern.pressSequentially('(');
  await expect(form.getByRole('alert')).toContainText('is not a valid regular expression');
  await expect(form.getByRole('button', { name: 'Create policy' })).toBeDisabled();
  await pattern.press('Backspace');
  await form.getByRole('button', { name: 'Create policy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved policy orders-ttl.' })).toBeVisible();
  await expect(list.getByRole('row').filter({ hasText: 'orders-ttl' })).toContainText('2 (queue orders.eu, queue orders.us)');
  const saved = (await adminApi().get<{ pattern: string; priority: number; definition: object }>(`/policies/${enc(broker.vhost)}/orders-ttl`)).data;
  expect(saved).toMatchObject({ pattern: '^orders', priority: 2, definition: { 'message-ttl': 60000 } });

  await list.getByRole('button', { name: 'Delete base' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('1 object loses it (another matching policy may take over): queue invoices.');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted policy base.' })).toBeVisible();
  await expect(list.getByRole('row').filter({ hasText: 'base' })).toHaveCount(0);
});
