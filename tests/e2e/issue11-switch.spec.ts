// Issue 11 point 8 in Chromium: a profile that cannot connect never costs the working connection
// (the status stays Connected, the reason and what stays are said at the profile); a successful
// switch names everything it stopped (consumers, repeat runs, the running demo).
import amqp from 'amqplib';
import { expect, test } from '@playwright/test';
import { startWarren, type RunningWarren } from '../support/e2e/warren-app';
import { vhostOnRunBroker } from '../support/e2e/run-broker';
import { addProfile } from '../support/e2e/profiles';
import { screenshot } from '../support/e2e/screenshot';

let warren: RunningWarren;
let broker: Awaited<ReturnType<typeof vhostOnRunBroker>>;

test.beforeAll(async () => {
  broker = await vhostOnRunBroker('e2eswitch');
  warren = await startWarren({ WARREN_BROKER_URL: broker.amqpUrl, WARREN_MANAGEMENT_URL: broker.managementUrl });
  const setup = await amqp.connect(broker.amqpUrl);
  await (await setup.createChannel()).assertQueue('kept', { durable: false });
  await setup.close();
});
test.afterAll(async () => {
  await warren?.stop();
  await broker?.remove();
});

test('point 8: a failing profile keeps the connection and says why; a successful switch names the consumer, repeat run and demo it stopped', async ({ page }) => {
  await page.goto(await warren.link());
  const status = page.getByRole('status', { name: 'Connection status' });
  await expect(status).toContainText(/Connected to WARREN_BROKER_URL/, { timeout: 60_000 });

  // A consumer on the working connection.
  await page.getByRole('link', { name: 'Consumers' }).click();
  await page.getByLabel('Queue', { exact: true }).fill('kept');
  await page.getByRole('button', { name: 'Attach' }).click();
  // A slow repeat run and a running demo on the same connection.
  await page.getByRole('link', { name: 'Publish' }).click();
  await page.getByLabel('Routing key').fill('kept');
  await page.getByLabel('Count').fill('100000');
  await page.getByLabel('Rate (msg/s, 0 = max)').fill('5');
  await page.getByRole('button', { name: 'Repeat', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Repeat progress' })).toBeVisible();
  await page.getByRole('link', { name: 'Demos' }).click();
  await page.getByRole('tab', { name: 'Hello World' }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Reset' })).toBeEnabled({ timeout: 20_000 });

  await page.getByRole('link', { name: 'Connections' }).click();
  await addProfile(page, { name: 'Wrong password', vhost: broker.vhost, password: 'not-the-password' });
  await addProfile(page, { name: 'Second', vhost: broker.vhost });

  const wrong = page.getByRole('listitem', { name: 'Wrong password' });
  await wrong.getByRole('button', { name: 'Connect' }).click();
  const refusal = wrong.getByRole('alert');
  await expect(refusal).toContainText('Could not connect: Wrong password: The broker refused the username or password');
  await expect(refusal).toContainText('Warren stays connected to WARREN_BROKER_URL');
  await expect(status).toContainText(/Connected to WARREN_BROKER_URL/);
  await screenshot(page, 'connections-switch-failed.png');

  const second = page.getByRole('listitem', { name: 'Second' });
  await second.getByRole('button', { name: 'Connect' }).click();
  await expect(
    second.getByText(/^Switched from WARREN_BROKER_URL: stopped the repeat run to the default exchange at [\d,]+ of 100,000 sent; the consumer on queue kept; the running demo Hello World\.$/),
  ).toBeVisible();
  await expect(status).toContainText(/Connected to Second/);
  await screenshot(page, 'connections-switched.png');
  await page.getByRole('link', { name: 'Demos' }).click();
  await expect(page.getByRole('button', { name: 'Reset' })).toBeDisabled();
});
