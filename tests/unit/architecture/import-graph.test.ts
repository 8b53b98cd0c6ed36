/**
 * The house's directions, checked on the whole source tree: the import graph of main/,
 * renderer/, shared/ and demos/ (type-only imports included) has no cycle and no import against
 * the directions of scripts/import-rules.mjs (which ESLint also enforces at edit time).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildImportGraph, directionProblem, findCycles } from '../../../scripts/import-rules.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const graph = buildImportGraph(root, ts);

describe('import graph of the sources', () => {
  it('reads every source file and their imports, type-only ones included', () => {
    expect(graph.size).toBeGreaterThan(200);
    // service.ts imports the context type only: the scanner must still see it.
    expect(graph.get('main/service/service.ts')).toContain('main/service/context.ts');
  });

  it('has no import cycle', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('has no import against the directions', () => {
    const problems = [...graph].flatMap(([from, targets]) => targets.map((to) => directionProblem(from, to)).filter(Boolean));
    expect(problems).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('find a cycle through three files, and a self-import', () => {
    const cyclic = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['d.ts']],
      ['e.ts', ['a.ts']],
    ]);
    expect(findCycles(cyclic)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
  });

  it('refuse each direction the house forbids, and allow the ones it keeps', () => {
    const refused: [string, string][] = [
      ['shared/errors.ts', 'main/service/errors.ts'],
      ['demos/ecomnow.ts', 'main/service/broker/target.ts'],
      ['renderer/app/App.tsx', 'main/bridge/dispatcher.ts'],
      ['main/service/service.ts', 'main/host-web/server.ts'],
      ['main/service/demos/runner.ts', 'main/bridge/events.ts'],
      ['main/host-web/cli.ts', 'main/host-electron/main.ts'],
      ['main/paths.ts', 'main/service/service.ts'],
      ['demos/runtime.ts', 'tests/support/broker.ts'],
    ];
    for (const [from, to] of refused) expect(directionProblem(from, to), `${from} → ${to}`).toMatch(/may not import/);
    const allowed: [string, string][] = [
      ['main/service/demos/runner.ts', 'demos/registry.ts'],
      ['main/host-web/cli.ts', 'main/service/service.ts'],
      ['main/service/demos/cli.ts', 'main/paths.ts'],
      ['renderer/app/App.tsx', 'shared/contract.ts'],
    ];
    for (const [from, to] of allowed) expect(directionProblem(from, to), `${from} → ${to}`).toBeUndefined();
  });
});
