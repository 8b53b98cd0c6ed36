// Issue 11.4: Publish sends what it shows — the content type follows the body kind unless typed,
// copy-as-code is exactly what Publish sends (run with pika, compared by pika), history shows
// whole names, and the composer keeps its draft across pages.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import amqp from 'amqplib';
import { expect, test, type Page } from '@playwright/test';
import { openConnected, warrenOnFreshVhost } from '../support/e2e/warren-on-vhost';
import { screenshot } from '../support/e2e/screenshot';

const LONG_EXCHANGE = 'ecomnow.orders.events.with-a-name-longer-than-the-history-column';
const LONG_KEY = 'orders.created.europe.west.priority-customers.second-attempt';
/** Debian's python3 has pika (the pyenv one on PATH does not). */
const PYTHON = process.env.WARREN_PIKA_PYTHON ?? '/usr/bin/python3';
const on = warrenOnFreshVhost('e2e-publish', async (broker) => {
  const conn = await amqp.connect(broker.amqpUrl);
  const ch = await conn.createChannel();
  for (const q of ['kinds', 'exact', 'history', 'again']) await ch.assertQueue(q, { durable: false });
  ch.sendToQueue('again', Buffer.from('send me again'), { contentType: 'text/x-note', headers: { origin: 'dead-letter' } });
  await ch.checkQueue('again');
  await ch.assertExchange(LONG_EXCHANGE, 'topic', { durable: false });
  await ch.bindQueue('history', LONG_EXCHANGE, '#');
  await conn.close();
});

async function openPublish(page: Page): Promise<void> {
  await openConnected(page, on.warren);
  await page.getByRole('link', { name: 'Publish' }).click();
  await expect(page.getByRole('heading', { name: 'Publish' })).toBeVisible();
}

/** Takes every message off `queue` with pika and prints, per message, what an application receiving it sees. */
function readWithPika(queue: string): string[] {
  const script = `
import sys, pika
connection = pika.BlockingConnection(pika.URLParameters(sys.argv[1]))
channel = connection.channel()
while True:
    method, props, body = channel.basic_get(sys.argv[2], auto_ack=True)
    if method is None:
        break
    print(repr((method.exchange, method.routing_key, props.content_type, props.delivery_mode, props.headers, body)))
connection.close()
`;
  return execFileSync(PYTHON, ['-c', script, on.broker.amqpUrl, queue], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
}

test('the content type follows the body kind until the user types one, and is what is sent', async ({ page }) => {
  await openPublish(page);
  const contentType = page.getByLabel('Content type');
  await expect(contentType).toHaveValue('application/json');
  await page.getByRole('radio', { name: 'Text' }).click();
  await expect(contentType).toHaveValue('text/plain');
  await page.getByLabel('Routing key').fill('kinds');
  await page.getByLabel('Body', { exact: true }).fill('plain words');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText(/Confirmed by the broker/)).toBeVisible();
  await page.getByRole('radio', { name: 'Hex' }).click();
  await expect(contentType).toHaveValue('application/octet-stream');
  // Typed by the user: it stays whatever the body kind.
  await contentType.fill('application/vnd.acme+json');
  await page.getByRole('radio', { name: 'JSON' }).click();
  await expect(contentType).toHaveValue('application/vnd.acme+json');
  await page.getByRole('radio', { name: 'Text' }).click();
  await expect(contentType).toHaveValue('application/vnd.acme+json');
  const received = readWithPika('kinds');
  expect(received).toHaveLength(1);
  expect(received[0]).toContain("'text/plain'");
  expect(received[0]).toContain("b'plain words'");
});

