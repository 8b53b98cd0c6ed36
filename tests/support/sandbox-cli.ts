/**
 * Starts or stops the one sandbox node of a test run (used by scripts/test.mjs):
 *   tsx tests/support/sandbox-cli.ts start DIR   → prints one JSON line with its endpoint
 *   tsx tests/support/sandbox-cli.ts stop DIR
 */
import { SandboxBroker } from '../../main/service/connections/sandbox/sandbox';

const [command, dir] = process.argv.slice(2);
if (!dir || (command !== 'start' && command !== 'stop')) {
  console.error('usage: sandbox-cli.ts start|stop DIR');
  process.exit(2);
}
// Tests stay off 5672/15672 so that the app under test can take them, as a user's would.
const sandbox = new SandboxBroker({ dir, preferDefaultPorts: false });
if (command === 'start') {
  const state = await sandbox.start();
  if (state.status !== 'ready') {
    console.error(`sandbox failed: ${state.error?.message}\n${(state.logTail ?? []).join('\n')}`);
    process.exit(1);
  }
  console.log(JSON.stringify({ amqpPort: state.amqpPort, managementPort: state.managementPort, nodeName: state.nodeName }));
} else {
  await sandbox.stop();
}
