/**
 * `npm run cli -- move …`: the Move page's engine on the broker of --url, for scripts and CI.
 * It builds a Warren service on a throwaway data folder (no sandbox, no saved profile), connects
 * it to the URL, runs one move with `wait`, and prints its report as the one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MoveDestination } from '../../../shared/move/types';
import { createWarrenService } from '../service';
import { readArgs, UsageError } from '../cli/args';
import { EXIT, printFailure, printResult } from '../cli/output';
import { cliTarget } from '../cli/target';
import { WarrenFailure } from '../errors';

export const MOVE_USAGE = `  move --url URL [--management-url URL] --from QUEUE
       (--to-queue QUEUE | --to-exchange EXCHANGE [--routing-key KEY] | --replay)
       [--count N] [--copy] [--header NAME=VALUE] [--body-contains TEXT]
      Moves messages out of QUEUE (all of its depth at the start, or the first N), each confirmed at the
      destination before it is acknowledged at the source, so nothing is lost if anything stops midway.
      --copy leaves the source as it was. --replay sends each dead letter back to the exchange and routing
      key of its newest x-death. Messages that do not match --header / --body-contains stay in QUEUE.
      Exit 0 done, 1 refused, failed or interrupted (the JSON line says how many may be duplicated).`;

const OPTIONS = {
  values: ['--url', '--management-url', '--from', '--to-queue', '--to-exchange', '--routing-key', '--count', '--header', '--body-contains'],
  flags: ['--replay', '--copy'],
};

function destinationOf(args: ReturnType<typeof readArgs>): MoveDestination {
  const queue = args.value('--to-queue');
  const exchange = args.value('--to-exchange');
  const replay = args.flag('--replay');
  if ([queue !== undefined, exchange !== undefined, replay].filter(Boolean).length !== 1) {
    throw new UsageError('Give one destination: --to-queue QUEUE, --to-exchange EXCHANGE, or --replay');
  }
  if (queue !== undefined) return { kind: 'queue', queue };
  if (exchange !== undefined) return { kind: 'exchange', exchange, routingKey: args.value('--routing-key') ?? '' };
  return { kind: 'replay' };
}

export async function moveCli(argv: readonly string[]): Promise<number> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'warren-cli-'));
  let service: ReturnType<typeof createWarrenService> | undefined;
  try {
    const args = readArgs(argv, OPTIONS);
    if (args.words.length > 0) throw new UsageError(`Unexpected ${args.words.join(' ')}`);
    const url = args.required('--url');
    cliTarget(url, args.value('--management-url')); // a bad URL is a usage error before anything connects
    const countText = args.value('--count');
    if (countText !== undefined && !/^\d+$/.test(countText)) throw new UsageError('--count is a whole number');
    const header = args.value('--header');
    if (header !== undefined && !header.includes('=')) throw new UsageError('--header is NAME=VALUE');
    const destination = destinationOf(args);
    const source = args.required('--from');

    service = createWarrenService({
      host: 'browser',
      version: 'cli',
      dataDir,
      configDir: dataDir,
      alwaysSeal: false,
      brokerUrl: url,
      managementUrl: args.value('--management-url'),
      reconnectBackoffMs: [],
      emit: (event, payload) => {
        if (event === 'messages.moveProgress') {
          const p = payload as { examined: number; limit: number; moved: number };
          process.stderr.write(`\r${p.examined.toLocaleString('en-US')} of ${p.limit.toLocaleString('en-US')} read, ${p.moved.toLocaleString('en-US')} moved   `);
        }
      },
      log: () => undefined,
    });
    const state = await service.autoConnect();
    if (state.status !== 'connected') throw new WarrenFailure(state.error ?? { code: 'UNREACHABLE', message: 'Could not connect to --url', hint: 'Check the host, port, user and password.' });
    const result = await service.handlers['messages.move']({
      source,
      destination,
      mode: args.flag('--copy') ? 'copy' : 'move',
      ...(countText === undefined ? {} : { count: Number(countText) }),
      filter: {
        ...(header === undefined ? {} : { header: { key: header.slice(0, header.indexOf('=')), value: header.slice(header.indexOf('=') + 1) } }),
        ...(args.value('--body-contains') === undefined ? {} : { bodyContains: args.value('--body-contains')! }),
      },
      wait: true,
    });
    process.stderr.write('\n');
    const { runId: _runId, rate: _rate, ...report } = result;
    if (result.state !== 'done') {
      console.error(`${result.error?.message ?? result.state}\nFix: ${result.error?.hint ?? ''}`);
      console.log(JSON.stringify({ command: 'move', ok: false, ...report }));
      return EXIT.failed;
    }
    printResult('move', report);
    return EXIT.ok;
  } catch (err) {
    return printFailure('move', err, MOVE_USAGE);
  } finally {
    await service?.shutdown().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
