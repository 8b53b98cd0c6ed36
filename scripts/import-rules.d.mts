// Types for scripts/import-rules.mjs (read by the architecture test).
export const SOURCE_ROOTS: string[];
export function zoneOf(relPath: string): string | undefined;
export function directionProblem(from: string, to: string): string | undefined;
export function resolveSpecifier(root: string, fromRel: string, specifier: string): string | undefined;
export function buildImportGraph(root: string, ts: typeof import('typescript')): Map<string, string[]>;
export function findCycles(graph: Map<string, string[]>): string[][];
export const importDirectionPlugin: unknown;
