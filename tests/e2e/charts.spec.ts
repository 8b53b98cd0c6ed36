import { readFileSync } from 'node:fs';
import amqp from 'amqplib';
import { expect, test } from '@playwright/test';
import { parseCsv } from '../../renderer/features/charts/csv';
import { consoleErrors, openConnected, warrenOnFreshVhost } from '../support/e2e/warren-on-vhost';
import { screenshot } from '../support/e2e/screenshot';

const on = warrenOnFreshVhost('charts', async (broker) => {
  const client = await amqp.connect(broker.amqpUrl);
  const ch = await client.createConfirmChannel();
  await ch.assertQueue('orders', { durable: false });
  for (let i = 0; i < 50; i++) ch.sendToQueue('orders', Buffer.from(`order ${i}`));
  await ch.waitForConfirms();
  await client.close();
});

test('a watched queue’s chart draws ready/unacked/total and rates, and updates every second', async ({ page }) => {
  const errors = consoleErrors(page);
  await openConnected(page, on.warren);
  await page.getByRole('link', { name: 'Charts' }).click();
  await expect(page.getByRole('heading', { name: 'Charts', level: 1 })).toBeVisible();
  await page.getByLabel('Queues to watch').fill('orders');
  await page.getByRole('button', { name: 'Watch' }).click();

  const chart = page.getByRole('figure', { name: 'Chart: orders' });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('data-series', 'ready,unacked,total,publish,deliver,ack,redeliver');
  await expect(chart.getByTestId('queue-chart-now')).toContainText('ready 50', { timeout: 15_000 });
  // Both panels are drawn by recharts (SVG surfaces), with the stacked areas present.
  await expect(chart.locator('svg.recharts-surface')).toHaveCount(2);
  await expect(chart.locator('.recharts-area')).toHaveCount(2);

  const count = async () => Number(await chart.getAttribute('data-sample-count'));
  const before = await count();
  await page.waitForTimeout(5000);
  const after = await count();
  expect(after - before).toBeGreaterThanOrEqual(4);

  // Inputs follow the dark theme (the shared form styles apply to typed text inputs).
  await expect(page.getByLabel('Queues to watch')).toHaveAttribute('type', 'text');
  await page.getByRole('radio', { name: '1 min' }).click();
  await expect(chart.locator('svg.recharts-surface')).toHaveCount(2);
  await screenshot(page, 'charts-queue.png');
  expect(errors, errors.join('\n')).toEqual([]);
});

test('CSV export holds exactly the samples the chart shows', async ({ page }) => {
  await page.goto(await on.warren.link());
  await page.getByRole('link', { name: 'Charts' }).click();
  const chart = page.getByRole('figure', { name: 'Chart: orders' });
  // A reload keeps the watch list and the history (kept in the main process).
  await expect(chart).toBeVisible({ timeout: 15_000 });
  await expect.poll(async () => Number(await chart.getAttribute('data-sample-count'))).toBeGreaterThan(5);
  await page.getByRole('button', { name: 'Pause' }).click();
  const shown = Number(await chart.getAttribute('data-sample-count'));

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export orders as CSV' }).click()]);
  const rows = parseCsv(readFileSync((await download.path())!, 'utf8'));
  const header = rows[0]!;
  expect(header.slice(0, 7)).toEqual(['series', 'time', 'epoch_ms', 'ready', 'unacked', 'total', 'consumers']);
  const samples = rows.slice(1).filter((r) => r.slice(3).some((cell) => cell !== ''));
  expect(samples).toHaveLength(shown);
  expect(samples.every((r) => r[0] === 'orders')).toBe(true);
  const last = samples[samples.length - 1]!;
  expect(last.slice(3, 7)).toEqual(['50', '0', '50', '0']);
  // Times ascend, one second apart give or take the request time.
  const times = samples.map((r) => Number(r[2]));
  for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThan(times[i - 1]!);

  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export orders as PNG' }).click()]);
  const bytes = readFileSync((await png.path())!);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(2000);
});