test('copy as code sends exactly what Publish sends: same properties, header types and body, as pika reads them', async ({ page }) => {
  await openPublish(page);
  await page.getByLabel('Routing key').fill('exact');
  await page.getByLabel('Body', { exact: true }).fill('{"order": 7}');
  const headers: [string, string, string][] = [
    ['tenant', 'string', 'acme'],
    ['attempt', 'int', '3'],
    ['flag', 'bool', 'true'],
    ['raw', 'bytes', '3q2+7w=='],
    ['sent', 'timestamp', '1700000000'],
  ];
  for (const [i, [name, type, value]] of headers.entries()) {
    await page.getByRole('button', { name: 'Add header' }).click();
    await page.getByLabel(`Headers ${i + 1} name`).fill(name);
    await page.getByLabel(`Headers ${i + 1} type`).selectOption(type);
    await page.getByLabel(`Headers ${i + 1} value`).fill(value);
  }
  await page.getByLabel('Persistent (delivery mode 2)').check();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText(/Confirmed by the broker/)).toBeVisible();

  await page.getByRole('button', { name: 'Copy as code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Copy as code' });
  const python = await dialog.getByLabel('Code').textContent();
  await screenshot(page, 'publish-copy-as-code.png');
  // The snippet connects to localhost; point it at this test's broker, and run it as written otherwise.
  const work = mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'snippet-'));
  const file = path.join(work, 'publish.py');
  writeFileSync(file, python!.replace('pika.ConnectionParameters("localhost")', `pika.URLParameters(${JSON.stringify(on.broker.amqpUrl)})`));
  execFileSync(PYTHON, [file]);

  const [fromWarren, fromSnippet] = readWithPika('exact');
  expect(fromWarren).toContain("'raw': b'\\xde\\xad\\xbe\\xef'");
  expect(fromSnippet).toBe(fromWarren);
});

test('copy as code says where pika cannot send what Publish sends (a float header is a double)', async ({ page }) => {
  await openPublish(page);
  await page.getByLabel('Routing key').fill('exact');
  await page.getByRole('button', { name: 'Add header' }).click();
  await page.getByLabel('Headers 1 name').fill('ratio');
  await page.getByLabel('Headers 1 type').selectOption('float');
  await page.getByLabel('Headers 1 value').fill('2');
  await page.getByRole('button', { name: 'Copy as code' }).click();
  const code = page.getByRole('dialog', { name: 'Copy as code' }).getByLabel('Code');
  await expect(code).toContainText('pika cannot send a double');
  await page.getByRole('radio', { name: 'TypeScript (amqplib)' }).click();
  await expect(code).toContainText(`"ratio": { '!': 'double', value: 2 }`);
});

test('history shows whole exchange and routing key names', async ({ page }) => {
  await openPublish(page);
  await page.getByLabel('Exchange').fill(LONG_EXCHANGE);
  await page.getByLabel('Routing key').fill(LONG_KEY);
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText(/Confirmed by the broker/)).toBeVisible();
  const entry = page.getByRole('region', { name: 'History' }).getByRole('button', { name: `${LONG_EXCHANGE} → ${LONG_KEY}`, exact: true });
  await expect(entry).toBeVisible();
  // Nothing cut: the text fits its box (wrapped), and the box is inside the card.
  const fits = await entry.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.getBoundingClientRect().right <= el.closest('section')!.getBoundingClientRect().right + 1);
  expect(fits).toBe(true);
  await screenshot(page, 'publish-history.png', { fullPage: true });
});

test('the composer keeps its draft when the user leaves the page and comes back', async ({ page }) => {
  await openPublish(page);
  await page.getByLabel('Routing key').fill('orders.kept');
  await page.getByLabel('Body', { exact: true }).fill('{"kept": true}');
  await page.getByRole('button', { name: 'Add header' }).click();
  await page.getByLabel('Headers 1 name').fill('trace');
  await page.getByRole('link', { name: 'Topology' }).click();
  await expect(page.getByRole('heading', { name: 'Topology' })).toBeVisible();
  await page.getByRole('link', { name: 'Publish' }).click();
  await expect(page.getByLabel('Routing key')).toHaveValue('orders.kept');
  await expect(page.getByLabel('Body', { exact: true })).toHaveValue('{"kept": true}');
  await expect(page.getByLabel('Headers 1 name')).toHaveValue('trace');
});

test('a received message opens in the composer, as it was received, with one click', async ({ page }) => {
  await openConnected(page, on.warren, '#/consumers');
  await page.getByLabel('Queue', { exact: true }).fill('again');
  await page.getByRole('button', { name: 'Attach' }).click();
  const row = page.getByRole('region', { name: /Queue again/ }).getByRole('row').filter({ hasText: 'send me again' });
  await row.getByRole('button', { name: /^Re-publish message/ }).click();
  await expect(page.getByRole('heading', { name: 'Publish', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Routing key')).toHaveValue('again');
  await expect(page.getByLabel('Body', { exact: true })).toHaveValue('send me again');
  await expect(page.getByLabel('Content type')).toHaveValue('text/x-note');
  await expect(page.getByLabel('Headers 1 name')).toHaveValue('origin');
  await expect(page.getByLabel('Headers 1 value')).toHaveValue('dead-letter');
});
