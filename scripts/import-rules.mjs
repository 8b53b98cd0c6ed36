// Warren's import directions, in one place: the architecture test (tests/unit/architecture/)
// builds the whole import graph from the TypeScript sources and checks it with these rules,
// and ESLint's `warren/import-direction` checks each import as it is written.
//
//   shared/          pure: imports only shared/
//   demos/           the scenarios: shared/ and demos/ (a broker interface main/ implements)
//   renderer/        the page: shared/ and renderer/ (main/ only through the bridge, at run time)
//   main/service/    the service: shared/, demos/, main/*.ts (paths) — never a host or the bridge
//   main/bridge/     the dispatcher and events: the service and shared/
//   main/host-*/     each host: the bridge, the service, main/*.ts, shared/ — never another host
//   main/*.ts        helpers of every host (paths): shared/ only
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ZONES = [
  { zone: 'shared', test: (p) => p.startsWith('shared/'), may: ['shared'] },
  { zone: 'demos', test: (p) => p.startsWith('demos/'), may: ['demos', 'shared'] },
  { zone: 'renderer', test: (p) => p.startsWith('renderer/'), may: ['renderer', 'shared'] },
  { zone: 'service', test: (p) => p.startsWith('main/service/'), may: ['service', 'main', 'shared', 'demos'] },
  { zone: 'bridge', test: (p) => p.startsWith('main/bridge/'), may: ['bridge', 'service', 'shared'] },
  { zone: 'host-web', test: (p) => p.startsWith('main/host-web/'), may: ['host-web', 'bridge', 'service', 'main', 'shared'] },
  { zone: 'host-electron', test: (p) => p.startsWith('main/host-electron/'), may: ['host-electron', 'bridge', 'service', 'main', 'shared'] },
  { zone: 'main', test: (p) => /^main\/[^/]+$/.test(p), may: ['main', 'shared'] },
];

/** The folders whose sources form the graph. */
export const SOURCE_ROOTS = ['main', 'renderer', 'shared', 'demos'];

/** The zone of a repository-relative path (forward slashes), or undefined outside the sources. */
export function zoneOf(relPath) {
  return ZONES.find((z) => z.test(relPath))?.zone;
}

/** Why `from` may not import `to` (both repository-relative), or undefined when it may. */
export function directionProblem(from, to) {
  const a = ZONES.find((z) => z.test(from));
  if (!a) return undefined;
  const b = zoneOf(to);
  if (!b) return `${a.zone} (${from}) may not import ${to}: the sources never import tests, scripts or files outside main/, renderer/, shared/ and demos/.`;
  if (a.may.includes(b)) return undefined;
  return `${a.zone} (${from}) may not import ${b} (${to}): ${a.zone} may import only ${a.may.join(', ')}.`;
}

const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The source file a relative specifier names, as the bundler resolves it (or undefined: css, assets). */
export function resolveSpecifier(root, fromRel, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(root, path.dirname(fromRel), specifier);
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e)]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return path.relative(root, candidate).split(path.sep).join('/');
  }
  return undefined;
}

/**
 * Every source file under SOURCE_ROOTS and the files it imports (type-only imports, re-exports
 * and dynamic imports included). `ts` is the TypeScript module (its scanner reads the imports).
 */
export function buildImportGraph(root, ts) {
  const graph = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        const info = ts.preProcessFile(readFileSync(path.join(root, rel), 'utf8'), true, true);
        const targets = info.importedFiles.map((f) => resolveSpecifier(root, rel, f.fileName)).filter(Boolean);
        graph.set(rel, [...new Set(targets)]);
      }
    }
  };
  for (const dir of SOURCE_ROOTS) if (existsSync(path.join(root, dir))) walk(dir);
  return graph;
}

/** The import cycles of a graph: its strongly connected components with more than one file (or a self-import). */
export function findCycles(graph) {
  let index = 0;
  const stack = [];
  const on = new Set();
  const idx = new Map();
  const low = new Map();
  const cycles = [];
  const connect = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) connect(v);
  return cycles;
}

/** ESLint's view of the same directions: each relative import of a source file is checked as written. */
export const importDirectionPlugin = {
  rules: {
    'import-direction': {
      meta: { type: 'problem', docs: { description: "Imports follow Warren's directions (scripts/import-rules.mjs)." }, schema: [] },
      create(context) {
        const root = context.cwd;
        const from = path.relative(root, context.filename).split(path.sep).join('/');
        if (!zoneOf(from)) return {};
        const check = (node) => {
          const specifier = node.source?.value;
          if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
          const to = path.relative(root, path.resolve(path.dirname(context.filename), specifier)).split(path.sep).join('/');
          const problem = directionProblem(from, to);
          if (problem) context.report({ node: node.source, message: problem });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
      },
    },
  },
};
