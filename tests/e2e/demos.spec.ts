import { expect, test, type Locator, type Page } from '@playwright/test';
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

  // A run in progress is reset only after a question.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  const ask = page.getByRole('alertdialog', { name: 'Reset EcomNow orders?' });
  await expect(ask).toContainText('The run is in progress');
  await ask.getByRole('button', { name: 'Reset the run' }).click();
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
  // On one screen: the explainer, the graph, the key field and the consumers' cards.
  expect(await page.evaluate(() => document.querySelector('.demo-presenter')!.scrollHeight <= document.querySelector('.demo-presenter')!.clientHeight)).toBe(true);
  expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= innerHeight)).toBe(true);
  await expectInWindow(page.getByRole('region', { name: 'Route explainer' }), 'the route explainer');
  await expectInWindow(graph, 'the graph');
  await expectInWindow(page.getByLabel('Routing key'), 'the routing key field');
  for (const c of ['Consumer 1 (*.error)', 'Consumer 2 (kernel.*)', 'Consumer 3 (#)']) await expectInWindow(page.getByRole('article', { name: c }), c);
  expect(await overflowing(page)).toEqual([]);
  await screenshot(page, 'demos-presenter-topics.png');
  await page.keyboard.press('r');
  await expect(page.getByRole('alertdialog', { name: 'Reset Topic routing?' })).toBeVisible();
  await page.keyboard.press('r'); // R again resets
  await expect(page.getByText('Nothing running')).toBeVisible({ timeout: 20_000 });
});

/** Parts of the presenter stage whose content spills out of their box (over the next part). */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.demo-presenter .demo-narration, .demo-presenter .demo-live, .demo-presenter .demo-live > *, .demo-presenter .demo-picture > *')]
      .filter((el) => el.scrollHeight > el.clientHeight + 1)
      .map((el) => `${el.className}: ${el.scrollHeight} > ${el.clientHeight}`),
  );
}

/** Every part of the element inside the 1280×720 window. */
async function expectInWindow(locator: Locator, what: string) {
  const box = await locator.boundingBox();
  expect(box, `${what} is rendered`).not.toBeNull();
  const b = box!;
  expect([b.x >= 0, b.y >= 0, b.x + b.width <= 1280 + 0.5, b.y + b.height <= 720 + 0.5], `${what} at ${JSON.stringify(b)}`).toEqual([true, true, true, true]);
}

