/**
 * A y-axis that stays readable from 0 to 100,000: "nice" tick steps (1, 2, 2.5, 5 × 10^k) and
 * compact labels (1.5k, 100k, 2.5M).
 */

const STEPS = [1, 2, 2.5, 5, 10];

/** Ticks from 0 to at least `max`, about `count` of them, on nice steps. */
export function niceTicks(max: number, count = 5): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = max / Math.max(1, count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = (STEPS.find((s) => s * magnitude >= rough) ?? 10) * magnitude;
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + step * 1e-9; i++) ticks.push(round(i * step));
  // Small counts are whole messages: no 0.5-message ticks.
  if (max <= 4 && step < 1) return [0, 1, 2, 3, 4, 5].filter((v) => v <= Math.max(1, Math.ceil(max)));
  return ticks;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** 950 → "950", 1500 → "1.5k", 100000 → "100k", 2500000 → "2.5M"; rates keep one decimal below 10. */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  const units: [number, string][] = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, suffix] of units) {
    if (abs >= size) {
      const scaled = value / size;
      return `${trim(Math.abs(scaled) >= 100 ? scaled.toFixed(0) : scaled.toFixed(1))}${suffix}`;
    }
  }
  if (abs < 10 && !Number.isInteger(value)) return trim(value.toFixed(1));
  return String(Math.round(value));
}

function trim(text: string): string {
  return text.replace(/\.0$/, '');
}

const TIME_STEPS_MS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200].map((s) => s * 1000);

/** Time ticks on round clock steps (every 10 s, 1 min, 5 min …), about `count` across the domain. */
export function timeTicks(start: number, end: number, count = 6): number[] {
  if (!(end > start)) return [end];
  const rough = (end - start) / count;
  const step = TIME_STEPS_MS.find((s) => s >= rough) ?? Math.ceil(rough / 3_600_000) * 3_600_000;
  const ticks: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) ticks.push(t);
  return ticks;
}
