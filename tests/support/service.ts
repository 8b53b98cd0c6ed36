/**
 * A real Warren service + dispatcher on a temporary data folder, as a host would build it.
 * `dispatch` is the contract's typed client (each operation's own input and output types);
 * `raw` is the untyped dispatcher, for tests that send what the types would not allow.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EventMessage, EventName, EventPayload, InputOf, OperationName, OutputOf } from '../../shared/contract';
import { createDispatcher } from '../../main/bridge/dispatcher';
import { createClient } from '../../shared/client';
import { fileKeyCipher } from '../../main/service/connections/profiles/secrets';
import { createWarrenService } from '../../main/service/service';
import { testBroker } from './broker';

export interface ServiceOptions {
  reconnectBackoffMs?: number[];
  localProbePort?: number;
  /** An existing data folder: Warren started again where an earlier one left its files. */
  dataDir?: string;
  /** As WARREN_BROKER_URL / WARREN_MANAGEMENT_URL give them to `npm start`. */
  brokerUrl?: string;
  managementUrl?: string;
}

export function makeService(options: ServiceOptions = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'svc-'));
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
    brokerUrl: options.brokerUrl,
    managementUrl: options.managementUrl,
    reconnectBackoffMs: options.reconnectBackoffMs ?? [200, 400, 800],
    emit: (event, payload) => events.push({ event, payload } as EventMessage),
  });
  const raw = createDispatcher(service.handlers);
  const dispatch = createClient(raw).call;
  return { service, dispatch, raw, events, dataDir, configDir };
}

/** The payloads of one event, in order, typed as the contract declares them. */
export function payloadsOf<K extends EventName>(events: readonly EventMessage[], name: K): EventPayload<K>[] {
  return events.filter((e): e is EventMessage<K> => e.event === name).map((e) => e.payload);
}

/** Calls an operation and returns its typed value, or throws its error (kept as `warren` on the Error). */
export function valueCaller(ctx: Pick<ReturnType<typeof makeService>, 'dispatch'>) {
  return async <K extends OperationName>(op: K, input: InputOf<K>): Promise<OutputOf<K>> => {
    const r = await ctx.dispatch(op, input);
    if (!r.ok) throw Object.assign(new Error(`${op}: ${r.error.code} ${r.error.message}`), { warren: r.error });
    return r.value;
  };
}

/**
 * Saves a profile for the run's broker in `vhost` and connects the service to it; returns the
 * profile id. `overrides` changes the profile (e.g. a management URL nothing answers on).
 */
export async function connectToRunBroker(
  ctx: ReturnType<typeof makeService>,
  vhost: string,
  overrides: { name?: string; managementUrl?: string } = {},
): Promise<string> {
  const b = testBroker();
  const saved = await ctx.dispatch('profiles.save', {
    name: overrides.name ?? 'Run broker',
    host: b.host,
    port: b.amqpPort,
    vhost,
    username: 'guest',
    password: 'guest',
    managementUrl: overrides.managementUrl ?? b.managementUrl,
  });
  if (!saved.ok) throw new Error(saved.error.message);
  const id = saved.value.id;
  const connected = await ctx.dispatch('connection.connect', { id });
  if (!connected.ok) throw new Error(connected.error.message);
  return id;
}
