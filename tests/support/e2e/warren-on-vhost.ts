/**
 * The set-up most end-to-end specs share: one Warren per spec file, started as a user starts it,
 * connected to a fresh vhost of the run's broker, stopped (and the vhost removed) after the file.
 */
import { expect, test, type Page } from '@playwright/test';
import { vhostOnRunBroker } from './run-broker';
import { startWarren, type RunningWarren } from './warren-app';

export type RunBrokerVhost = Awaited<ReturnType<typeof vhostOnRunBroker>>;

export interface WarrenOnVhost {
  readonly warren: RunningWarren;
  readonly broker: RunBrokerVhost;
}

/**
 * Registers the spec file's beforeAll/afterAll. `prepare` seeds the vhost (queues, messages)
 * before Warren starts, so the first page already sees them.
 */
export function warrenOnFreshVhost(label: string, prepare?: (broker: RunBrokerVhost) => Promise<void>): WarrenOnVhost {
  let warren: RunningWarren | undefined;
  let broker: RunBrokerVhost | undefined;
  test.beforeAll(async () => {
    broker = await vhostOnRunBroker(label);
    await prepare?.(broker);
    warren = await startWarren({ WARREN_BROKER_URL: broker.amqpUrl, WARREN_MANAGEMENT_URL: broker.managementUrl });
  });
  test.afterAll(async () => {
    await warren?.stop();
    await broker?.remove();
  });
  return {
    get warren() {
      if (!warren) throw new Error('Warren is started in beforeAll; read it inside a test');
      return warren;
    },
    get broker() {
      if (!broker) throw new Error('The vhost is created in beforeAll; read it inside a test');
      return broker;
    },
  };
}

/** Opens a fresh one-time link at `hash` (e.g. '#/topology') and waits until Warren says Connected. */
export async function openConnected(page: Page, warren: RunningWarren, hash = ''): Promise<void> {
  await page.goto(`${await warren.link()}${hash}`);
  await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(/Connected/, { timeout: 60_000 });
}

/** Collects the page's console errors, for the assertion that a flow logged none. */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}
