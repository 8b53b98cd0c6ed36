// The one virtual list (issue 12.5): a table of 2,000 queues draws about a screenful of rows,
// and scrolling or the arrow keys bring any row into view.
import axios from 'axios';
import { expect, test } from '@playwright/test';
import { testBroker } from '../support/broker';
import { vhostOnRunBroker } from '../support/e2e/run-broker';
import { startWarren, type RunningWarren } from '../support/e2e/warren-app';

const QUEUES = 2000;
let warren: RunningWarren;
let broker: Awaited<ReturnType<typeof vhostOnRunBroker>>;
const name = (i: number) => `q-${String(i).padStart(4, '0')}`;

test.beforeAll(async () => {
  broker = await vhostOnRunBroker('e2e-virtual');
  const b = testBroker();
  const http = axios.create({ baseURL: `${b.managementUrl}/api`, auth: { username: b.username, password: b.password }, timeout: 60_000 });
  // One request: the definitions import of the vhost.
  const queues = Array.from({ length: QUEUES }, (_, i) => ({ name: name(i), durable: false, auto_delete: false, arguments: {} }));
  await http.post(`/definitions/${encodeURIComponent(broker.vhost)}`, { queues });
  warren = await startWarren({ WARREN_BROKER_URL: broker.amqpUrl, WARREN_MANAGEMENT_URL: broker.managementUrl });
});
test.afterAll(async () => {
  await warren?.stop();
  await broker?.remove();
});

test('2,000 queues: a screenful of rows is drawn; scrolling to the end shows the last, arrow keys move the selection into view', async ({ page }) => {
  await page.goto(`${await warren.link()}#/topology`);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
  await expect(page.getByTestId('topo-count')).toHaveText(`${QUEUES.toLocaleString('en-US')} of ${QUEUES.toLocaleString('en-US')} queues`, { timeout: 60_000 });
  const table = page.getByRole('table', { name: 'Queues' });
  await expect(table).toHaveAttribute('aria-rowcount', String(QUEUES + 1));
  const drawn = await table.getByRole('row').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(100);

  const body = page.getByRole('rowgroup', { name: 'Queues rows' });
  await body.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(table.getByRole('row').filter({ hasText: name(QUEUES - 1) })).toBeVisible();
  expect(await table.getByRole('row').count()).toBeLessThan(100);

  await body.evaluate((el) => (el.scrollTop = 0));
  await table.getByRole('row').filter({ hasText: name(0) }).click();
  await body.focus();
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
  const selected = table.getByRole('row', { selected: true });
  await expect(selected).toContainText(name(40));
  await expect(selected).toBeInViewport();
});
