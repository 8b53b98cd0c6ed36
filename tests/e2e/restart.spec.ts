// Issue 11.13: lists read during a broker restart show what they have and say it is partial;
// no exception. The broker restarted here is a node of this spec's own (never the run's).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import amqp from 'amqplib';
import { expect, test } from '@playwright/test';
import { SandboxBroker } from '../../main/service/connections/sandbox/sandbox';
import { startWarren, type RunningWarren } from '../support/e2e/warren-app';
import { screenshot } from '../support/e2e/screenshot';

let warren: RunningWarren;
let node: SandboxBroker;
let amqpUrl = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  node = new SandboxBroker({ dir: mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'restart-node-')), preferDefaultPorts: false });
  const state = await node.start();
  if (state.status !== 'ready') throw new Error(`own node did not start: ${state.error?.message}`);
  amqpUrl = `amqp://guest:guest@127.0.0.1:${state.amqpPort}/`;
  const conn = await amqp.connect(amqpUrl);
  const ch = await conn.createChannel();
  for (const q of ['restart.alpha', 'restart.beta']) await ch.assertQueue(q, { durable: true });
  await conn.close();
  warren = await startWarren({ WARREN_BROKER_URL: amqpUrl, WARREN_MANAGEMENT_URL: `http://127.0.0.1:${state.managementPort}` });
});
test.afterAll(async () => {
  await warren?.stop();
  await node?.stop();
});

test('during a broker restart the queue table keeps the rows it read and says they are partial; no exception', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${await warren.link()}#/topology`);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
  const table = page.getByRole('table', { name: 'Queues' });
  await expect(table.getByRole('row').filter({ hasText: 'restart.alpha' })).toBeVisible({ timeout: 30_000 });

  await node.stop();
  await expect(page.getByRole('status').filter({ hasText: /^Partial:/ })).toBeVisible({ timeout: 60_000 });
  await expect(table.getByRole('row').filter({ hasText: 'restart.alpha' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'restart.beta' })).toBeVisible();
  await screenshot(page, 'topology-partial.png');

  const state = await node.start();
  expect(state.status).toBe('ready');
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 90_000 });
  await expect(table.getByRole('row').filter({ hasText: 'restart.alpha' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: /^Partial:/ })).toHaveCount(0, { timeout: 30_000 });
  expect(errors.filter((e) => /Cannot read properties|TypeError/.test(e))).toEqual([]);
  expect(warren.output()).not.toMatch(/Cannot read properties of undefined/);
});
