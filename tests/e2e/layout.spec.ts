// Issue 11.6: nothing cut off — the consumer list's Time and State, the Peek caveat as one
// readable block, graph node names whole where the pane has room (shortened, whole on hover, only
// where it has not); two consumers on one queue told apart by tag.
import amqp from 'amqplib';
import { expect, test, type Page } from '@playwright/test';
import { vhostOnRunBroker } from '../support/e2e/run-broker';
import { startWarren, type RunningWarren } from '../support/e2e/warren-app';
import { screenshot } from '../support/e2e/screenshot';

let warren: RunningWarren;
let broker: Awaited<ReturnType<typeof vhostOnRunBroker>>;
const LONG_QUEUE = 'billing.invoices.retry-after-payment-provider-timeout';
/** Longer than the widest node (MAX_NODE_WIDTH): shortened on any screen. */
const HUGE_QUEUE = `audit.${'very-long-segment.'.repeat(5)}end`;

test.beforeAll(async () => {
  broker = await vhostOnRunBroker('e2e-layout');
  const conn = await amqp.connect(broker.amqpUrl);
  const ch = await conn.createChannel();
  await ch.assertQueue('shared', { durable: false });
  await ch.assertQueue(LONG_QUEUE, { durable: false });
  await ch.assertQueue(HUGE_QUEUE, { durable: false });
  await conn.close();
  warren = await startWarren({ WARREN_BROKER_URL: broker.amqpUrl, WARREN_MANAGEMENT_URL: broker.managementUrl });
});
test.afterAll(async () => {
  await warren?.stop();
  await broker?.remove();
});

test('two consumers on one queue are told apart by tag; Time and State are shown whole; the Peek caveat is one block', async ({ page }) => {
  await page.goto(`${await warren.link()}#/consumers`);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
  for (const tag of ['Billing-Worker-1', 'Billing-Worker-2']) {
    await page.getByLabel('Queue', { exact: true }).fill('shared');
    await page.getByLabel('Consumer tag').fill(tag);
    await page.getByRole('button', { name: 'Attach' }).click();
    await expect(page.getByRole('region', { name: cardOf(tag) })).toBeVisible();
  }
  const first = page.getByRole('region', { name: cardOf('Billing-Worker-1') });
  const second = page.getByRole('region', { name: cardOf('Billing-Worker-2') });
  // The tag is in the title as typed (case kept).
  await expect(first.getByRole('heading', { level: 2 })).toContainText('Billing-Worker-1');
  await expect(second.getByRole('heading', { level: 2 })).toContainText('Billing-Worker-2');

  const conn = await amqp.connect(broker.amqpUrl);
  const ch = await conn.createChannel();
  ch.sendToQueue('shared', Buffer.from('one'));
  ch.sendToQueue('shared', Buffer.from('two'));
  await ch.close();
  await conn.close();
  const row = page.getByRole('row').filter({ hasText: 'one' });
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByRole('region', { name: 'Message detail' })).toBeVisible();
  // With the detail pane open, Time is whole and State is inside the visible part of the list.
  const cells = await row.evaluate((tr) => {
    const list = tr.closest('.msg-list')!.getBoundingClientRect();
    const [, time, state] = [...tr.querySelectorAll('td')];
    return {
      timeWhole: time!.scrollWidth <= time!.clientWidth,
      timeText: time!.textContent,
      stateText: state!.textContent,
      stateInView: state!.getBoundingClientRect().right <= list.right + 1,
    };
  });
  expect(cells.timeWhole).toBe(true);
  expect(cells.timeText).toMatch(/\d\d:\d\d:\d\d/);
  expect(cells.stateText).toBe('unacked');
  expect(cells.stateInView).toBe(true);
  await screenshot(page, 'consumers-two-tags.png');

  // The caveat reads as one paragraph across the card, not as columns.
  const caveat = page.getByRole('note', { name: 'Peek caveat' });
  await caveat.scrollIntoViewIfNeeded();
  const block = await caveat.evaluate((note) => {
    const text = note.querySelector('p')!;
    return text.getBoundingClientRect().width / note.clientWidth;
  });
  expect(block).toBeGreaterThan(0.8);
});

const graphNode = (page: Page, queue: string) => page.getByRole('button', { name: new RegExp(`^queue ${queue.replace(/\./g, '\\.')}:`) });
/** The name a node's box shows (its first text line), and whether it fits inside the box. */
const shownName = (page: Page, queue: string) =>
  graphNode(page, queue).evaluate((g) => {
    const text = g.querySelector('.topo-node-name') as SVGTextElement;
    const box = g.querySelector('rect') as SVGRectElement;
    return { text: text.textContent, fits: text.getBBox().x + text.getBBox().width <= box.getBBox().width };
  });

test('graph node names: whole in a wider node where the pane has room; shortened with the whole name on hover only where it has not', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${await warren.link()}#/topology`);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect(graphNode(page, LONG_QUEUE)).toBeVisible();
  // Room: the long name is drawn whole, inside its (wider) box.
  expect(await shownName(page, LONG_QUEUE)).toEqual({ text: LONG_QUEUE, fits: true });
  // Past the widest node: shortened, and the title (the hover text) has it whole.
  const huge = await shownName(page, HUGE_QUEUE);
  expect(huge.fits).toBe(true);
  expect(huge.text?.endsWith('…') && HUGE_QUEUE.startsWith(huge.text.slice(0, -1))).toBe(true);
  await expect(graphNode(page, HUGE_QUEUE).locator('title')).toHaveText(new RegExp(`^queue ${HUGE_QUEUE.replace(/\./g, '\\.')}:`));
  await screenshot(page, 'topology-graph-names.png');

  // No room: a narrow window shortens the long name too, whole on hover.
  await page.setViewportSize({ width: 620, height: 800 });
  await expect.poll(async () => (await shownName(page, LONG_QUEUE)).text).not.toBe(LONG_QUEUE);
  const narrow = await shownName(page, LONG_QUEUE);
  expect(narrow.fits).toBe(true);
  expect(narrow.text?.endsWith('…') && LONG_QUEUE.startsWith(narrow.text.slice(0, -1))).toBe(true);
  await expect(graphNode(page, LONG_QUEUE).locator('title')).toHaveText(new RegExp(`^queue ${LONG_QUEUE.replace(/\./g, '\\.')}:`));
  await screenshot(page, 'topology-graph-names-narrow.png');
});

/** A consumer card's accessible name: "Consumer <id>: Queue shared · <tag>". */
const cardOf = (tag: string) => new RegExp(`Queue shared · ${tag}$`);
