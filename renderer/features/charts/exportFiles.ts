/**
 * Chart exports: CSV of the samples (what the chart holds, not the downsampled drawing) and PNG
 * of the drawn chart — each recharts SVG is serialized, drawn on a canvas as an image (CSP allows
 * img-src data: blob:), and the canvas saved. Nothing leaves the machine.
 */
import type { SampleField, SampleRow } from '../../../shared/charts/types';
import { samplesToCsv } from './csv';

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface CsvSeries {
  label: string;
  t: number[];
  rows: SampleRow[];
}

export function seriesCsv(fields: readonly SampleField[], series: CsvSeries[]): string {
  const parts = series.map((s, i) => {
    const csv = samplesToCsv(fields, s.t, s.rows, s.label);
    return i === 0 ? csv : csv.slice(csv.indexOf('\n') + 1);
  });
  return parts.join('');
}

export function safeFileName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'chart';
}

/** Renders every chart SVG inside `root`, stacked, with the title on top, to a PNG blob. */
export async function chartPng(root: HTMLElement, title: string): Promise<Blob> {
  const svgs = [...root.querySelectorAll<SVGSVGElement>('svg.recharts-surface')];
  if (svgs.length === 0) throw new Error('There is no chart to export yet');
  const scale = window.devicePixelRatio >= 2 ? 2 : 1;
  const width = Math.max(...svgs.map((s) => s.getBoundingClientRect().width));
  const heights = svgs.map((s) => s.getBoundingClientRect().height);
  const header = 28;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil((header + heights.reduce((a, b) => a + b, 0)) * scale);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('This browser cannot draw on a canvas');
  g.scale(scale, scale);
  const style = getComputedStyle(root);
  const background = style.backgroundColor;
  g.fillStyle = !background || background === 'rgba(0, 0, 0, 0)' ? '#161c25' : background;
  g.fillRect(0, 0, width, canvas.height);
  g.fillStyle = style.color || '#e6edf3';
  g.font = '600 14px system-ui, sans-serif';
  g.fillText(title, 8, 19);
  let y = header;
  for (const [i, svg] of svgs.entries()) {
    const image = await svgImage(svg);
    g.drawImage(image, 0, y, svg.getBoundingClientRect().width, heights[i]!);
    y += heights[i]!;
  }
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement> {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // Computed colours, because CSS variables and stylesheets do not travel with the SVG.
  const color = getComputedStyle(svg).color || '#0f172a';
  clone.setAttribute('style', `color:${color};font-family:system-ui,sans-serif;font-size:11px`);
  const text = new XMLSerializer().serializeToString(clone).replace(/var\(--[a-z-]+, ?(#[0-9a-f]+)\)/gi, '$1');
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart could not be drawn as an image'));
    image.src = url;
  });
}
