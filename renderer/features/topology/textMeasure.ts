/**
 * Measures a graph node's name as the page draws it (the .topo-node-name font: 12 px of the
 * theme's monospace stack), with a canvas; the layout sizes columns by it and the node box
 * shortens only what does not fit. Falls back to the layout's estimate where there is no canvas.
 */
import { approxNameWidth } from './graphLayout';

let context: CanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();

export function measureNodeName(name: string): number {
  const known = cache.get(name);
  if (known !== undefined) return known;
  if (context === undefined) {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (context) {
      const mono = getComputedStyle(document.documentElement).getPropertyValue('--font-mono').trim() || 'monospace';
      context.font = `12px ${mono}`;
    }
  }
  const width = context ? Math.ceil(context.measureText(name).width) : approxNameWidth(name);
  // The cache only grows with the names in view; a topology of 100,000 queues is capped.
  if (cache.size > 50_000) cache.clear();
  cache.set(name, width);
  return width;
}
