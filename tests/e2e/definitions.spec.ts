// Issue 15.1: importing a definitions file shows the diff first — per type, the broker's refusal
// named and not tickable — then a dry run that sends nothing, then Apply selected with a report;
// the export downloads the management API's file.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { adminApi, queueNames } from '../support/definitions';
import { vhostOnRunBroker } from '../support/e2e/run-broker';
import { screenshot } from '../support/e2e/screenshot';
import { startWarren, type RunningWarren } from '../support/e2e/warren-app';

let warren: RunningWarren;
let home: Awaited<ReturnType<typeof vhostOnRunBroker>>;
let target: Awaited<ReturnType<typeof vhostOnRunBroker>>;
const enc = encodeURIComponent;

const FILE = JSON.stringify({
  rabbit_version: '3.10.8',
  queues: [
    { name: 'orders', durable: true, auto_delete: false, arguments: { 'x-max-length': 99 } },
    { name: 'invoices', durable: true, auto_delete: false, arguments: {} },
  ],
  exchanges: [],
  bindings: [{ source: 'amq.direct', destination: 'invoices', destination_type: 'queue', routing_key: 'invoice', arguments: {} }],
});

test.beforeAll(async () => {
  home = await vhostOnRunBroker('e2e-defs-home');
  target = await vhostOnRunBroker('e2e-defs-target');
  await adminApi().put(`/queues/${enc(target.vhost)}/orders`, { durable: true, arguments: { 'x-max-length': 10 } });
  warren = await startWarren({ WARREN_BROKER_URL: home.amqpUrl, WARREN_MANAGEMENT_URL: home.managementUrl });
});
test.afterAll(async () => {
  await warren?.stop();
  await home?.remove();
  await target?.remove();
});

async function openDefinitions(page: Page): Promise<void> {
  await page.goto(await warren.link());
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
  await page.getByRole('link', { name: 'Definitions' }).click();
  await expect(page.getByRole('heading', { name: 'Definitions', level: 1 })).toBeVisible();
}

test('import a file into a vhost: the diff with the refused queue named, a dry run, then Apply selected', async ({ page }) => {
  await openDefinitions(page);
  await page.getByLabel('Virtual host').selectOption(target.vhost);
  await expect(page.getByRole('heading', { name: `Import into vhost ${target.vhost}` })).toBeVisible();
  await page.getByLabel('Definitions file').setInputFiles({ name: 'shop.json', mimeType: 'application/json', buffer: Buffer.from(FILE) });

  const queues = page.getByRole('table', { name: 'Queues changes' });
  await expect(queues).toBeVisible();
  await expect(page.getByRole('heading', { name: /Queues — 1 added, 1 changed/ })).toBeVisible();
  const invoices = page.getByRole('checkbox', { name: `Apply: added queue invoices in vhost ${target.vhost}` });
  const orders = page.getByRole('checkbox', { name: `Apply: changed queue orders in vhost ${target.vhost}` });
  await expect(invoices).toBeChecked();
  await expect(orders).toBeDisabled();
  await expect(orders).not.toBeChecked();
  const ordersRow = queues.getByRole('row').filter({ hasText: 'queue orders' });
  await expect(ordersRow).toContainText('arguments: {"x-max-length":10} → {"x-max-length":99}');
  await expect(ordersRow).toContainText('Will be refused (PRECONDITION_FAILED)');
  await expect(page.getByRole('checkbox', { name: /Apply: added binding amq.direct → queue invoices/ })).toBeChecked();
  await page.getByRole('heading', { name: /shop.json →/ }).scrollIntoViewIfNeeded();
  await screenshot(page, 'definitions-diff.png');

  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Dry run: 2 changes would be applied, nothing was sent.' })).toBeVisible();
  expect(await queueNames(target.vhost)).toEqual(['orders']);

  await page.getByRole('button', { name: 'Apply selected (2)' }).click();
  const report = page.getByRole('status').filter({ hasText: 'Applied 2 changes.' });
  await expect(report).toBeVisible();
  await expect(report).toContainText(`Added queue invoices in vhost ${target.vhost}`);
  expect(await queueNames(target.vhost)).toEqual(['invoices', 'orders']);
  const orderQueue = (await adminApi().get<{ arguments: object }>(`/queues/${enc(target.vhost)}/orders`)).data;
  expect(orderQueue.arguments).toEqual({ 'x-max-length': 10 });
  // Compared again after the apply: only the refused change is left.
  await expect(page.getByRole('heading', { name: /Queues — 1 changed, 1 the same/ })).toBeVisible();
});

test('a malformed file is named with its hint; export downloads the vhost’s definitions', async ({ page }) => {
  await openDefinitions(page);
  await page.getByLabel('Virtual host').selectOption(target.vhost);
  await page.getByLabel('Definitions file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"queues": [') });
  const alert = page.getByRole('alert').filter({ hasText: 'The file is not JSON' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Export definitions');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: `Export vhost ${target.vhost}` }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^warren-definitions-vhost-warren-e2e-defs-target-[0-9a-f]+-\d{4}-\d\d-\d\d\.json$/);
  const saved = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { queues: { name: string }[] };
  expect(saved.queues.map((q) => q.name)).toContain('orders');
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`Saved warren-definitions-vhost-.*: ${saved.queues.length} queues`) })).toBeVisible();
});
