import type { StatCell, StatTable } from '@kinga/shared';
import { compareStatKeys } from './stat-labels.ts';

/** One bar of a chart: its key, its count (null when suppressed) and its width in percent. */
export interface StatBar {
  key: string | null;
  count: number | null;
  /** 0–100, a share of the largest count of the chart; 0 when suppressed. */
  width: number;
}

/** A row of a chart: one bar, or one bar per series of a two-dimension table. */
export interface StatRow {
  key: string | null;
  /** True for the "Other" row that sums the categories beyond the chart's limit. */
  other?: boolean;
  /** How many categories an "Other" row sums. */
  otherCount?: number;
  bars: StatBar[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const widthOf = (count: number | null, max: number) =>
  count === null || !(max > 0) ? 0 : round2(Math.min(100, (Math.max(0, count) / max) * 100));

/** The distinct keys at one position of the cells, in the dimension's order. */
export function keysAt(table: StatTable, position: number): (string | null)[] {
  const dimension = table.dimensions[position];
  const keys = [...new Set(table.cells.map((c) => c.keys[position] ?? null))];
  return dimension ? keys.sort((a, b) => compareStatKeys(dimension, a, b)) : keys;
}

/** Cells in the order of their dimensions' vocabularies (the server sorts codes as text). */
export function sortedCells(table: StatTable): StatCell[] {
  return [...table.cells].sort((a, b) => {
    for (const [i, dimension] of table.dimensions.entries()) {
      const order = compareStatKeys(dimension, a.keys[i] ?? null, b.keys[i] ?? null);
      if (order !== 0) return order;
    }
    return 0;
  });
}

/**
 * The cells of a one-dimension table in key order, or largest first (suppressed cells after
 * the known counts, "Unknown" last), as the chart beside it shows them.
 */
export function orderedCells(table: StatTable, order: 'key' | 'count' = 'key'): StatCell[] {
  const cells = sortedCells(table);
  if (order === 'key') return cells;
  const dimension = table.dimensions[0];
  const byCount = (a: StatCell, b: StatCell) =>
    (b.count ?? -1) - (a.count ?? -1) ||
    (dimension ? compareStatKeys(dimension, a.keys[0] ?? null, b.keys[0] ?? null) : 0);
  const known = cells.filter((c) => (c.keys[0] ?? null) !== null).sort(byCount);
  return [...known, ...cells.filter((c) => (c.keys[0] ?? null) === null)];
}

/**
 * The rows of a one-dimension chart. With `limit`, the largest known categories (by count)
 * come first and the rest are summed into an "Other" row; suppressed cells beyond the limit
 * are left out of that sum (the table lists them), and "Unknown" stays last on its own.
 */
export function singleRows(table: StatTable, options: { limit?: number; order?: 'key' | 'count' } = {}): StatRow[] {
  let cells = orderedCells(table, options.limit !== undefined ? 'count' : options.order);
  let other: StatRow | null = null;
  const known = cells.filter((c) => (c.keys[0] ?? null) !== null);
  if (options.limit !== undefined && known.length > options.limit) {
    const rest = known.slice(options.limit);
    const sum = rest.reduce((total, c) => total + (c.count ?? 0), 0);
    other = { key: null, other: true, otherCount: rest.length, bars: [{ key: null, count: sum, width: 0 }] };
    cells = [...known.slice(0, options.limit), ...cells.filter((c) => (c.keys[0] ?? null) === null)];
  }
  const rows: StatRow[] = cells.map((c) => ({
    key: c.keys[0] ?? null,
    bars: [{ key: null, count: c.count, width: 0 }],
  }));
  if (other) {
    // "Other" goes before "Unknown", which stays last.
    const unknownAt = rows.findIndex((r) => r.key === null);
    rows.splice(unknownAt < 0 ? rows.length : unknownAt, 0, other);
  }
  return scaleRows(rows);
}

/**
 * The rows of a two-dimension chart: one row per key of the other dimension, one bar per
 * key of `seriesPosition` (every row has every series, a missing cell counting zero).
 */
export function groupedRows(table: StatTable, seriesPosition: 0 | 1): { series: (string | null)[]; rows: StatRow[] } {
  const rowPosition = seriesPosition === 0 ? 1 : 0;
  const series = keysAt(table, seriesPosition);
  const rowKeys = keysAt(table, rowPosition);
  const countOf = new Map<string, number | null>();
  for (const cell of table.cells) {
    countOf.set(JSON.stringify([cell.keys[rowPosition] ?? null, cell.keys[seriesPosition] ?? null]), cell.count);
  }
  const rows = rowKeys.map((key) => ({
    key,
    bars: series.map((s) => {
      const found = countOf.get(JSON.stringify([key, s]));
      return { key: s, count: found === undefined ? 0 : found, width: 0 };
    }),
  }));
  return { series, rows: scaleRows(rows) };
}

function scaleRows(rows: StatRow[]): StatRow[] {
  const max = rows.reduce((m, r) => r.bars.reduce((mm, b) => Math.max(mm, b.count ?? 0), m), 0);
  return rows.map((r) => ({ ...r, bars: r.bars.map((b) => ({ ...b, width: widthOf(b.count, max) })) }));
}

/** The largest count of a table's cells (0 when all are suppressed or there are none). */
export function maxCount(table: StatTable): number {
  return table.cells.reduce((m, c) => Math.max(m, c.count ?? 0), 0);
}

/** The period after a year ("2016" → "2017") or a month ("2016-12" → "2017-01"). */
function nextPeriod(key: string): string {
  const [year, month] = key.split('-').map(Number);
  if (month === undefined) return String((year ?? 0) + 1);
  return month === 12 ? `${(year ?? 0) + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** Longest series of periods a trend chart draws (200 years, or 16 years of months). */
const MAX_PERIODS = 200;

/**
 * The columns of a trend over a year or month table: every period from the first to the last
 * known one, periods without records as zero, so gaps show as gaps; unknown periods left out.
 */
export function periodColumns(table: StatTable): { key: string; count: number | null }[] {
  const known = sortedCells(table).filter((c): c is StatCell & { keys: [string] } => typeof c.keys[0] === 'string');
  const first = known[0]?.keys[0];
  const last = known.at(-1)?.keys[0];
  if (first === undefined || last === undefined) return [];
  const countOf = new Map(known.map((c) => [c.keys[0], c.count]));
  const columns: { key: string; count: number | null }[] = [];
  for (let key = first; columns.length < MAX_PERIODS; key = nextPeriod(key)) {
    columns.push({ key, count: countOf.has(key) ? (countOf.get(key) ?? null) : 0 });
    if (key >= last) break;
  }
  return columns;
}
