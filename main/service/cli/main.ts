/**
 * `npm run cli -- <command> …`: Warren for scripts and CI, the same engine as the app. Every
 * command ends with one JSON line on stdout; exit codes are in ./output.ts (and --help).
 * `demo <name>` is run by scripts/cli.mjs through the demo CLI (main/service/demos/cli.ts).
 */
import { DEMO_NAMES } from '../../../shared/demos/types';
import { DEFINITIONS_USAGE, definitionsCli } from '../definitions/cli';
import { MOVE_USAGE, moveCli } from '../move/cli';
import { EXIT } from './output';

export const HELP = `usage: npm run cli -- <command> [options]

The broker: --url amqp://user:pass@host:port/vhost (amqps:// for TLS) and, when the management API
is not at http://host:15672, --management-url http://host:port.

Commands:
${DEFINITIONS_USAGE}
${MOVE_USAGE}
  demo <${DEMO_NAMES.join('|')}> [--url URL] [--management-url URL] …
      Runs one tutorial scenario headless (the same as npm run demo; npm run demo -- --help for its options).
  help, --help
      This text.

Every command ends with one JSON line on stdout: {"command": …, "ok": true|false, …}.
Exit codes: 0 ok · 1 failed or refused (the broker refused, or a change it will refuse) ·
2 bad usage or bad input (unknown command or option, bad URL, malformed file) ·
3 definitions diff: differences found (none refused).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv.filter((a) => a !== '--');
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(HELP);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === 'definitions') return definitionsCli(rest);
  if (command === 'move') return moveCli(rest);
  console.error(`Unknown command “${command}”.\n\n${HELP}`);
  console.log(JSON.stringify({ command, ok: false, error: { code: 'BAD_INPUT', message: `Unknown command ${command}`, hint: 'See npm run cli -- --help.' } }));
  return EXIT.usage;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(EXIT.failed);
  },
);
