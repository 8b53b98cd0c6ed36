/**
 * `npm run cli -- move …`: moves, copies or replays messages out of a queue with the app's own
 * engine (the service's messages.move: each message confirmed at the destination before its
 * source is acknowledged), on the broker of --url, and waits for the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { moveInput } from '../../../shared/move/contract';
import { invalid } from '../../../shared/errors';
import { createWarrenService } from '../service';
import { WarrenFailure } from '../errors';
import { readArgs, UsageError } from './args';
import { EXIT, printFailure, printResult } from './output';
import { cliTarget } from './target';

export const MOVE_USAGE = `  move --url URL [--management-url URL] --from QUEUE (--to-queue QUEUE | --to-exchange EXCHANGE [--routing-key KEY] | --replay)
       [--copy] [--count N] [--header KEY=VALUE] [--body-contains TEXT]
      Moves (or, --copy, copies) N or all messages of QUEUE in the URL's vhost, each published with confirms
      and acknowledged at the source only after its confirm; --replay sends each dead letter back to the
      exchange and routing key of its x-death. Exit 0 when the run ends done, 1 otherwise.`;

const OPTIONS = { values: ['--url', '--management-url', '--from', '--to-queue', '--to-exchange', '--routing-key', '--count', '--header', '--body-contains'], flags: ['--replay', '--copy'] };

function destinationOf(args: ReturnType<typeof readArgs>) {
  const toQueue = args.value('--to-queue');
  const toExchange = args.value('--to-exchange');
  const given = [toQueue !== undefined, toExchange !== undefined, args.flag('--replay')].filter(Boolean).length;
  if (given !== 1) throw new UsageError('Give one destination: --to-queue QUEUE, --to-exchange EXCHANGE or --replay');
  if (toQueue !== undefined) return { kind: 'queue' as const, queue: toQueue };
  if (toExchange !== undefined) return { kind: 'exchange' as const, exchange: toExchange, routingKey: args.value('--routing-key') ?? '' };
  return { kind: 'replay' as const };
}

export async function moveCli(argv: readonly string[]): Promise<number> {
  const command = 'move';
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'warren-cli-'));
  let service: ReturnType<typeof createWarrenService> | undefined;
  try {
    const args = readArgs(argv, OPTIONS);
    if (args.words.length > 0) throw new UsageError(`Unexpected ${args.words.join(' ')}`);
    const target = cliTarget(args.required('--url'), args.value('--management-url'));
    const header = args.value('--header');
    if (header !== undefined && !header.includes('=')) throw new UsageError('--header takes KEY=VALUE');
    const count = args.value('--count');
    const input = moveInput.safeParse({
      source: args.required('--from'),
      destination: destinationOf(args),
      mode: args.flag('--copy') ? 'copy' : 'move',
      ...(count === undefined ? {} : { count: Number(count) }),
      filter: {
        ...(header === undefined ? {} : { header: { key: header.slice(0, header.indexOf('=')), value: header.slice(header.indexOf('=') + 1) } }),
        ...(args.value('--body-contains') === undefined ? {} : { bodyContains: args.value('--body-contains') }),
      },
      wait: true,
    });
    if (!input.success) {
      const issue = input.error.issues[0]!;
      throw new WarrenFailure(invalid(`${issue.path.join('.') || 'input'}: ${issue.message}`, { field: issue.path.join('.') }));
    }
    service = createWarrenService({ host: 'browser', version: 'cli', dataDir, configDir: path.join(dataDir, 'config'), alwaysSeal: false, emit: () => undefined });
    const state = await service.connection.connect(target);
    if (state.status !== 'connected') throw new WarrenFailure(state.error ?? invalid('Could not connect'));
    const progress = await service.handlers['messages.move'](input.data);
    console.log(`${progress.mode === 'copy' ? 'Copied' : 'Moved'} ${progress.moved} of ${progress.limit} (examined ${progress.examined}, skipped ${progress.skipped}, unroutable ${progress.unroutable}, possible duplicates ${progress.possibleDuplicates}): ${progress.state}.`);
    printResult(command, { host: `${target.host}:${target.port}`, vhost: target.vhost, ...progress, ok: progress.state === 'done' });
    return progress.state === 'done' ? EXIT.ok : EXIT.failed;
  } catch (err) {
    return printFailure(command, err, `usage:\n${MOVE_USAGE}`);
  } finally {
    await service?.shutdown().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
