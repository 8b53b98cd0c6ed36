/** The run's sandbox broker for end-to-end tests: a fresh vhost and the URL to reach it. */
import { createTestVhost, testBroker } from '../broker';

export async function vhostOnRunBroker(label: string) {
  const { vhost, remove } = await createTestVhost(label);
  const b = testBroker();
  return {
    vhost,
    remove,
    amqpUrl: `amqp://guest:guest@127.0.0.1:${b.amqpPort}/${encodeURIComponent(vhost)}`,
    managementUrl: b.managementUrl,
  };
}