test('presenter mode, EcomNow at 1280×720: narration, charts with markers, service cards and order controls on one screen; marker tags are step numbers; R asks', async ({ page }) => {
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
  await page.keyboard.press('Space'); // step 2: one order
  await expect(page.getByRole('button', { name: /Next step \(3\/7\)/ })).toBeEnabled({ timeout: 20_000 });
  await page.keyboard.press('Space'); // step 3: email down, a burst of orders
  await expect(page.getByRole('button', { name: /Next step \(4\/7\)/ })).toBeEnabled({ timeout: 30_000 });
  await expect(email).toHaveText('5', { timeout: 15_000 });
  // By hand between steps: three more orders. Its marker is "3a"; the next step's is still "4".
  await page.getByLabel('Orders in the burst').fill('3');
  await page.getByRole('button', { name: 'Place a burst' }).click();
  await expect(email).toHaveText('8', { timeout: 15_000 });
  await page.keyboard.press('Space'); // step 4: email back, drained
  await expect(email).toHaveText('0', { timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Narration' }).getByRole('heading', { name: '4 Bring the email service back' })).toBeVisible();

  const legend = page.getByRole('list', { name: 'Chart markers' });
  await expect(legend.getByRole('listitem').filter({ hasText: /^3a Place a burst \(3\)$/ })).toBeVisible({ timeout: 10_000 });
  await expect(legend.getByRole('listitem').filter({ hasText: /^4 Bring the email service back$/ })).toBeVisible();
  await expect(legend.getByRole('listitem').filter({ hasText: /^3 Take the email service down, place orders$/ })).toBeVisible();
  const chart = page.getByTestId('chart-email_queue');
  await expect(chart.locator('.recharts-label').getByText('4', { exact: true })).toBeVisible();
  const graph = page.getByRole('region', { name: 'Topology graph' });
  await expect(graph.getByTestId('graph-edge')).toHaveCount(3);

  // Nothing below the fold: the page does not scroll, nor does the presenter's own box.
  const scroll = await page.evaluate(() => {
    const presenter = document.querySelector('.demo-presenter')!;
    return { page: document.scrollingElement!.scrollHeight, window: innerHeight, own: presenter.scrollHeight, ownBox: presenter.clientHeight };
  });
  expect(scroll.page).toBeLessThanOrEqual(scroll.window);
  expect(scroll.own).toBeLessThanOrEqual(scroll.ownBox);
  await expectInWindow(page.getByRole('region', { name: 'Narration' }), 'the narration');
  await expectInWindow(page.getByRole('region', { name: 'Narration' }).locator('.demo-now p'), 'the step’s narration text');
  for (const q of ['email_queue', 'inventory_queue', 'analytics_queue']) await expectInWindow(page.getByTestId(`chart-${q}`), `the ${q} chart`);
  await expectInWindow(legend, 'the marker legend');
  await expectInWindow(page.getByLabel('Orders in the burst'), 'the burst field');
  await expectInWindow(page.getByRole('button', { name: 'Place a burst' }), 'Place a burst');
  await expectInWindow(page.getByRole('button', { name: 'Place one order' }), 'Place one order');
  for (const service of ['Email service', 'Inventory service', 'Analytics service']) await expectInWindow(page.getByRole('article', { name: service }), `the ${service} card`);
  await expectInWindow(page.getByRole('heading', { name: 'EcomNow orders' }), 'the title');

  // Readable from the back of a room: no text the audience needs under 15 px.
  const sizes = await page.evaluate(() =>
    ['.demo-now p', '.demo-now h3', '.demo-chart-name', '.demo-chart .recharts-label', '.demo-events li', '.demo-actor h3', '.demo-actor-counts', '.demo-log li', '.demo-action .button']
      .map((sel) => [sel, Math.min(...[...document.querySelectorAll(sel)].map((el) => parseFloat(getComputedStyle(el).fontSize)))] as const),
  );
  for (const [sel, px] of sizes) expect(px, sel).toBeGreaterThanOrEqual(15);

  // Marker labels never overlap, on any chart.
  const overlaps = await page.evaluate(() =>
    [...document.querySelectorAll('.demo-chart')].flatMap((fig) => {
      const boxes = [...fig.querySelectorAll('.recharts-label')].filter((l) => (l.textContent ?? '') !== '').map((l) => ({ text: l.textContent, r: l.getBoundingClientRect() }));
      const hits: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.r;
          const b = boxes[j]!.r;
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) hits.push(`${boxes[i]!.text}/${boxes[j]!.text} ${JSON.stringify([a.left, a.top, a.right, a.bottom, b.left, b.top, b.right, b.bottom].map(Math.round))}`);
        }
      return hits;
    }),
  );
  await screenshot(page, 'demos-presenter.png');
  expect(overlaps).toEqual([]);
  expect(await overflowing(page)).toEqual([]);

  // R asks before it resets the run in progress; Esc keeps it running.
  await page.keyboard.press('r');
  const ask = page.getByRole('alertdialog', { name: 'Reset EcomNow orders?' });
  await expect(ask).toContainText('step 4 of 7');
  await screenshot(page, 'demos-presenter-reset.png');
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(page.getByRole('heading', { name: 'EcomNow orders' })).toBeVisible();
  // Step 4 goes on: the email service works through its backlog (8 orders, 1 s each), then Next.
  await expect(page.getByRole('button', { name: /Next step \(5\/7\)/ })).toBeEnabled({ timeout: 30_000 });
  await page.keyboard.press('r');
  await page.keyboard.press('r');
  await expect(page.getByText('Nothing running')).toBeVisible({ timeout: 20_000 });
});

for (const { tab, cards } of [
  { tab: 'Hello World', cards: ['receive.py'] },
  { tab: 'Work Queues', cards: ['worker.py #1', 'worker.py #2'] },
  { tab: 'Best practices lab', cards: ['Consumer with auto_ack=True', 'Consumer with manual ack', 'Consumer that never acks'] },
]) {
  test(`presenter mode, ${tab} at 1280×720: narration, charts, controls and cards on one screen`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(await warren.link());
    await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
    await page.getByRole('link', { name: 'Demos' }).click();
    await page.getByRole('tab', { name: tab }).click();
    await page.getByRole('button', { name: 'Presenter mode' }).click();
    await page.keyboard.press('Space'); // run: step 1
    await expect(page.getByRole('button', { name: /Next step \(2\// })).toBeEnabled({ timeout: 60_000 });
    await expect(page.locator('.demo-chart').first()).toBeVisible({ timeout: 15_000 });
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= innerHeight)).toBe(true);
    expect(await page.evaluate(() => document.querySelector('.demo-presenter')!.scrollHeight <= document.querySelector('.demo-presenter')!.clientHeight)).toBe(true);
    await expectInWindow(page.getByRole('region', { name: 'Narration' }).locator('.demo-now p'), 'the step’s narration text');
    for (const chart of await page.locator('.demo-chart').all()) await expectInWindow(chart, 'a queue chart');
    for (const button of await page.getByRole('group', { name: 'Demo actions' }).getByRole('button').all()) await expectInWindow(button, 'a demo button');
    for (const card of cards) await expectInWindow(page.getByRole('article', { name: card }), card);
    expect(await overflowing(page)).toEqual([]);
    await screenshot(page, `demos-presenter-${tab.toLowerCase().replace(/ /g, '-')}.png`);
    await page.keyboard.press('r');
    await page.keyboard.press('r');
    await expect(page.getByText('Nothing running')).toBeVisible({ timeout: 20_000 });
  });
}
