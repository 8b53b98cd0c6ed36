/**
 * `npm run demo -- <hello|work-queues|topics|ecomnow|best-practices> [--url amqp://...]`
 * Runs one scenario headless: on the sandbox broker (started, or reused, in Warren's data
 * folder) or on the broker of --url; prints the narration with measured numbers and ends with
 * one JSON line of the outcome. Exit 0 when the tutorial's expected outcome holds, 1 when it
 * does not (or the demo failed), 2 on a usage error.
 *
 * Where it runs: its own vhost warren-demo-<name> when the user may create vhosts, else names
 * prefixed in the URL's vhost; `--as-is` runs in the URL's vhost with the tutorial's plain names
 * and declarations, beside the tutorial's own scripts (a vhost of your own, e.g. a test's).
 * Every run that gets past the usage check ends with one JSON line, also when it cannot hold.
 * A step that restarts a broker (EcomNow) starts a node of its own for it: never the sandbox.
 */
import path from 'node:path';
import { DEMO_NAMES, isDemoName, type DemoOptions } from '../../../shared/demos/types';
import type { DemoName } from '../../../shared/demos/types';
import { plainTarget, type ConnectTarget } from '../broker/target';
import { defaultDataDir } from '../../paths';
import { SandboxBroker } from '../connections/sandbox/sandbox';
import { toWarrenError } from '../errors';
import { UsageError } from '../cli/args';
import { cliTarget } from '../cli/target';
import { demoBroker, isolate, removeVhost } from './isolation';
import { runHeadless } from './headless';
import { privateClusters } from './private-cluster';
import { privateNodes } from './private-node';

const USAGE = `usage: npm run demo -- <${DEMO_NAMES.join('|')}> [--url amqp://user:pass@host:5672/vhost] [--management-url http://host:15672]
       [--as-is] [--dot-ms N] [--email-ms N] [--sync-scale X] [--prefetch N] [--variant topic|direct|fanout] [--burst N]
       [--durable-exchange] [--keep]`;

/** The one JSON line of a run that could not start or hold, with the reason and its fix. */
function printStopped(demo: DemoName, err: unknown): void {
  const reason = toWarrenError(err);
  console.error(`The demo failed: ${reason.message}\nFix: ${reason.hint}`);
  console.log(JSON.stringify({ demo, holds: false, reason: { code: reason.code, message: reason.message, hint: reason.hint }, checks: [], depthsByStep: [], facts: {} }));
}

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function numberArg(args: string[], name: string): number | undefined {
  const value = arg(args, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`${name} must be a number ≥ 0 (got ${value})`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const name = args[0];
  if (!name || !isDemoName(name)) {
    console.error(name ? `Unknown demo “${name}”.\n${USAGE}` : USAGE);
    return 2;
  }
  const variant = arg(args, '--variant');
  if (variant !== undefined && variant !== 'topic' && variant !== 'direct' && variant !== 'fanout') {
    console.error('--variant must be topic, direct or fanout');
    return 2;
  }
  const options: DemoOptions = {
    dotMs: numberArg(args, '--dot-ms'),
    emailMs: numberArg(args, '--email-ms'),
    syncScale: numberArg(args, '--sync-scale'),
    prefetch: numberArg(args, '--prefetch'),
    burst: numberArg(args, '--burst'),
    variant,
    ...(args.includes('--durable-exchange') ? { durableExchange: true } : {}),
  };
  try {
    return await runCli(name, args, options);
  } catch (err) {
    printStopped(name, err);
    return 1;
  }
}

async function runCli(name: DemoName, args: string[], options: DemoOptions): Promise<number> {

  let sandbox: SandboxBroker | undefined;
  let startedSandbox = false;
  let base: ConnectTarget;
  const url = arg(args, '--url');
  if (url) {
    try {
      base = { ...cliTarget(url, arg(args, '--management-url')), profileName: 'demo --url' };
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      console.error(err.message);
      return 2;
    }
  } else {
    const dir = path.join(defaultDataDir(), 'sandbox');
    sandbox = new SandboxBroker({ dir });
    console.log(`No --url: using the sandbox broker in ${dir} (starting it when it is not running)…`);
    const state = await sandbox.start();
    if (state.status !== 'ready') {
      console.error((state.logTail ?? []).join('\n'));
      printStopped(name, state.error ?? new Error(`The sandbox broker is ${state.status}`));
      return 1;
    }
    startedSandbox = !state.reused;
    const e = sandbox.endpoint()!;
    console.log(
      startedSandbox
        ? `Started the sandbox broker on amqp port ${e.amqpPort} (management ${e.managementUrl}); it stops when the demo ends.`
        : `Reusing the sandbox broker already running on amqp port ${e.amqpPort} (management ${e.managementUrl}); it keeps running.`,
    );
    base = plainTarget(e, { id: 'sandbox', name: 'Sandbox broker', heartbeat: 30 });
  }

  const { isolation, target, created } = args.includes('--as-is')
    ? { isolation: { mode: 'as-is' as const, vhost: base.vhost, prefix: '' }, target: base, created: false }
    : await isolate(name, base);
  console.log(
    isolation.mode === 'prefix' ? `Running in vhost ${isolation.vhost} with names prefixed ${isolation.prefix}.` : `Running in vhost ${isolation.vhost}${isolation.mode === 'as-is' ? ' with the tutorial’s names (--as-is)' : ''}.`,
  );
  try {
    const outcome = await runHeadless(name, {
      broker: demoBroker(name, () => target, privateNodes(path.join(defaultDataDir(), 'demo-nodes'), name), privateClusters(path.join(defaultDataDir(), 'demo-nodes'), name)),
      prefix: isolation.prefix,
      options,
      keep: args.includes('--keep'),
      onLine: (line) => console.log(line.tone === 'step' ? `\n== ${line.text}` : `   ${line.text}`),
    });
    if (created && !args.includes('--keep')) await removeVhost({ ...base, managementUrl: sandbox?.endpoint()?.managementUrl ?? base.managementUrl }, isolation.vhost).catch(() => undefined);
    console.log(JSON.stringify(outcome));
    return outcome.holds ? 0 : 1;
  } finally {
    if (sandbox && startedSandbox && !sandbox.state.keepRunning) await sandbox.stop();
  }
}

// Exit explicitly: simulated work timers of killed programs must not keep the process alive.
main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
