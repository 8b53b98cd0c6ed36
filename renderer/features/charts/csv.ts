/** CSV export of a chart's samples: one row per sample, ISO time plus epoch ms, empty cells for gaps. */
import type { SampleField } from '../../../shared/charts/types';

export function samplesToCsv(fields: readonly SampleField[], t: readonly number[], rows: readonly (readonly (number | null)[])[], label?: string): string {
  const header = [...(label === undefined ? [] : ['series']), 'time', 'epoch_ms', ...fields.map(columnName)];
  const lines = [header.join(',')];
  for (let i = 0; i < t.length; i++) {
    const row = rows[i] ?? [];
    const cells = fields.map((_, f) => cell(row[f] ?? null));
    lines.push([...(label === undefined ? [] : [quote(label)]), new Date(t[i]!).toISOString(), String(t[i]), ...cells].join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function columnName(field: SampleField): string {
  return ['publish', 'deliver', 'ack', 'redeliver', 'unroutable'].includes(field) ? `${field}_per_s` : field;
}

function cell(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '';
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
}

/** RFC 4180 quoting for text cells (queue names may hold commas or quotes). */
export function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Parses what samplesToCsv wrote (tests and round trips): header plus rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cellText = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cellText += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cellText += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cellText);
      cellText = '';
    } else if (ch === '\n') {
      row.push(cellText);
      rows.push(row);
      row = [];
      cellText = '';
    } else if (ch !== '\r') cellText += ch;
  }
  if (cellText !== '' || row.length > 0) {
    row.push(cellText);
    rows.push(row);
  }
  return rows;
}
