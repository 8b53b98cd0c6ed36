/** Saves a profile through the Connections page's New profile form, as a user types it: a vhost of the run's broker. */
import { expect, type Page } from '@playwright/test';
import { testBroker } from '../broker';

export async function addProfile(page: Page, profile: { name: string; vhost: string; password?: string }): Promise<void> {
  const b = testBroker();
  const form = page.getByRole('form', { name: 'New profile' });
  await form.getByLabel('Name', { exact: true }).fill(profile.name);
  await form.getByLabel('Host', { exact: true }).fill('127.0.0.1');
  await form.getByLabel('Port', { exact: true }).fill(String(b.amqpPort));
  await form.getByLabel('Virtual host', { exact: true }).fill(profile.vhost);
  await form.getByLabel('Username', { exact: true }).fill('guest');
  await form.getByLabel('Password', { exact: true }).fill(profile.password ?? 'guest');
  await form.getByLabel('Management URL', { exact: true }).fill(b.managementUrl);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('listitem', { name: profile.name })).toBeVisible();
}
