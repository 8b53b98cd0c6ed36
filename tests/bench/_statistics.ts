/**
 * Bench helper: the statistics interval of the run's sandbox broker, changed while it runs.
 *
 * Warren's sandbox emits statistics every second (its charts want them). With 100,000 queues that
 * keeps the broker at ~170 % CPU of this 2-core machine before anyone asks it anything, so a big
 * run sets RabbitMQ's own default (5 s) first: the queues read `collect_statistics_interval` when
 * they start, and the management agent's collectors read their retention policies when they start,
 * so it is set before the queues exist and the two management applications are restarted (they
 * come back on the same listener). One broker serves both sides of the comparison.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sandboxLayout } from '../../main/service/connections/sandbox/node-files';
import { findRabbitmqServer } from '../../main/service/connections/sandbox/sandbox';

/** RabbitMQ's shipped retention policies: samples every 5 s. */
const DEFAULT_POLICIES = '[{global,[{605,5},{3660,60},{29400,600},{86400,1800}]},{basic,[{605,5},{3600,60}]},{detailed,[{605,5}]}]';

/** The run's sandbox (scripts/bench.mjs starts it in WARREN_TEST_WORK/sandbox), if this run has one. */
function runSandboxDir(): string | undefined {
  const work = process.env.WARREN_TEST_WORK;
  const dir = work === undefined ? undefined : path.join(work, 'sandbox');
  return dir !== undefined && existsSync(sandboxLayout(dir).cookieFile) ? dir : undefined;
}

/**
 * Sets the run's broker to statistics every `seconds` (5 = RabbitMQ's default). Returns what the
 * broker now uses, in seconds, or undefined when this run's broker is not a sandbox it can reach.
 */
export function setStatisticsInterval(seconds: number): number | undefined {
  const dir = runSandboxDir();
  const server = findRabbitmqServer();
  if (dir === undefined || server === undefined) return undefined;
  const ctl = path.join(path.dirname(server), 'rabbitmqctl');
  const expression = [
    `application:set_env(rabbit, collect_statistics_interval, ${seconds * 1000})`,
    `application:set_env(rabbitmq_management, sample_retention_policies, ${DEFAULT_POLICIES})`,
    'ok = application:stop(rabbitmq_management)',
    'ok = application:stop(rabbitmq_management_agent)',
    '{ok, _} = application:ensure_all_started(rabbitmq_management)',
    'application:get_env(rabbit, collect_statistics_interval)',
  ].join(', ');
  // The node's HOME is its folder: rabbitmqctl finds the node's cookie there.
  const out = execFileSync(ctl, ['-q', '-n', sandboxLayout(dir).nodeName, 'eval', `${expression}.`], {
    env: { ...process.env, HOME: dir },
    encoding: 'utf8',
  });
  const ms = /\{ok,(\d+)\}/.exec(out)?.[1];
  return ms === undefined ? undefined : Number(ms) / 1000;
}
