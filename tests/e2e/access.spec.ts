// Issue 15.3: vhosts, users, permissions and limits from the Access page, each loss named before it happens.
import amqp from 'amqplib';
import axios from 'axios';
import { expect, test } from '@playwright/test';
import { testBroker } from '../support/broker';
import { consoleErrors, openConnected, warrenOnFreshVhost } from '../support/e2e/warren-on-vhost';
import { screenshot } from '../support/e2e/screenshot';

const on = warrenOnFreshVhost('e2e-access');
const admin = () => {
  const b = testBroker();
  return axios.create({ baseURL: `${b.managementUrl}/api`, auth: { username: b.username, password: b.password }, validateStatus: () => true });
};
const made: { users: string[]; vhosts: string[] } = { users: [], vhosts: [] };
test.afterAll(async () => {
  for (const u of made.users) await admin().delete(`/users/${encodeURIComponent(u)}`);
  for (const v of made.vhosts) await admin().delete(`/vhosts/${encodeURIComponent(v)}`);
});

test('create a user and a vhost, grant permissions (a bad pattern is caught as typed), and delete each after a question that names what is lost', async ({ page }) => {
  const errors = consoleErrors(page);
  const user = `${on.broker.vhost}-ops`;
  const extra = `${on.broker.vhost}-extra`;
  made.users.push(user);
  made.vhosts.push(extra);
  await openConnected(page, on.warren, '#/access');
  await expect(page.getByRole('heading', { name: 'Access' })).toBeVisible();
  const users = page.getByRole('table', { name: 'Users' });
  await expect(users.getByRole('row').filter({ hasText: 'guest' })).toContainText('Warren');

  // A user with a password and a tag.
  await page.getByRole('button', { name: 'New user' }).click();
  const userForm = page.getByRole('form', { name: 'New user' });
  await userForm.getByLabel('User name').fill(user);
  await userForm.getByLabel('Password', { exact: true }).fill('s3cret-ops');
  await userForm.getByLabel('Tags').fill('monitoring');
  await userForm.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Created user ${user}` })).toBeVisible();
  await expect(users.getByRole('row').filter({ hasText: user })).toContainText('monitoring');

  // A vhost with a queue limit.
  await page.getByRole('button', { name: 'New virtual host' }).click();
  const vhostForm = page.getByRole('form', { name: 'New virtual host' });
  await vhostForm.getByLabel('Name').fill(extra);
  await vhostForm.getByLabel('Max queues').fill('10');
  await vhostForm.getByRole('button', { name: 'Create virtual host' }).click();
  await expect(page.getByRole('table', { name: 'Virtual hosts' }).getByRole('row').filter({ hasText: extra })).toContainText('max 10 queues');

  // Permissions: the pattern is checked as typed; nothing is sent until it compiles.
  await page.getByRole('button', { name: 'Set permissions', exact: true }).click();
  const permForm = page.getByRole('form', { name: 'Set permissions' });
  await permForm.getByLabel('User').selectOption(user);
  await permForm.getByLabel('Virtual host').selectOption(extra);
  await permForm.getByLabel('Configure').fill('orders.(');
  await expect(permForm.getByRole('alert')).toContainText('"orders.(" is not a valid regular expression');
  await permForm.getByRole('button', { name: 'Set permissions' }).click();
  await expect(permForm).toBeVisible();
  await permForm.getByLabel('Configure').fill('.*');
  await permForm.getByRole('button', { name: 'Set permissions' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Set the permissions of ${user} in ${extra}` })).toBeVisible();
  await page.getByRole('heading', { name: 'Access' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'access.png');

  // The new user works: it declares a queue in the new vhost and leaves two messages there.
  const client = await amqp.connect(`amqp://${encodeURIComponent(user)}:s3cret-ops@127.0.0.1:${testBroker().amqpPort}/${encodeURIComponent(extra)}`);
  const ch = await client.createConfirmChannel();
  await ch.assertQueue('invoices', { durable: true });
  for (const body of ['one', 'two']) ch.sendToQueue('invoices', Buffer.from(body));
  await ch.waitForConfirms();
  await client.close();
  await expect.poll(async () => (await admin().get(`/queues/${encodeURIComponent(extra)}/invoices`)).data.messages, { timeout: 20_000 }).toBe(2);

  // Deleting the vhost says what goes with it.
  await page.getByRole('button', { name: `Delete virtual host ${extra}` }).click();
  const question = page.getByRole('alertdialog', { name: `Delete virtual host ${extra}?` });
  await expect(question).toContainText(`Virtual host ${extra} holds 1 queue, 2 messages in them, 0 exchanges of its own.`);
  await screenshot(page, 'access-delete-vhost.png');
  await question.getByRole('button', { name: 'Delete virtual host' }).click();
  await expect(page.getByRole('table', { name: 'Virtual hosts' }).getByRole('row').filter({ hasText: extra })).toHaveCount(0);
  expect((await admin().get(`/vhosts/${encodeURIComponent(extra)}`)).status).toBe(404);

  // Deleting the user, likewise.
  await page.getByRole('button', { name: `Delete user ${user}` }).click();
  const userQuestion = page.getByRole('alertdialog', { name: `Delete user ${user}?` });
  await expect(userQuestion).toContainText(`User ${user} is deleted with no permissions`);
  await userQuestion.getByRole('button', { name: 'Delete user' }).click();
  await expect(users.getByRole('row').filter({ hasText: user })).toHaveCount(0);
  expect(errors).toEqual([]);
});
