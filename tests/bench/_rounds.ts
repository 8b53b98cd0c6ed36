/**
 * The one way every benchmark compares Warren with its reference: the same operation, rounds
 * interleaved A, B, A, B … after one warm-up of each, median and min–max of each side, the load
 * average at start and end, and one `ratio: X` line per figure (Warren ÷ reference as a rate).
 */
import os from 'node:os';

export interface Spread {
  median: number;
  min: number;
  max: number;
  values: number[];
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, values };
}

/** "1.20 / 0.95 / 0.80" — the 1, 5 and 15 minute load averages now. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
}

/**
 * One unmeasured warm-up of each side, then `rounds` measured rounds of reference then Warren, so
 * both meet the same broker state and the same machine drift. `between` runs after every round of
 * either side (purge, refill), outside the measurement.
 */
export async function interleaved(
  rounds: number,
  reference: () => Promise<number>,
  warren: () => Promise<number>,
  between: () => Promise<void> = async () => undefined,
  log: (line: string) => void = console.log,
): Promise<{ reference: Spread; warren: Spread }> {
  await reference();
  await between();
  await warren();
  await between();
  const a: number[] = [];
  const b: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    a.push(await reference());
    await between();
    b.push(await warren());
    await between();
    log(`  round ${round}: reference ${Math.round(a.at(-1)!).toLocaleString('en')}, Warren ${Math.round(b.at(-1)!).toLocaleString('en')}`);
  }
  return { reference: spread(a), warren: spread(b) };
}

const n = (x: number) => Math.round(x).toLocaleString('en');

/** "58,600 (57,100–59,900)". */
export function showSpread(s: Spread): string {
  return `${n(s.median)} (${n(s.min)}–${n(s.max)})`;
}

/** A figure: both sides as rates (higher is better) and their ratio. */
export interface Figure {
  name: string;
  reference: Spread;
  warren: Spread;
}

export function ratioOf(f: Figure): number {
  return f.warren.median / f.reference.median;
}

/** The one line per figure that `npm run bench` promises. */
export function printRatio(f: Figure): void {
  console.log(`ratio: ${ratioOf(f).toFixed(2)}  (${f.name})`);
}

/** A markdown table of figures, rates in `unit`, median (min–max). */
export function figureTable(figures: Figure[], referenceName: string, unit: string): string {
  return [
    `| Figure | ${referenceName} (${unit}) | Warren (${unit}) | Warren ÷ reference |`,
    '| --- | ---: | ---: | ---: |',
    ...figures.map((f) => `| ${f.name} | ${showSpread(f.reference)} | ${showSpread(f.warren)} | **${ratioOf(f).toFixed(2)}** |`),
  ].join('\n');
}
