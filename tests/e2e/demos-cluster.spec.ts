/**
 * "EcomNow: a broker node fails" through the page, on the run's 3-node cluster (Warren's sandbox
 * cluster is pointed at it with WARREN_CLUSTER_DIR, so Warren adopts its running nodes). Warren
 * starts on a vhost of the run's broker: the page offers the switch to the sandbox cluster, and
 * the run goes through presenter mode with its keys.
 */
import { expect, test } from '@playwright/test';
import { NO_CLUSTER_REASON, clusterEngine, testCluster } from '../support/cluster';
import { vhostOnRunBroker } from '../support/e2e/run-broker';
import { screenshot } from '../support/e2e/screenshot';
import { startWarren, type RunningWarren } from '../support/e2e/warren-app';
import { consoleErrors } from '../support/e2e/warren-on-vhost';

const cluster = testCluster();
let warren: RunningWarren | undefined;
let remove: (() => Promise<void>) | undefined;

test.skip(!cluster, NO_CLUSTER_REASON);

test.beforeAll(async () => {
  if (!cluster) return;
  const run = await vhostOnRunBroker('e2e-demos-cluster');
  remove = run.remove;
  warren = await startWarren({ WARREN_BROKER_URL: run.amqpUrl, WARREN_MANAGEMENT_URL: run.managementUrl, WARREN_CLUSTER_DIR: cluster.dir });
});

test.afterAll(async () => {
  // Warren stops its sandbox cluster when it quits (as a user's Warren does): start the run's cluster again for whoever comes next.
  test.setTimeout(240_000);
  await warren?.stop();
  await remove?.();
  if (cluster) {
    const engine = clusterEngine(cluster);
    if (engine.state.status !== 'ready') await engine.start();
  }
});

test('EcomNow cluster from the page: Run waits for the switch to the sandbox cluster; in presenter mode at 1280×720 a node Warren is not on is killed, quorum queues lose 0 orders, the node’s down and up are numbered markers, the narration shows both variants’ checks, and both charts fit the screen', async ({ page }) => {
  test.setTimeout(420_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const errors = consoleErrors(page);
  await page.goto(await warren!.link());
  const status = page.getByRole('status', { name: 'Connection status' });
  await expect(status).toContainText(/Connected/, { timeout: 60_000 });
  await page.getByRole('link', { name: 'Demos' }).click();
  await page.getByRole('tab', { name: 'EcomNow: a broker node fails' }).click();

  // Not on the sandbox cluster: Run waits, the page says why and offers the switch.
  const offer = page.getByRole('region', { name: 'Needs the sandbox cluster' });
  await expect(offer).toContainText('kills a node');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await offer.getByRole('button', { name: 'Connect to the sandbox cluster' }).click();
  await expect(status).toContainText(/Connected.*Sandbox cluster|Sandbox cluster.*Connected/, { timeout: 120_000 });
  await expect(offer).toBeHidden();

  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.getByRole('heading', { name: 'EcomNow: a broker node fails' })).toBeVisible();
  const narration = page.getByRole('region', { name: 'Narration' });
  const next = (n: number) => page.getByRole('button', { name: new RegExp(`Next step \\(${n}/3\\)`) });

  await page.keyboard.press('Space'); // run: step 1, the cluster's three nodes
  await expect(narration.getByRole('heading', { name: '1 A cluster of three nodes' })).toBeVisible({ timeout: 30_000 });
  await expect(next(2)).toBeEnabled({ timeout: 120_000 });
  await expect(narration).toContainText('Cluster up: c1, c2, c3');
  // The node killed is not the one Warren is connected to (whose management API the charts read).
  const story = (await narration.getByRole('list', { name: 'What happened' }).textContent()) ?? '';
  const on = /connected to \(through (c\d)\)/.exec(story)?.[1];
  const killed = /The node to be killed: (c\d)/.exec(story)?.[1];
  expect(on, story).toMatch(/^c\d$/);
  expect(killed, story).toMatch(/^c\d$/);
  expect(killed).not.toBe(on);

  await page.keyboard.press('Space'); // step 2: quorum queues, a node killed
  await expect(narration.getByRole('heading', { name: '2 Quorum queues: kill the leader’s node' })).toBeVisible();
  await expect(narration).toContainText('orders keep flowing', { timeout: 60_000 });
  const legend = page.getByRole('list', { name: 'Chart markers' });
  // The node's going down is numbered after step 2's marker, on the charts and in their legend.
  await expect(legend.getByRole('listitem').filter({ hasText: /^2[a-z] warren-c\d-\w+ down$/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('chart-quorum.email_queue').locator('.recharts-label').getByText(/^2a$/)).toBeVisible();
  await expect(next(3)).toBeEnabled({ timeout: 180_000 });
  await expect(legend.getByRole('listitem').filter({ hasText: /^2[a-z] warren-c\d-\w+ up$/ })).toBeVisible({ timeout: 30_000 });
  const results = page.getByRole('region', { name: 'Results' });
  const figure = (name: string) => results.locator('div').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${name}$`) }) }).getByRole('definition');
  await expect(figure('quorum lost')).toHaveText('0');
  expect(Number(await figure('quorum placed').textContent())).toBeGreaterThan(0);
  await screenshot(page, 'demos-presenter-cluster-quorum.png');

  await page.keyboard.press('Space'); // step 3: classic queues, the same node killed
  await expect(narration.getByRole('heading', { name: '3 Classic queues: kill their node' })).toBeVisible();
  await expect(narration).toContainText('✔ quorum queues: zero orders lost through a node kill', { timeout: 180_000 });
  await expect(narration).toContainText('✔ classic queues: the outage shows');
  await expect(figure('classic outage_ms')).toBeVisible();
  await expect(legend.getByRole('listitem').filter({ hasText: /^3[a-z] warren-c\d-\w+ up$/ })).toBeVisible({ timeout: 30_000 });
  // One screen at 1280×720: the page does not scroll, and both charts are in the window.
  expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= innerHeight)).toBe(true);
  for (const chart of ['chart-quorum.email_queue', 'chart-classic.email_queue']) {
    const box = (await page.getByTestId(chart).boundingBox())!;
    expect(box.y + box.height, chart).toBeLessThanOrEqual(720.5);
  }
  await screenshot(page, 'demos-presenter-cluster.png');
  expect(errors, errors.join('\n')).toEqual([]);

  // Reset deletes the demo's vhost and leaves the cluster whole.
  await page.keyboard.press('r');
  await page.keyboard.press('r');
  await expect(page.getByText('Nothing running')).toBeVisible({ timeout: 60_000 });
});
