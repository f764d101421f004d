import type { StatTable } from '@kinga/shared';
import type { Translate } from '../../../i18n/i18n.tsx';
import { statKeyLabel } from './stat-labels.ts';

/** One CSV field: quoted when needed, and kept from being read as a spreadsheet formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The CSV of a statistics table (RFC 4180, CRLF): per dimension its code and its label in
 * the reader's language, then the count and whether the cell is suppressed (count left
 * empty). A byte-order mark lets spreadsheet programs read the labels as UTF-8.
 */
export function statTableCsv(t: Translate, table: StatTable): string {
  const header = [...table.dimensions.flatMap((d) => [d, `${d}_label`]), 'count', 'suppressed'];
  const rows = table.cells.map((cell) => [
    ...table.dimensions.flatMap((dimension, i) => {
      const key = cell.keys[i] ?? null;
      return [key ?? '', statKeyLabel(t, dimension, key)];
    }),
    cell.count === null ? '' : String(cell.count),
    cell.count === null ? '1' : '0',
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Saves text as a file through a temporary object URL (no server round trip). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL only after the click handler has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
