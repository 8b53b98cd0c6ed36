/**
 * A RabbitMQ node started for one demo step and removed after it (EcomNow's broker restart):
 * a SandboxBroker in a fresh folder of its own, off the default ports. Restarting it cuts no
 * connection of Warren's, of the user's sandbox or of the tutorial's scripts.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { PrivateNode } from '../../../demos/runtime';
import { demoClientProperties, openConnection, plainTarget, type ConnectTarget } from '../broker/target';
import { SandboxBroker, findRabbitmqServer } from '../connections/sandbox/sandbox';
import { fail } from '../errors';

/** Starts private nodes under `parentDir` for `demo`; undefined when rabbitmq-server is not installed. */
export function privateNodes(parentDir: string, demo: string): (() => Promise<PrivateNode>) | undefined {
  if (!findRabbitmqServer()) return undefined;
  return async () => {
    mkdirSync(parentDir, { recursive: true });
    const dir = mkdtempSync(path.join(parentDir, 'demo-node-'));
    const sandbox = new SandboxBroker({ dir, preferDefaultPorts: false });
    const remove = async () => {
      await sandbox.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    };
    const ready = async () => {
      const state = await sandbox.start();
      const e = sandbox.endpoint();
      if (state.status !== 'ready' || !e) {
        await remove();
        fail('SANDBOX_UNAVAILABLE', `The demo's private node did not start: ${state.error?.message ?? state.status}`, {
          hint: 'Check that rabbitmq-server can start here (its log tail is in the Sandbox panel); the step is skipped until then.',
        });
      }
      return e;
    };
    let endpoint = await ready();
    const target = (): ConnectTarget => plainTarget(endpoint, { id: 'demo-private-node', name: 'Demo private node', heartbeat: 10 });
    return {
      open: (program) => openConnection(target(), demoClientProperties(demo, program)),
      restart: async () => {
        await sandbox.stop();
        endpoint = await ready();
      },
      stop: remove,
      get describe() {
        return { host: endpoint.host, port: endpoint.amqpPort };
      },
    };
  };
}
