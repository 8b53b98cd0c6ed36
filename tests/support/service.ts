/** A real Warren service + dispatcher on a temporary data folder, as a host would build it. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EventMessage } from '../../shared/contract';
import { createDispatcher } from '../../main/bridge/dispatcher';
import { fileKeyCipher } from '../../main/service/connections/profiles/secrets';
import { createWarrenService } from '../../main/service/service';
import { testBroker } from './broker';

export function makeService(options: { reconnectBackoffMs?: number[]; localProbePort?: number } = {}) {
  const dataDir = mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'svc-'));
  const events: EventMessage[] = [];
  const configDir = path.join(dataDir, 'config');
  const service = createWarrenService({
    host: 'browser',
    version: 'test',
    dataDir,
    configDir,
    cipher: fileKeyCipher(configDir),
    alwaysSeal: false,
    preferDefaultPorts: false,
    localProbePort: options.localProbePort,
    reconnectBackoffMs: options.reconnectBackoffMs ?? [200, 400, 800],
    emit: (event, payload) => events.push({ event, payload } as EventMessage),
  });
  const dispatch = createDispatcher(service.handlers);
  return { service, dispatch, events, dataDir, configDir };
}

/** Saves a profile for the run's broker in `vhost` and connects the service to it; returns the profile id. */
export async function connectToRunBroker(ctx: ReturnType<typeof makeService>, vhost: string): Promise<string> {
  const b = testBroker();
  const saved = await ctx.dispatch('profiles.save', {
    name: 'Run broker',
    host: b.host,
    port: b.amqpPort,
    vhost,
    username: 'guest',
    password: 'guest',
    managementUrl: b.managementUrl,
  });
  if (!saved.ok) throw new Error(saved.error.message);
  const id = (saved.value as { id: string }).id;
  const connected = await ctx.dispatch('connection.connect', { id });
  if (!connected.ok) throw new Error(connected.error.message);
  return id;
}
