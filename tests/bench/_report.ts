/**
 * Writes one benchmark's section of docs/benchmarks.md (between its markers), with the command
 * that produced it, the date and the machine, so figures are never orphaned from their source.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'benchmarks.md');
const HEADER = `# Benchmarks

Each section is written by its benchmark (\`tests/bench/<name>.ts\`); rerun the command shown to
refresh it. Figures are from one run on the machine named; compare the ratios, not the absolute
numbers, across machines.
`;

export function writeBenchSection(name: string, title: string, markdownBody: string): void {
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  const command = process.env.WARREN_BENCH_COMMAND ?? `npm run bench -- ${name}`;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const section = [
    begin,
    `## ${title}`,
    '',
    `Command: \`${command}\` — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
    '',
    markdownBody.trim(),
    end,
  ].join('\n');
  let text = existsSync(file) ? readFileSync(file, 'utf8') : HEADER;
  const at = text.indexOf(begin);
  const until = text.indexOf(end);
  text = at >= 0 && until > at ? text.slice(0, at) + section + text.slice(until + end.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
}
