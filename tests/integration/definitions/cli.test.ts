/**
 * `npm run cli` as a script or CI job runs it: `node scripts/cli.mjs …` against the run's broker.
 * Every command's last line is one JSON line; the exit code says how it went.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestVhost, testBroker } from '../../support/broker';
import { runCli } from '../../support/cli';
import { adminApi, queueNames, seedShop, vhostObjects } from '../../support/definitions';

const work = () => mkdtempSync(path.join(process.env.WARREN_TEST_WORK ?? os.tmpdir(), 'defs-cli-'));

const cli = (args: string[]) => runCli(args);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function vhost(label: string) {
  const v = await createTestVhost(label);
  cleanups.push(v.remove);
  const b = testBroker();
  return { vhost: v.vhost, broker: ['--url', `amqp://guest:guest@${b.host}:${b.amqpPort}/${encodeURIComponent(v.vhost)}`, '--management-url', b.managementUrl] };
}

describe('npm run cli (definitions, demo, help)', () => {
  it('--help lists every command and the exit codes; an unknown command is a usage error (exit 2) with its JSON line', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['definitions export', 'definitions diff', 'definitions import', 'move --url', 'demo <hello|', 'help, --help']) expect(help.stdout).toContain(command);
    expect(help.stdout).toMatch(/Exit codes: 0 ok · 1 failed or refused/);
    const unknown = await cli(['definitons', 'diff']);
    expect(unknown.code).toBe(2);
    expect(unknown.json).toMatchObject({ command: 'definitons', ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('demo <name> is the demo CLI: an unknown demo gets its usage and exit 2', async () => {
    const run = await cli(['demo', 'helo']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown demo “helo”');
  });

  it('export, diff (exit 3), import without --yes applies nothing, import --yes applies, diff again in sync (exit 0)', async () => {
    const source = await vhost('cli-src');
    const target = await vhost('cli-dst');
    await seedShop(source.vhost);
    const file = path.join(work(), 'shop.json');

    const exported = await cli(['definitions', 'export', ...source.broker, '--out', file]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.json).toMatchObject({ command: 'definitions export', ok: true, vhost: source.vhost, out: file, counts: { queues: 2, bindings: 2 } });

    const diff = await cli(['definitions', 'diff', ...target.broker, '--file', file]);
    expect(diff.code).toBe(3);
    expect(diff.stdout).toContain(`+ queue orders in vhost ${target.vhost}`);
    expect(diff.json).toMatchObject({ command: 'definitions diff', ok: true, refused: 0, counts: { queues: { added: 2 } } });

    const shown = await cli(['definitions', 'import', ...target.broker, '--file', file]);
    expect(shown.code).toBe(0);
    expect(shown.json).toMatchObject({ command: 'definitions import', applied: false });
    expect(await queueNames(target.vhost)).toEqual([]);

    const applied = await cli(['definitions', 'import', ...target.broker, '--file', file, '--yes']);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.json).toMatchObject({ applied: true, requests: [`POST /definitions/${encodeURIComponent(target.vhost)} (9 objects)`] });
    expect(await vhostObjects(target.vhost)).toEqual(await vhostObjects(source.vhost));

    const again = await cli(['definitions', 'diff', ...target.broker, '--file', file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('In sync');
  });

  it('a change the broker will refuse: import --yes applies nothing (exit 1); --skip-refused applies the rest', async () => {
    const target = await vhost('cli-conflict');
    await adminApi().put(`/queues/${encodeURIComponent(target.vhost)}/orders`, { durable: true, arguments: { 'x-max-length': 10 } });
    const file = path.join(work(), 'conflict.json');
    writeFileSync(file, JSON.stringify({ queues: [{ name: 'orders', durable: true, auto_delete: false, arguments: { 'x-max-length': 99 } }, { name: 'invoices', durable: true, auto_delete: false, arguments: {} }] }));

    const diff = await cli(['definitions', 'diff', ...target.broker, '--file', file]);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain('WILL BE REFUSED (PRECONDITION_FAILED)');

    const refused = await cli(['definitions', 'import', ...target.broker, '--file', file, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.json).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED', hint: expect.stringMatching(/^Nothing was applied/) } });
    expect(await queueNames(target.vhost)).toEqual(['orders']);

    const rest = await cli(['definitions', 'import', ...target.broker, '--file', file, '--yes', '--skip-refused']);
    expect(rest.code).toBe(0);
    expect(rest.json).toMatchObject({ applied: true, skipped: 1, report: [{ label: `queue invoices in vhost ${target.vhost}` }] });
    expect(await queueNames(target.vhost)).toEqual(['invoices', 'orders']);
  });

  it('--from-url compares with another vhost (or broker) instead of a file, and imports from it', async () => {
    const source = await vhost('cli-from');
    const target = await vhost('cli-to');
    await seedShop(source.vhost);
    const fromUrl = ['--from-url', source.broker[1]!, '--from-management-url', source.broker[3]!];
    const diff = await cli(['definitions', 'diff', ...target.broker, ...fromUrl]);
    expect(diff.code).toBe(3);
    expect(diff.json).toMatchObject({ counts: { queues: { added: 2 }, exchanges: { added: 2 } } });
    const applied = await cli(['definitions', 'import', ...target.broker, ...fromUrl, '--yes']);
    expect(applied.code, applied.stderr).toBe(0);
    expect(await vhostObjects(target.vhost)).toEqual(await vhostObjects(source.vhost));
    const both = await cli(['definitions', 'diff', ...target.broker, ...fromUrl, '--file', 'x.json']);
    expect(both.code).toBe(2);
    expect(both.json).toMatchObject({ error: { message: 'Give one source: --file FILE or --from-url URL' } });
  });

  it('bad input is exit 2 with a JSON line naming it: a malformed file, a bad --url, an unknown option', async () => {
    const target = await vhost('cli-bad');
    const file = path.join(work(), 'bad.json');
    writeFileSync(file, '{"queues": [');
    const malformed = await cli(['definitions', 'import', ...target.broker, '--file', file, '--yes']);
    expect(malformed.code).toBe(2);
    expect(malformed.json).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'file', hint: expect.stringMatching(/definitions file/) } });
    const badUrl = await cli(['definitions', 'diff', '--url', 'http://localhost:5672', '--file', file]);
    expect(badUrl.code).toBe(2);
    expect(badUrl.json).toMatchObject({ ok: false, error: { message: expect.stringMatching(/amqp:\/\//) } });
    const typo = await cli(['definitions', 'import', ...target.broker, '--file', file, '--yess']);
    expect(typo.code).toBe(2);
    expect(typo.json).toMatchObject({ error: { message: 'Unknown option --yess' } });
    expect(await queueNames(target.vhost)).toEqual([]);
  });
});
