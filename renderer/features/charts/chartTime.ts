/**
 * Clock labels for chart axes and tooltips. `toLocaleTimeString(…, options)` builds a new
 * Intl.DateTimeFormat on every call (~0.1 ms); an axis formats every tick of every chart on
 * every redraw, which the profiler showed as the renderer's largest single cost. One formatter,
 * built once, does the same job.
 */
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function chartClock(t: number): string {
  return clock.format(t);
}
